import CarePlanCore

/// Contingency, review, agreement, consent, notes and removal.
enum CareCommands {
    enum ContingencyPart: String, Vocabulary {
        case trigger
        case plan
        case who
        case call
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let contingency = "Contingency"
        try registry.register(
            CommandSpec(
                "contingency", group: contingency,
                summary: "Set the contingency plan: add a trigger, what should happen (plan), who to contact (who), or the contacts to call (call C1,C2).",
                positionals: [PositionalSpec("PART", .vocabulary(ContingencyPart.self)), PositionalSpec("TEXT", .text, optional: true, rest: true)],
                example: "contingency trigger Not answering the phone for two days",
                details: "contingency plan TEXT and contingency who TEXT replace the text (empty clears); contingency call C3,C1 sets the order to call."
            ) { invocation, session in
                guard let part = try invocation.choice("PART", as: ContingencyPart.self) else { return }
                let text = invocation.text("TEXT")
                var ids: [EntryID] = []
                if part == .call, let text {
                    ids = try text.split(separator: ",").map { word in
                        guard let id = EntryID(String(word).trimmingCharacters(in: .whitespaces)), id.kind == .contact else {
                            throw ShellError("contingency call: expected contact ids such as C1,C2, got \(word)")
                        }
                        return id
                    }
                }
                if part == .trigger, text == nil { throw ShellError("contingency trigger: say what the trigger is") }
                let change: PlanEdit.ContingencyChange
                switch part {
                case .trigger: change = .addTrigger(text ?? "")
                case .plan: change = .whatShouldHappen(text)
                case .who: change = .whoToContact(text)
                case .call: change = .callOrder(ids)
                }
                try session.apply(.contingency(change))
            })
        try registry.register(
            CommandSpec(
                "contingency untrigger", group: contingency, summary: "Remove a trigger by its number in `show contingency` (1 is the first).",
                positionals: [PositionalSpec("NUMBER", .integer(1...1000))], example: "contingency untrigger 2"
            ) { invocation, session in
                guard let number = try invocation.integer("NUMBER") else { return }
                try session.apply(.removeTrigger(number))
            })

        let review = "Review and agreement"
        try registry.register(
            CommandSpec(
                "review plan", group: review, summary: "Plan the next review: date, interval and who is responsible.",
                positionals: [PositionalSpec("DATE", .date)],
                options: [OptionSpec("every", .integer(1...520), "weeks between reviews"), OptionSpec("by", .text, "who is responsible")],
                example: "review plan 2027-02-01 --every 12 --by \"Sam Osei\""
            ) { invocation, session in
                let date = try invocation.date("DATE")
                let weeks = try invocation.integer("every")
                let responsible = invocation.optionalText("by")
                try session.apply(.planReview(on: date, everyWeeks: weeks, responsible: responsible))
            })
        try registry.register(
            CommandSpec(
                "review held", group: review, summary: "Record a review that took place; with an interval, plans the next one.",
                positionals: [PositionalSpec("DATE", .pastDate)],
                options: [OptionSpec("by", .text, "who held it (default: you)"), OptionSpec("summary", .text, "what was said and decided")],
                example: "review held today --summary \"Going to choir weekly; energy advice booked\""
            ) { invocation, session in
                guard let date = try invocation.date("DATE") else { throw ShellError("review held: give the date") }
                let heldBy = invocation.text("by") ?? session.author
                let summary = invocation.text("summary")
                try session.apply(.reviewHeld(on: date, by: heldBy, summary: summary))
            })
        try registry.register(
            CommandSpec(
                "agree", group: review, summary: "Record that the person (or their representative) agreed the plan.",
                positionals: [PositionalSpec("WHO", .vocabulary(AgreedBy.self))],
                options: [
                    OptionSpec("name", .text, "the representative's name"), OptionSpec("relationship", .text, "the representative's relationship"),
                    OptionSpec("on", .pastDate, "the day (default today)"),
                ],
                example: "agree representative --name \"Ruth Lloyd\" --relationship daughter"
            ) { invocation, session in
                guard let who = try invocation.choice("WHO", as: AgreedBy.self) else { return }
                if who == .representative, invocation.text("name") == nil { throw ShellError("agree representative: --name is required") }
                let name = invocation.text("name"), relationship = invocation.text("relationship")
                let date = try invocation.date("on")
                try session.apply(.agree(by: who, on: date, name: name, relationship: relationship))
            })
        try registry.register(
            CommandSpec(
                "consent", group: review, summary: "Record consent for information sharing: given, declined or limited.",
                positionals: [PositionalSpec("STATUS", .vocabulary(ConsentStatus.self))],
                options: [
                    OptionSpec("scope", .text, "what may be shared with whom (required for limited)"), OptionSpec("on", .pastDate, "the day (default today)"),
                ],
                example: "consent limited --scope \"GP practice only\""
            ) { invocation, session in
                guard let status = try invocation.choice("STATUS", as: ConsentStatus.self) else { return }
                let scope = invocation.text("scope")
                if status == .limited, scope == nil { throw ShellError("consent limited: --scope is required") }
                let date = try invocation.date("on")
                try session.apply(.consent(status, on: date, scope: scope))
            })

        try registry.register(
            CommandSpec(
                "note", group: "Notes", summary: "Add a dated note.",
                positionals: [PositionalSpec("TEXT", .text, rest: true)], example: "note Rang Ruth; Edie had a good week"
            ) { invocation, session in
                let text = try invocation.required("TEXT")
                try session.apply(.addNote(text))
            })
        try registry.register(
            CommandSpec(
                "remove", group: "Editing", summary: "Remove a plan entry by id (refused while other entries link to it).",
                positionals: [PositionalSpec("ID", .entry(EntryKind.allCases))], example: "remove S2",
                details: "Removes about-me entries (M), strengths (S), needs (N), goals (G), actions (A), referrals (R), "
                    + "contacts (C), reviews held (V) and notes (D). Role module entries (links L, coaching goals CG, "
                    + "sessions CS, tasks T, tracked items K) are kept for the record: close them with their status command."
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                try session.apply(.remove(id))
            })
    }
}
