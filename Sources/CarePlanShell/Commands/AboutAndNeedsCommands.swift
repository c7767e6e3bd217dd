import CarePlanCore

/// About me, strengths and needs.
enum AboutAndNeedsCommands {
    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let about = "About me"
        try registry.register(
            CommandSpec(
                "about add", group: about, summary: "Add what the person says under an About me heading.",
                positionals: [PositionalSpec("HEADING", .vocabulary(AboutMeHeading.self)), PositionalSpec("TEXT", .text, rest: true)],
                example: "about add what-matters-most Getting out of the house again",
                details: "Headings: \(AboutMeHeading.choices)."
            ) { invocation, session in
                guard let heading = try invocation.choice("HEADING", as: AboutMeHeading.self) else { return }
                let text = try invocation.required("TEXT")
                try session.apply(.addAboutMe(heading, text))
            })
        try registry.register(
            CommandSpec(
                "about edit", group: about, summary: "Replace the words of an About me entry.",
                positionals: [PositionalSpec("ID", .entry([.aboutMe])), PositionalSpec("TEXT", .text, rest: true)],
                example: "about edit M1 Seeing my grandchildren every week"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                let text = try invocation.required("TEXT")
                try session.apply(.editAboutMe(id, text))
            })
        try registry.register(
            CommandSpec(
                "about written", group: about, summary: "Record when About me was written and who helped.",
                positionals: [PositionalSpec("DATE", .pastDate)],
                options: [OptionSpec("by", .text, "who supported the person to write it")],
                example: "about written today --by \"Aisha Rahman (SPLW)\""
            ) { invocation, session in
                let date = try invocation.date("DATE")
                let helper = invocation.optionalText("by")
                try session.apply(.aboutMeWritten(on: date, supportedBy: helper))
            })

        try registry.register(
            CommandSpec(
                "strength add", group: "Strengths and needs", summary: "Add a strength.",
                positionals: [PositionalSpec("TEXT", .text, rest: true)], example: "strength add Loves singing"
            ) { invocation, session in
                let text = try invocation.required("TEXT")
                try session.apply(.addStrength(text))
            })
        try registry.register(
            CommandSpec(
                "strength edit", group: "Strengths and needs", summary: "Replace the words of a strength.",
                positionals: [PositionalSpec("ID", .entry([.strength])), PositionalSpec("TEXT", .text, rest: true)],
                example: "strength edit S1 Sang in a choir for thirty years"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                let text = try invocation.required("TEXT")
                try session.apply(.editStrength(id, text))
            })

        let needOptions = [
            OptionSpec("domain", .vocabulary(NeedDomain.self), "area of life"),
            OptionSpec("score", .integer(0...10), "how much it worries the person, 0-10"),
            OptionSpec("raised", .pastDate, "when it was raised"),
        ]
        try registry.register(
            CommandSpec(
                "need add", group: "Strengths and needs", summary: "Add a need or concern in the person's words.",
                positionals: [PositionalSpec("TEXT", .text, rest: true)],
                options: [OptionSpec("domain", .vocabulary(NeedDomain.self), "area of life", required: true)] + needOptions.dropFirst(),
                example: "need add I feel lonely since Tom died --domain family-and-relationships --score 8",
                details: "Domains: \(NeedDomain.choices). Without --raised, the need is dated today."
            ) { invocation, session in
                let text = try invocation.required("TEXT")
                guard let domain = try invocation.choice("domain", as: NeedDomain.self) else {
                    throw ShellError("need add: --domain is required (\(NeedDomain.choices))")
                }
                let score = try invocation.integer("score")
                let raised = try invocation.date("raised") ?? session.today
                try session.apply(.addNeed(text, domain: domain, score: score, raised: raised))
            })
        try registry.register(
            CommandSpec(
                "need edit", group: "Strengths and needs", summary: "Change a need's words, domain, score or date.",
                positionals: [PositionalSpec("ID", .entry([.need])), PositionalSpec("TEXT", .text, optional: true, rest: true)],
                options: needOptions, example: "need edit N1 --score 5"
            ) { invocation, session in
                guard let id = try invocation.entry("ID") else { return }
                var changes = PlanEdit.NeedChanges()
                changes.text = invocation.text("TEXT")
                changes.domain = try invocation.choice("domain", as: NeedDomain.self)
                changes.score = try invocation.change("score", invocation.integer)
                changes.raised = try invocation.change("raised", invocation.date)
                try session.apply(.editNeed(id, changes))
            })
        try registry.register(
            CommandSpec(
                "need status", group: "Strengths and needs", summary: "Set where a need stands.",
                positionals: [PositionalSpec("ID", .entry([.need])), PositionalSpec("STATUS", .vocabulary(NeedStatus.self))],
                example: "need status N2 resolved"
            ) { invocation, session in
                guard let id = try invocation.entry("ID"), let status = try invocation.choice("STATUS", as: NeedStatus.self) else { return }
                try session.apply(.setNeedStatus(id, to: status))
            })
    }
}
