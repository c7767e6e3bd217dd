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
                options: [
                    OptionSpec("owner", .text, "only items for this person"), OptionSpec("mine", nil, "only items for you, and items no one owns"),
                    OptionSpec("role", .dynamic("ROLE") { $0.plugins.roles }, "only the core's items and this role's (splw, hwbc, cc)"),
                    OptionSpec("today", .date, "judge as of this day (default today)"),
                    OptionSpec("limit", .integer(1...100_000), "at most this many lines per group (default 50)"),
                ],
                example: "worklist --mine --role splw", needsPlan: false
            ) { invocation, session in
                let today = try invocation.date("today") ?? session.today
                if invocation.flag("mine"), invocation.text("owner") != nil { throw ShellError("worklist: give --mine or --owner, not both") }
                let owner = invocation.flag("mine") ? session.author : invocation.text("owner")
                let role = invocation.text("role")?.lowercased()
                if let role, !session.plugins.roles.contains(role) {
                    throw ShellError("worklist: --role: expected one of \(session.plugins.roles.joined(separator: ", ")), got \(role)")
                }
                let worklist = try CaseloadWorklist(
                    store: session.store, plugins: session.plugins, today: today, owner: owner, includeUnowned: invocation.flag("mine"), role: role,
                    limit: try invocation.integer("limit") ?? 50)
                try worklist.write(width: max(60, session.width)) { session.output.write($0) }
            })
    }
}
