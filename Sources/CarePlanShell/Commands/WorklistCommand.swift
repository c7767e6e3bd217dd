import CarePlanCore

/// `worklist`: the caseload's due items across every plan, in the groups the core and the
/// loaded modules declare.
enum WorklistCommand {
    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "worklist", group: PlanCommands.group,
                summary:
                    "The caseload across every plan: overdue, due today, due this week, reviews due, referral answers overdue, and each module's own groups.",
                example: "worklist --mine --role splw", needsPlan: false
            ) { arguments in
                let owner = arguments.option("owner", .text, "only items for this person")
                let mine = arguments.flag("mine", "only items for you, and items no one owns")
                let role = arguments.option("role", .dynamic("ROLE") { $0.plugins.roles }, "only the core's items and this role's (splw, hwbc, cc)")
                let today = arguments.option("today", .date, "judge as of this day (default today)")
                let limit = arguments.option("limit", .integer(1...100_000), "at most this many lines per group (default 50)")
                return { invocation, session in
                    let mine = try invocation[mine], named = try invocation[owner]
                    if mine, named != nil { throw ShellError("worklist: give --mine or --owner, not both") }
                    let role = try invocation[role]?.lowercased()
                    if let role, !session.plugins.roles.contains(role) {
                        throw ShellError("worklist: --role: expected one of \(session.plugins.roles.joined(separator: ", ")), got \(role)")
                    }
                    let worklist = try CaseloadWorklist(
                        store: session.store, plugins: session.plugins, today: try invocation[today] ?? session.today,
                        owner: mine ? session.author : named, includeUnowned: mine, role: role, limit: try invocation[limit] ?? 50)
                    try worklist.write(width: max(60, session.width)) { session.output.write($0) }
                }
            })
    }
}
