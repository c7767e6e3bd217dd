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
                    OptionSpec("owner", .text, "only items for this person"), OptionSpec("today", .date, "judge as of this day (default today)"),
                    OptionSpec("limit", .integer(1...100_000), "at most this many lines per group (default 50)"),
                ],
                example: "worklist --owner \"Sam Osei\"", needsPlan: false
            ) { invocation, session in
                let today = try invocation.date("today") ?? session.today
                let owner = invocation.text("owner")
                let worklist = try CaseloadWorklist(
                    store: session.store, plugins: session.plugins, today: today, owner: owner,
                    limit: try invocation.integer("limit") ?? 50)
                try worklist.write(width: max(60, session.width)) { session.output.write($0) }
            })
    }
}
