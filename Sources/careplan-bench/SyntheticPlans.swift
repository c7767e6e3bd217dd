import CareCoordination
import CarePlanCore

/// Deterministic fictional plans of realistic size for the benchmark.
struct SyntheticPlans {
    private var random: SeededRandomNumberGenerator
    private var counter = 0
    private var nextNHSBody = 0

    static let givenNames = [
        "Ada", "Ben", "Chloe", "Dev", "Edith", "Farah", "George", "Hana", "Ivan", "Jade", "Kofi",
        "Lena", "Malik", "Nora", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
        "Wen", "Yusuf", "Zoë", "Aled", "Bronwen", "Ciarán", "Dafydd", "Éamon",
    ]
    static let workers = (1...40).map { "Worker \($0)" }

    static let familyNames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
        "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
        "Wood", "Jackson", "Clarke", "Hussain", "Khan", "Okafor", "Nowak", "Lloyd", "O'Brien",
        "Müller", "Begum", "Osei", "Fischer", "Rahman", "Ahmed", "Ali", "Murphy", "Kelly",
    ]

    init(seed: UInt64) {
        random = SeededRandomNumberGenerator(seed: seed)
    }

    mutating func next() -> Plan {
        counter += 1
        let given = Self.givenNames[Int(random.next() % UInt64(Self.givenNames.count))]
        let family = Self.familyNames[Int(random.next() % UInt64(Self.familyNames.count))]
        var plan = Plan(id: "CP-B\(counter)", person: Person(name: "\(given) \(family)-\(counter)"), status: .active)
        plan.person.nhsNumber = nhsNumber()
        plan.person.dateOfBirth = CalendarDate(year: 1930 + Int(random.next() % 70), month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))
        plan.person.address = Address(lines: ["\(counter) High Street", "Westshire"], postcode: "WS1 1AA")
        plan.person.gpPractice = GPPractice(name: "Riverside Surgery", odsCode: "Y99001")
        let today = CalendarDate(year: 2026, month: 11, day: 21)
        let worker = Self.workers[Int(random.next() % UInt64(Self.workers.count))]
        let soon = today?.adding(days: Int(random.next() % 60))
        plan.aboutMe.entries = [
            AboutMeEntry(
                id: plan.issueID(.aboutMe), heading: .whatMattersMost,
                text: "Staying independent at home and seeing my grandchildren.")
        ]
        plan.strengths = [Strength(id: plan.issueID(.strength), text: "Good support from family")]
        for domain in [NeedDomain.physical, .financial, .emotional] {
            let need = Need(
                id: plan.issueID(.need), description: "A concern about \(domain.label) matters.", domain: domain,
                concernScore: Int(random.next() % 11), raisedOn: today)
            plan.needs.append(need)
            let goal = Goal(
                id: plan.issueID(.goal), description: "Feel more in control of \(domain.label) things.",
                needIDs: [need.id], importance: 1 + Int(random.next() % 10), confidence: 1 + Int(random.next() % 10),
                targetDate: soon, lifecycleStatus: .active)
            plan.goals.append(goal)
            plan.actions.append(
                Action(
                    id: plan.issueID(.action), description: "Agree first steps towards the goal.",
                    assignee: Assignee(name: worker, role: "Care Coordinator"),
                    dueDate: today?.adding(days: Int(random.next() % 60) - 20), goalID: goal.id))
        }
        if let today {
            plan.referrals = [
                Referral(
                    id: plan.issueID(.referral), recipient: .socialPrescribingLinkWorker,
                    reason: "Loneliness", needIDs: [plan.needs[2].id], status: .requested, on: today,
                    responseDueOn: soon)
            ]
        }
        plan.professionalContacts = [ProfessionalContact(id: plan.issueID(.contact), name: "Sam Osei", role: "Care Coordinator", isKeyWorker: true)]
        plan.review.nextReviewOn = soon
        plan.review.responsible = worker
        plan.consent = today.map { Consent(status: .given, on: $0) }
        var coordination = CareCoordinationSection()
        for number in 1...2 {
            let id = coordination.issueID("T")
            guard let today else { continue }
            coordination.tasks.append(
                CoordinationTask(
                    id: id, title: "Follow-up call \(number)", owner: worker,
                    dueOn: today.adding(days: Int(random.next() % 90) - 30), createdOn: today))
        }
        try? SectionCodec.write(coordination, into: &plan)
        return plan
    }

    /// The next unused number of the fictional 999 range: one person, one plan, so no two
    /// synthetic plans share a number.
    private mutating func nhsNumber() -> NHSNumber? {
        while nextNHSBody < 1_000_000 {
            nextNHSBody += 1
            if let number = NHSNumber.fictional(nextNHSBody) { return number }
        }
        return nil
    }
}
