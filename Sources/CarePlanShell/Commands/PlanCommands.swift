import CarePlanCore
import CarePlanStore
import Foundation

/// Creating, finding, opening and showing plans.
enum PlanCommands {
    static let group = "Plans"

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "new", group: group, summary: "Create a plan for a new person and open it.",
                positionals: [PositionalSpec("NAME", .text, rest: true)],
                options: [
                    OptionSpec("nhs", .nhsNumber, "NHS number"), OptionSpec("dob", .pastDate, "date of birth"),
                    OptionSpec("force", nil, "make the plan even though one exists for the same name and date of birth"),
                ],
                example: "new Margaret Okafor --nhs \"999 000 0018\" --dob 1948-03-14",
                details: "One person has one plan: an NHS number another plan has is refused. A plan for someone with the "
                    + "same name and date of birth as an existing plan is made only after you say yes (or with --force in a script).",
                needsPlan: false
            ) { invocation, session in
                var person = Person(name: try invocation.required("NAME"))
                person.nhsNumber = invocation.text("nhs").flatMap(NHSNumber.init)
                person.dateOfBirth = try invocation.date("dob")
                if let dateOfBirth = person.dateOfBirth, !invocation.flag("force") {
                    let twins = try session.store.plans(named: person.name, bornOn: dateOfBirth)
                    if !twins.isEmpty {
                        let ids = twins.map(\.id).joined(separator: ", ")
                        let question = "plan \(ids) is for someone with the same name and date of birth; make another plan anyway?"
                        guard let confirm = session.confirm else {
                            throw ShellError("new: \(question.dropLast()): open \(twins[0].id), or add --force to make another")
                        }
                        guard confirm(question) else { throw ShellError("new: no plan made; open \(twins[0].id) to see the existing one") }
                    }
                }
                let plan = Plan(id: session.newPlanID(), person: person)
                try session.create(plan)
                session.say("created plan \(plan.id) (draft) and opened it")
            })
        try registry.register(
            CommandSpec(
                "open", group: group, summary: "Open a plan by id, NHS number or name.",
                positionals: [PositionalSpec("PLAN", .plan, rest: true)],
                example: "open 999 000 0018", needsPlan: false
            ) { invocation, session in
                let summary = try session.resolvePlan(try invocation.required("PLAN"))
                try session.open(planID: summary.id)
                try session.recordAccess(.open)
                let plan = try session.openPlan()
                session.say("opened \(plan.plan.id) \(TerminalSafe.sanitize(plan.plan.person.name)) (revision \(plan.revision))")
            })
        try registry.register(
            CommandSpec(
                "close", group: group, summary: "Close the open plan.", example: "close"
            ) { _, session in
                session.close()
                session.say("closed")
            })
        try registry.register(
            CommandSpec(
                "plans", group: group, summary: "List plans, or those whose name, id or NHS number matches.",
                positionals: [PositionalSpec("MATCH", .plan, optional: true, rest: true)],
                example: "plans okaf", needsPlan: false
            ) { invocation, session in
                let count: Int
                if let match = invocation.text("MATCH") {
                    let plans = try session.store.find(match)
                    session.output.write(PlanListing.table(plans))
                    count = plans.count
                } else {
                    count = try PlanListing.stream(session.store) { session.output.write($0) }
                }
                session.say("\(count) plan\(count == 1 ? "" : "s")")
            })
        try registry.register(
            CommandSpec(
                "show", group: group, summary: "Show the open plan, or one section of it.",
                positionals: [PositionalSpec("SECTION", .vocabulary(PlanSection.self), optional: true)],
                example: "show referrals"
            ) { invocation, session in
                let open = try session.openPlan()
                let plan = open.plan
                let head = try session.store.headRevision(of: plan.id)
                if head.number != open.revision {
                    session.say(
                        "NOTE: this is revision \(open.revision) as you opened it; \(TerminalSafe.sanitize(head.author)) has "
                            + "changed the plan since (now revision \(head.number)). Type reload to see the latest.")
                }
                var renderer = session.renderer()
                let section = try invocation.choice("SECTION", as: PlanSection.self)
                if let section { renderer.sections = [section] }
                try session.recordAccess(.show, detail: section?.rawValue)
                session.output.write(renderer.render(plan))
            })
        try registry.register(
            CommandSpec(
                "status", group: group, summary: "Set the plan's status.",
                positionals: [PositionalSpec("STATUS", .vocabulary(PlanStatus.self))],
                example: "status active"
            ) { invocation, session in
                guard let status = try invocation.choice("STATUS", as: PlanStatus.self) else { return }
                try session.apply(.setPlanStatus(status))
            })
        try registry.register(
            CommandSpec(
                "validate", group: group, summary: "Check the open plan and list every warning.",
                example: "validate"
            ) { _, session in
                let plan = try session.openPlan().plan
                let issues = PlanValidator(today: session.today).validate(plan) + session.plugins.validate(plan, today: session.today)
                if issues.isEmpty { session.say("no problems found") }
                for issue in issues { session.say(issue.plainDescription(in: plan)) }
            })
    }
}
