import CarePlanCore

/// Goals and actions.
enum GoalAndActionCommands {
    static let group = "Goals and actions"

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let goalOptions = [
            OptionSpec("need", .entryList(.need), "the needs it addresses (N1,N2)"),
            OptionSpec("importance", .integer(1...10), "how much it matters, 1-10"),
            OptionSpec("confidence", .integer(1...10), "how confident the person is, 1-10"),
            OptionSpec("target", .date, "target date"),
            OptionSpec("measure", .text, "how progress is measured"),
            OptionSpec("outcome", .text, "the outcome, in the person's words"),
        ]
        try registry.register(
            CommandSpec(
                "goal add", group: group, summary: "Add a goal in the person's words.",
                positionals: [PositionalSpec("TEXT", .text, rest: true)], options: goalOptions,
                example: "goal add Join a singing group --need N1 --importance 9 --confidence 6 --target 2026-12-31"
            ) { invocation, session in
                let text = try invocation.required("TEXT")
                let needs = try invocation.entries("need") ?? []
                let importance = try invocation.integer("importance"), confidence = try invocation.integer("confidence")
                let target = try invocation.date("target")
                let measure = invocation.text("measure"), outcome = invocation.text("outcome")
                try session.apply(
                    .addGoal(
                        text, needs: needs, importance: importance, confidence: confidence, target: target, measure: measure,
                        outcome: outcome))
            })
        try registry.register(
            CommandSpec(
                "goal edit", group: group, summary: "Change a goal; an empty value (\"\") clears an option.",
                positionals: [PositionalSpec("ID", .entry([.goal])), PositionalSpec("TEXT", .text, optional: true, rest: true)],
                options: goalOptions, example: "goal edit G1 --confidence 8"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                var changes = PlanEdit.GoalChanges()
                changes.text = invocation.text("TEXT")
                changes.needs = try invocation.entries("need")
                changes.importance = try invocation.change("importance", invocation.integer)
                changes.confidence = try invocation.change("confidence", invocation.integer)
                changes.target = try invocation.change("target", invocation.date)
                changes.measure = invocation.optionalText("measure")
                changes.outcome = invocation.optionalText("outcome")
                try session.apply(.editGoal(id, changes))
            })
        try registry.register(
            CommandSpec(
                "goal status", group: group, summary: "Move a goal through its lifecycle (FHIR Goal statuses).",
                positionals: [PositionalSpec("ID", .entry([.goal])), PositionalSpec("STATUS", .vocabulary(GoalLifecycleStatus.self))],
                options: [OptionSpec("achievement", .vocabulary(GoalAchievementStatus.self), "how it is going")],
                example: "goal status G1 active --achievement improving"
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let status = try invocation.choice("STATUS", as: GoalLifecycleStatus.self) else { return }
                try session.apply(.moveGoal(id, to: status, achievement: try invocation.choice("achievement", as: GoalAchievementStatus.self)))
            })
        try registry.register(
            CommandSpec(
                "goal link", group: group, summary: "Link a goal to a need.",
                positionals: [PositionalSpec("GOAL", .entry([.goal])), PositionalSpec("NEED", .entry([.need]))],
                example: "goal link G2 N3"
            ) { invocation, session in
                guard let goal = try invocation.entry("GOAL"), let need = try invocation.entry("NEED") else { return }
                try session.apply(.linkGoal(goal, need: need, linked: true))
            })
        try registry.register(
            CommandSpec(
                "goal unlink", group: group, summary: "Unlink a goal from a need.",
                positionals: [PositionalSpec("GOAL", .entry([.goal])), PositionalSpec("NEED", .entry([.need]))],
                example: "goal unlink G2 N3"
            ) { invocation, session in
                guard let goal = try invocation.entry("GOAL"), let need = try invocation.entry("NEED") else { return }
                try session.apply(.linkGoal(goal, need: need, linked: false))
            })

        let actionOptions = [
            OptionSpec("goal", .entry([.goal]), "the goal it works towards"),
            OptionSpec("who", .text, "who will do it"),
            OptionSpec("role", .text, "their role"),
            OptionSpec("team", .text, "their team"),
            OptionSpec("due", .date, "due date"),
            OptionSpec("review", .date, "review date"),
        ]
        try registry.register(
            CommandSpec(
                "action add", group: group, summary: "Add an action: what, who, when.",
                positionals: [PositionalSpec("TEXT", .text, rest: true)], options: actionOptions,
                example: "action add Go with Maggie to the first session --goal G1 --who \"Aisha Rahman\" --role SPLW --due 2026-12-01"
            ) { invocation, session in
                let text = try invocation.required("TEXT")
                let goal = try invocation.entry("goal")
                let assignee = try assignee(from: invocation, existing: nil)
                let due = try invocation.date("due"), review = try invocation.date("review")
                try session.apply(.addAction(text, goal: goal, assignee: assignee, due: due, review: review))
            })
        try registry.register(
            CommandSpec(
                "action edit", group: group, summary: "Change an action; an empty value (\"\") clears an option.",
                positionals: [PositionalSpec("ID", .entry([.action])), PositionalSpec("TEXT", .text, optional: true, rest: true)],
                options: actionOptions, example: "action edit A2 --due 2026-12-10"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                var changes = PlanEdit.ActionChanges()
                changes.text = invocation.text("TEXT")
                changes.goal = try invocation.change("goal", invocation.entry)
                changes.due = try invocation.change("due", invocation.date)
                changes.review = try invocation.change("review", invocation.date)
                if ["who", "role", "team"].contains(where: { invocation.text($0) != nil }) {
                    let current = try session.openPlan().plan.actions.first { $0.id == id }?.assignee
                    changes.assignee = .some(try assignee(from: invocation, existing: current))
                }
                try session.apply(.editAction(id, changes))
            })
        try registry.register(
            CommandSpec(
                "action status", group: group, summary: "Set an action's status.",
                positionals: [PositionalSpec("ID", .entry([.action])), PositionalSpec("STATUS", .vocabulary(ActionStatus.self))],
                example: "action status A1 completed"
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let status = try invocation.choice("STATUS", as: ActionStatus.self) else { return }
                try session.apply(.setActionStatus(id, to: status))
            })
    }

    static func assignee(from invocation: Invocation, existing: Assignee?) throws -> Assignee? {
        let name = invocation.optionalText("who"), role = invocation.optionalText("role"), team = invocation.optionalText("team")
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
}
