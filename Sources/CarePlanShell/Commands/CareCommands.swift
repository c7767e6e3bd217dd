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
                example: "contingency trigger Not answering the phone for two days",
                details: "contingency plan TEXT and contingency who TEXT replace the text (empty clears); contingency call C3,C1 sets the order to call."
            ) { arguments in
                let part = arguments.positional("PART", .vocabulary(ContingencyPart.self))
                let words = arguments.optionalPositional("TEXT", .text, rest: true)
                return { invocation, session in
                    let part = try invocation[part], text = try invocation[words]
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
                }
            })
        try registry.register(
            CommandSpec(
                "contingency untrigger", group: contingency, summary: "Remove a trigger by its number in `show contingency` (1 is the first).",
                example: "contingency untrigger 2"
            ) { arguments in
                let number = arguments.positional("NUMBER", .integer(1...1000))
                return { invocation, session in try session.apply(.removeTrigger(try invocation[number])) }
            })

        let review = "Review and agreement"
        try registry.register(
            CommandSpec(
                "review plan", group: review, summary: "Plan the next review: date, interval and who is responsible.",
                example: "review plan 2027-02-01 --every 12 --by \"Sam Osei\""
            ) { arguments in
                let date = arguments.positional("DATE", ArgumentType.date.clearable)
                let weeks = arguments.option("every", .integer(1...520), "weeks between reviews")
                let responsible = arguments.option("by", .text, "who is responsible")
                return { invocation, session in
                    try session.apply(
                        .planReview(on: try invocation[date], everyWeeks: try invocation[weeks], responsible: try invocation.change(responsible)))
                }
            })
        try registry.register(
            CommandSpec(
                "review held", group: review, summary: "Record a review that took place; with an interval, plans the next one.",
                example: "review held today --summary \"Going to choir weekly; energy advice booked\""
            ) { arguments in
                let date = arguments.positional("DATE", .pastDate)
                let heldBy = arguments.option("by", .text, "who held it (default: you)")
                let summary = arguments.option("summary", .text, "what was said and decided")
                return { invocation, session in
                    try session.apply(
                        .reviewHeld(on: try invocation[date], by: try invocation[heldBy] ?? session.author, summary: try invocation[summary]))
                }
            })
        try registry.register(
            CommandSpec(
                "agree", group: review, summary: "Record that the person (or their representative) agreed the plan.",
                example: "agree representative --name \"Ruth Lloyd\" --relationship daughter"
            ) { arguments in
                let who = arguments.positional("WHO", .vocabulary(AgreedBy.self))
                let name = arguments.option("name", .text, "the representative's name")
                let relationship = arguments.option("relationship", .text, "the representative's relationship")
                let date = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    let who = try invocation[who], name = try invocation[name]
                    if who == .representative, name == nil { throw ShellError("agree representative: --name is required") }
                    try session.apply(.agree(by: who, on: try invocation[date], name: name, relationship: try invocation[relationship]))
                }
            })
        try registry.register(
            CommandSpec(
                "consent", group: review, summary: "Record consent for information sharing: given, declined or limited.",
                example: "consent limited --scope \"GP practice only\""
            ) { arguments in
                let status = arguments.positional("STATUS", .vocabulary(ConsentStatus.self))
                let scope = arguments.option("scope", .text, "what may be shared with whom (required for limited)")
                let date = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    let status = try invocation[status], scope = try invocation[scope]
                    if status == .limited, scope == nil { throw ShellError("consent limited: --scope is required") }
                    try session.apply(.consent(status, on: try invocation[date], scope: scope))
                }
            })

        try registry.register(
            CommandSpec("note", group: "Notes", summary: "Add a dated note.", example: "note Rang Ruth; Edie had a good week") { arguments in
                let text = arguments.positional("TEXT", .text, rest: true)
                return { invocation, session in try session.apply(.addNote(try invocation[text])) }
            })
        try registry.register(
            CommandSpec(
                "remove", group: "Editing", summary: "Remove a plan entry by id (refused while other entries link to it).",
                example: "remove S2",
                details: "Removes about-me entries (M), strengths (S), needs (N), goals (G), actions (A), referrals (R), "
                    + "contacts (C), reviews held (V) and notes (D). Role module entries (links L, coaching goals CG, "
                    + "sessions CS, tasks T, tracked items K) are kept for the record: close them with their status command."
            ) { arguments in
                let entry = arguments.positional("ID", .entry(EntryKind.allCases))
                return { invocation, session in try session.apply(.remove(try invocation[entry])) }
            })
    }
}
