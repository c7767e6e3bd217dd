import CarePlanCore

/// Goals and actions.
enum GoalAndActionCommands {
    static let group = "Goals and actions"

    /// The options `goal add` and `goal edit` share.
    struct GoalOptions {
        let needs: ArgumentHandle<[EntryID]?>
        let importance: ArgumentHandle<Int?>, confidence: ArgumentHandle<Int?>
        let target: ArgumentHandle<CalendarDate?>
        let measure: ArgumentHandle<String?>, outcome: ArgumentHandle<String?>

        init(_ arguments: inout CommandArguments) {
            needs = arguments.option("need", .entryList(.need), "the needs it addresses (N1,N2)")
            importance = arguments.option("importance", .integer(1...10), "how much it matters, 1-10")
            confidence = arguments.option("confidence", .integer(1...10), "how confident the person is, 1-10")
            target = arguments.option("target", .date, "target date")
            measure = arguments.option("measure", .text, "how progress is measured")
            outcome = arguments.option("outcome", .text, "the outcome, in the person's words")
        }
    }

    /// The options `action add` and `action edit` share.
    struct ActionOptions {
        let goal: ArgumentHandle<EntryID?>
        let who: ArgumentHandle<String?>, role: ArgumentHandle<String?>, team: ArgumentHandle<String?>
        let due: ArgumentHandle<CalendarDate?>, review: ArgumentHandle<CalendarDate?>

        init(_ arguments: inout CommandArguments) {
            goal = arguments.option("goal", .entry([.goal]), "the goal it works towards")
            who = arguments.option("who", .text, "who will do it")
            role = arguments.option("role", .text, "their role")
            team = arguments.option("team", .text, "their team")
            due = arguments.option("due", .date, "due date")
            review = arguments.option("review", .date, "review date")
        }

        /// The assignee the options describe, starting from `existing`: `--who ""` removes it;
        /// a role or team needs someone to hold it.
        func assignee(from invocation: Invocation, existing: Assignee?) throws -> Assignee? {
            let name = try invocation.change(who), role = try invocation.change(role), team = try invocation.change(team)
            var result = existing
            if case .some(let value) = name {
                guard let value else { return nil }
                result = Assignee(name: value, role: existing?.role, team: existing?.team)
            }
            guard result != nil || (role == nil && team == nil) else {
                throw ShellError("action: give --who as well as --role or --team")
            }
            if case .some(let value) = role { result?.role = value }
            if case .some(let value) = team { result?.team = value }
            return result
        }

        /// True when any of `--who`, `--role` and `--team` was given.
        func namesAssignee(in invocation: Invocation) -> Bool {
            [who, role, team].contains { invocation.isGiven($0) }
        }
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "goal add", group: group, summary: "Add a goal in the person's words.",
                example: "goal add Join a singing group --need N1 --importance 9 --confidence 6 --target 2026-12-31"
            ) { arguments in
                let text = arguments.positional("TEXT", .text, rest: true)
                let options = GoalOptions(&arguments)
                return { invocation, session in
                    try session.apply(
                        .addGoal(
                            try invocation[text], needs: try invocation[options.needs] ?? [],
                            importance: try invocation[options.importance], confidence: try invocation[options.confidence],
                            target: try invocation[options.target], measure: try invocation[options.measure],
                            outcome: try invocation[options.outcome]))
                }
            })
        try registry.register(
            CommandSpec(
                "goal edit", group: group, summary: "Change a goal; an empty value (\"\") clears an option.",
                example: "goal edit G1 --confidence 8"
            ) { arguments in
                let goal = arguments.positional("ID", .entry([.goal]))
                let text = arguments.optionalPositional("TEXT", .text, rest: true)
                let options = GoalOptions(&arguments)
                return { invocation, session in
                    var changes = PlanEdit.GoalChanges()
                    changes.text = try invocation[text]
                    changes.needs = try invocation[options.needs]
                    changes.importance = try invocation.change(options.importance)
                    changes.confidence = try invocation.change(options.confidence)
                    changes.target = try invocation.change(options.target)
                    changes.measure = try invocation.change(options.measure)
                    changes.outcome = try invocation.change(options.outcome)
                    try session.apply(.editGoal(try invocation[goal], changes))
                }
            })
        try registry.register(
            CommandSpec(
                "goal status", group: group, summary: "Move a goal through its lifecycle (FHIR Goal statuses).",
                example: "goal status G1 active --achievement improving"
            ) { arguments in
                let goal = arguments.positional("ID", .entry([.goal]))
                let status = arguments.positional("STATUS", .vocabulary(GoalLifecycleStatus.self))
                let achievement = arguments.option("achievement", .vocabulary(GoalAchievementStatus.self), "how it is going")
                return { invocation, session in
                    try session.apply(.moveGoal(try invocation[goal], to: try invocation[status], achievement: try invocation[achievement]))
                }
            })
        for (verb, linked) in [("link", true), ("unlink", false)] {
            try registry.register(
                CommandSpec(
                    "goal \(verb)", group: group, summary: linked ? "Link a goal to a need." : "Unlink a goal from a need.",
                    example: "goal \(verb) G2 N3"
                ) { arguments in
                    let goal = arguments.positional("GOAL", .entry([.goal]))
                    let need = arguments.positional("NEED", .entry([.need]))
                    return { invocation, session in
                        try session.apply(.linkGoal(try invocation[goal], need: try invocation[need], linked: linked))
                    }
                })
        }

        try registry.register(
            CommandSpec(
                "action add", group: group, summary: "Add an action: what, who, when.",
                example: "action add Go with Maggie to the first session --goal G1 --who \"Aisha Rahman\" --role SPLW --due 2026-12-01"
            ) { arguments in
                let text = arguments.positional("TEXT", .text, rest: true)
                let options = ActionOptions(&arguments)
                return { invocation, session in
                    try session.apply(
                        .addAction(
                            try invocation[text], goal: try invocation[options.goal],
                            assignee: try options.assignee(from: invocation, existing: nil),
                            due: try invocation[options.due], review: try invocation[options.review]))
                }
            })
        try registry.register(
            CommandSpec(
                "action edit", group: group, summary: "Change an action; an empty value (\"\") clears an option.",
                example: "action edit A2 --due 2026-12-10"
            ) { arguments in
                let action = arguments.positional("ID", .entry([.action]))
                let text = arguments.optionalPositional("TEXT", .text, rest: true)
                let options = ActionOptions(&arguments)
                return { invocation, session in
                    let id = try invocation[action]
                    var changes = PlanEdit.ActionChanges()
                    changes.text = try invocation[text]
                    changes.goal = try invocation.change(options.goal)
                    changes.due = try invocation.change(options.due)
                    changes.review = try invocation.change(options.review)
                    if options.namesAssignee(in: invocation) {
                        let current = try session.openPlan().plan.actions.first { $0.id == id }?.assignee
                        changes.assignee = .some(try options.assignee(from: invocation, existing: current))
                    }
                    try session.apply(.editAction(id, changes))
                }
            })
        try registry.register(
            CommandSpec(
                "action status", group: group, summary: "Set an action's status.", example: "action status A1 completed"
            ) { arguments in
                let action = arguments.positional("ID", .entry([.action]))
                let status = arguments.positional("STATUS", .vocabulary(ActionStatus.self))
                return { invocation, session in
                    try session.apply(.setActionStatus(try invocation[action], to: try invocation[status]))
                }
            })
    }
}
