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
                example: "new Margaret Okafor --nhs \"999 000 0018\" --dob 1948-03-14",
                details: "One person has one plan: an NHS number another plan has is refused. A plan for someone with the "
                    + "same name and date of birth as an existing plan is made only after you say yes (or with --force in a script).",
                needsPlan: false
            ) { arguments in
                let name = arguments.positional("NAME", .text, rest: true)
                let nhs = arguments.option("nhs", .nhsNumber, "NHS number")
                let dob = arguments.option("dob", .pastDate, "date of birth")
                let force = arguments.flag("force", "make the plan even though one exists for the same name and date of birth")
                return { invocation, session in
                    var person = Person(name: try invocation[name])
                    person.nhsNumber = try invocation[nhs].flatMap(NHSNumber.init)
                    person.dateOfBirth = try invocation[dob]
                    try create(person, force: try invocation[force], session)
                }
            })
        try registry.register(
            CommandSpec(
                "open", group: group, summary: "Open a plan by id, NHS number or name.", example: "open 999 000 0018", needsPlan: false
            ) { arguments in
                let plan = arguments.positional("PLAN", .plan, rest: true)
                return { invocation, session in
                    let summary = try session.resolvePlan(try invocation[plan])
                    try session.open(planID: summary.id)
                    try session.recordAccess(.open)
                    let plan = try session.openPlan()
                    session.say("opened \(plan.plan.id) \(TerminalSafe.sanitize(plan.plan.person.name)) (revision \(plan.revision))")
                }
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
                example: "plans okaf", needsPlan: false
            ) { arguments in
                let match = arguments.optionalPositional("MATCH", .plan, rest: true)
                return { invocation, session in
                    let count: Int
                    if let match = try invocation[match] {
                        let plans = try session.store.find(match)
                        session.output.write(PlanListing.table(plans))
                        count = plans.count
                    } else {
                        count = try PlanListing.stream(session.store) { session.output.write($0) }
                    }
                    session.say("\(count) plan\(count == 1 ? "" : "s")")
                }
            })
        try registry.register(
            CommandSpec("show", group: group, summary: "Show the open plan, or one section of it.", example: "show referrals") { arguments in
                let section = arguments.optionalPositional("SECTION", .vocabulary(PlanSection.self))
                return { invocation, session in try show(try invocation[section], session) }
            })
        try registry.register(
            CommandSpec("status", group: group, summary: "Set the plan's status.", example: "status active") { arguments in
                let status = arguments.positional("STATUS", .vocabulary(PlanStatus.self))
                return { invocation, session in try session.apply(.setPlanStatus(try invocation[status])) }
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

    /// `new`: makes the plan, asking first when one exists for the same name and date of birth.
    private static func create(_ person: Person, force: Bool, _ session: ShellSession) throws {
        if let dateOfBirth = person.dateOfBirth, !force {
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
    }

    /// `show`: the open plan, or one section, noting when a colleague has changed it since.
    private static func show(_ section: PlanSection?, _ session: ShellSession) throws {
        let open = try session.openPlan()
        let plan = open.plan
        let head = try session.store.headRevision(of: plan.id)
        if head.number != open.revision {
            session.say(
                "NOTE: this is revision \(open.revision) as you opened it; \(TerminalSafe.sanitize(head.author)) has "
                    + "changed the plan since (now revision \(head.number)). Type reload to see the latest.")
        }
        var renderer = session.renderer()
        if let section { renderer.sections = [section] }
        try session.recordAccess(.show, detail: section?.rawValue)
        session.output.write(renderer.render(plan))
    }
}
