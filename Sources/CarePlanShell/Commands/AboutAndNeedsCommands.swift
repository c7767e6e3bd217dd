import CarePlanCore

/// About me, strengths and needs.
enum AboutAndNeedsCommands {
    static let needs = "Strengths and needs"

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        let about = "About me"
        try registry.register(
            CommandSpec(
                "about add", group: about, summary: "Add what the person says under an About me heading.",
                example: "about add what-matters-most Getting out of the house again",
                details: "Headings: \(AboutMeHeading.choices)."
            ) { arguments in
                let heading = arguments.positional("HEADING", .vocabulary(AboutMeHeading.self))
                let text = arguments.positional("TEXT", .text, rest: true)
                return { invocation, session in
                    try session.apply(.addAboutMe(try invocation[heading], try invocation[text]))
                }
            })
        try registry.register(
            CommandSpec(
                "about edit", group: about, summary: "Replace the words of an About me entry.",
                example: "about edit M1 Seeing my grandchildren every week"
            ) { arguments in
                let entry = arguments.positional("ID", .entry([.aboutMe]))
                let text = arguments.positional("TEXT", .text, rest: true)
                return { invocation, session in
                    try session.apply(.editAboutMe(try invocation[entry], try invocation[text]))
                }
            })
        try registry.register(
            CommandSpec(
                "about written", group: about, summary: "Record when About me was written and who helped.",
                example: "about written today --by \"Aisha Rahman (SPLW)\""
            ) { arguments in
                let date = arguments.positional("DATE", ArgumentType.pastDate.clearable)
                let helper = arguments.option("by", .text, "who supported the person to write it")
                return { invocation, session in
                    try session.apply(.aboutMeWritten(on: try invocation[date], supportedBy: try invocation.change(helper)))
                }
            })

        try registry.register(
            CommandSpec("strength add", group: needs, summary: "Add a strength.", example: "strength add Loves singing") { arguments in
                let text = arguments.positional("TEXT", .text, rest: true)
                return { invocation, session in try session.apply(.addStrength(try invocation[text])) }
            })
        try registry.register(
            CommandSpec(
                "strength edit", group: needs, summary: "Replace the words of a strength.",
                example: "strength edit S1 Sang in a choir for thirty years"
            ) { arguments in
                let strength = arguments.positional("ID", .entry([.strength]))
                let text = arguments.positional("TEXT", .text, rest: true)
                return { invocation, session in
                    try session.apply(.editStrength(try invocation[strength], try invocation[text]))
                }
            })

        try registry.register(
            CommandSpec(
                "need add", group: needs, summary: "Add a need or concern in the person's words.",
                example: "need add I feel lonely since Tom died --domain family-and-relationships --score 8",
                details: "Domains: \(NeedDomain.choices). Without --raised, the need is dated today."
            ) { arguments in
                let text = arguments.positional("TEXT", .text, rest: true)
                let domain = arguments.requiredOption("domain", .vocabulary(NeedDomain.self), "area of life")
                let score = arguments.option("score", .integer(0...10), "how much it worries the person, 0-10")
                let raised = arguments.option("raised", .pastDate, "when it was raised")
                return { invocation, session in
                    try session.apply(
                        .addNeed(
                            try invocation[text], domain: try invocation[domain], score: try invocation[score],
                            raised: try invocation[raised] ?? session.today))
                }
            })
        try registry.register(
            CommandSpec(
                "need edit", group: needs, summary: "Change a need's words, domain, score or date.", example: "need edit N1 --score 5"
            ) { arguments in
                let need = arguments.positional("ID", .entry([.need]))
                let text = arguments.optionalPositional("TEXT", .text, rest: true)
                let domain = arguments.option("domain", .vocabulary(NeedDomain.self), "area of life")
                let score = arguments.option("score", .integer(0...10), "how much it worries the person, 0-10")
                let raised = arguments.option("raised", .pastDate, "when it was raised")
                return { invocation, session in
                    var changes = PlanEdit.NeedChanges()
                    changes.text = try invocation[text]
                    changes.domain = try invocation[domain]
                    changes.score = try invocation.change(score)
                    changes.raised = try invocation.change(raised)
                    try session.apply(.editNeed(try invocation[need], changes))
                }
            })
        try registry.register(
            CommandSpec("need status", group: needs, summary: "Set where a need stands.", example: "need status N2 resolved") { arguments in
                let need = arguments.positional("ID", .entry([.need]))
                let status = arguments.positional("STATUS", .vocabulary(NeedStatus.self))
                return { invocation, session in
                    try session.apply(.setNeedStatus(try invocation[need], to: try invocation[status]))
                }
            })
    }
}
