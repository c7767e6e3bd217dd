public import CarePlanCore
import CarePlanShell
public import CarePlanStore

/// The CC's shell commands: tasks, tracked appointments, the cancer pathway and the worklist.
enum CareCoordinationCommands {
    static let group = "Care coordination"

    enum PathwayEvent: String, Vocabulary {
        case referred, diagnosed, decision, treatment
    }

    /// Ids of the open plan's tasks (`T1`) or tracked items (`K1`), for completion.
    static func sectionIDs(_ placeholder: String, _ list: @escaping @Sendable (CareCoordinationSection) -> [String]) -> ArgumentKind {
        .dynamic(placeholder) { session in
            guard let plan = session.current?.plan, let section = try? SectionCodec.read(CareCoordinationSection.self, from: plan) else { return [] }
            return list(section)
        }
    }

    static let taskID = sectionIDs("Tn") { $0.tasks.map(\.id) }
    static let trackedID = sectionIDs("Kn") { $0.tracked.map(\.id) }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(CommandSpec(
            "task add", group: group, summary: "Add a coordination task: what, who, when.",
            positionals: [PositionalSpec("TITLE", .text, rest: true)],
            options: [OptionSpec("owner", .text, "who does it (default: you)"), OptionSpec("due", .date, "due date"),
                      OptionSpec("priority", .vocabulary(TaskPriority.self), "low, normal (default), high, urgent"),
                      OptionSpec("referral", .entry([.referral]), "the referral it chases"), OptionSpec("goal", .entry([.goal]), "the goal it serves")],
            example: "task add Chase the oncology appointment letter --due 2026-11-25 --priority high --referral R1"
        ) { invocation, session in
            let title = try invocation.required("TITLE")
            let owner = invocation.text("owner") ?? session.author
            let due = try invocation.date("due"), priority = try invocation.choice("priority", as: TaskPriority.self) ?? .normal
            let referral = try invocation.entry("referral"), goal = try invocation.entry("goal")
            try session.apply(.section(CareCoordinationSection.self, "task") { section, plan, context throws(PlanEditError) in
                if let referral { _ = try plan.position(of: referral, in: plan.referrals) }
                if let goal { _ = try plan.position(of: goal, in: plan.goals) }
                let id = section.issueID("T")
                section.tasks.append(CoordinationTask(id: id, title: title, owner: owner, dueOn: due, priority: priority,
                                                      referralId: referral?.description, goalId: goal?.description,
                                                      createdOn: context.today))
                return "add task \(id)" + (due.map { " due \($0)" } ?? "")
            })
        })
        try registry.register(CommandSpec(
            "task status", group: group, summary: "Move a task on; reopening a done task needs --note saying why.",
            positionals: [PositionalSpec("ID", taskID), PositionalSpec("STATUS", .vocabulary(TaskStatus.self))],
            options: [OptionSpec("note", .text, "what was done, or why it is reopened"),
                      OptionSpec("on", .pastDate, "the day it happened (default today)")],
            example: "task status T1 done --note \"Rebooked for 2026-11-19\""
        ) { invocation, session in
            let id = try invocation.required("ID").uppercased()
            guard let status = try invocation.choice("STATUS", as: TaskStatus.self) else { return }
            let note = invocation.text("note")
            let day = try invocation.date("on")
            try session.apply(.section(CareCoordinationSection.self, "task \(id)") { section, _, context throws(PlanEditError) in
                guard let index = section.tasks.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no task \(id) in this plan") }
                var task = section.tasks[index]
                guard task.status != status else { throw PlanEditError("\(id) is already \(status.label)") }
                if task.status.isClosed, !status.isClosed, note == nil {
                    throw PlanEditError("\(id) is \(task.status.label): reopening it needs --note saying why")
                }
                let date = day ?? context.today
                task.status = status
                task.history.append(TaskStatusChange(status: status, on: date, note: note))
                if status == .done, let note { task.completionNote = note }
                if !status.isClosed { task.completionNote = nil }
                section.tasks[index] = task
                return "task \(id) \(status.label)"
            })
        })
        try registry.register(CommandSpec(
            "task due", group: group, summary: "Change when a task is due, or who owns it.",
            positionals: [PositionalSpec("ID", taskID), PositionalSpec("DATE", .date)],
            options: [OptionSpec("owner", .text, "hand it to someone else")], example: "task due T1 2026-11-28 --owner \"Nadia Begum\""
        ) { invocation, session in
            let id = try invocation.required("ID").uppercased()
            let due = try invocation.date("DATE"), owner = invocation.text("owner")
            try session.apply(.section(CareCoordinationSection.self, "task \(id)") { section, _, _ throws(PlanEditError) in
                guard let index = section.tasks.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no task \(id) in this plan") }
                section.tasks[index].dueOn = due
                if let owner { section.tasks[index].owner = owner }
                return "task \(id) due \(due?.description ?? "(none)")"
            })
        })
        try registry.register(CommandSpec(
            "track add", group: group, summary: "Track an appointment or test so it does not slip.",
            positionals: [PositionalSpec("WHAT", .text, rest: true)],
            options: [OptionSpec("where", .text, "where"), OptionSpec("on", .date, "when (or book by)"),
                      OptionSpec("status", .vocabulary(TrackedStatus.self), "to-book (default) or booked")],
            example: "track add Colonoscopy --where \"Westshire General\" --on 2026-12-02 --status booked"
        ) { invocation, session in
            let what = try invocation.required("WHAT")
            let place = invocation.text("where"), on = try invocation.date("on")
            let status = try invocation.choice("status", as: TrackedStatus.self) ?? .toBook
            try session.apply(.section(CareCoordinationSection.self, "track") { section, _, context in
                let id = section.issueID("K")
                section.tracked.append(TrackedItem(id: id, what: what, place: place, on: on, status: status,
                                                   history: [TrackedStatusChange(status: status, on: context.today)]))
                return "track \(id): \(what)"
            })
        })
        try registry.register(CommandSpec(
            "track status", group: group, summary: "Update a tracked appointment or test.",
            positionals: [PositionalSpec("ID", trackedID), PositionalSpec("STATUS", .vocabulary(TrackedStatus.self))],
            options: [OptionSpec("on", .date, "booked, rebooked: the appointment day; otherwise the day it happened (default today)")],
            example: "track status K1 rebooked --on 2026-11-19",
            details: "Booked and rebooked take the appointment day, which may be ahead. Attended, did-not-attend and "
                + "result-received take the day it happened, never ahead, and keep it: a rebooking after a missed "
                + "appointment adds a step and never changes the missed one."
        ) { invocation, session in
            let id = try invocation.required("ID").uppercased()
            guard let status = try invocation.choice("STATUS", as: TrackedStatus.self) else { return }
            let on = try invocation.date("on")
            let today = session.today
            if !status.isBooking, let on, on > today {
                throw ShellError("track status: --on: \(on) is in the future; record \(status.label) once it has happened (today is \(today))")
            }
            try session.apply(.section(CareCoordinationSection.self, "track \(id)") { section, _, context throws(PlanEditError) in
                guard let index = section.tracked.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no tracked item \(id) in this plan") }
                let item = section.tracked[index]
                guard item.status.allowedNext.contains(status) else {
                    let next = item.status.allowedNext.map(\.rawValue).joined(separator: ", ")
                    throw PlanEditError("\(id) is \(item.status.label); it can move to \(next.isEmpty ? "nothing further" : next)")
                }
                // Booking steps are dated the day they were made; the appointment day goes on
                // the item. Other steps are dated the day they happened.
                let stepDay = status.isBooking ? context.today : (on ?? context.today)
                section.tracked[index].status = status
                section.tracked[index].history.append(TrackedStatusChange(status: status, on: stepDay))
                if status.isBooking, let on { section.tracked[index].on = on }
                return "\(id) \(status.label)"
            })
        })
        try registry.register(CommandSpec(
            "pathway", group: group, summary: "Record a cancer pathway date (referred, diagnosed, decision, treatment), or show timing.",
            positionals: [PositionalSpec("EVENT", .vocabulary(PathwayEvent.self), optional: true), PositionalSpec("DATE", .pastDate, optional: true)],
            example: "pathway referred 2026-10-14"
        ) { invocation, session in
            guard let event = try invocation.choice("EVENT", as: PathwayEvent.self) else {
                let section = try SectionCodec.read(CareCoordinationSection.self, from: session.openPlan().plan)
                guard let pathway = section.cancerPathway else { throw ShellError("pathway: no dates yet; start with pathway referred DATE") }
                session.say(PathwayView.lines(pathway, today: session.today).joined(separator: "\n"))
                return
            }
            guard let date = try invocation.date("DATE") else { throw ShellError("pathway \(event.rawValue): give the date") }
            try session.apply(.section(CareCoordinationSection.self, "pathway") { section, _, _ throws(PlanEditError) in
                if event == .referred {
                    var pathway = section.cancerPathway ?? CancerPathway(referredOn: date)
                    pathway.referredOn = date
                    section.cancerPathway = pathway
                } else {
                    guard var pathway = section.cancerPathway else { throw PlanEditError("record pathway referred DATE first") }
                    switch event {
                    case .diagnosed: pathway.diagnosedOn = date
                    case .decision: pathway.decisionToTreatOn = date
                    case .treatment: pathway.treatmentStartedOn = date
                    case .referred: break
                    }
                    section.cancerPathway = pathway
                }
                return "pathway \(event.rawValue) \(date)"
            })
            if let pathway = try SectionCodec.read(CareCoordinationSection.self, from: session.openPlan().plan).cancerPathway {
                session.say(PathwayView.lines(pathway, today: session.today).joined(separator: "\n"))
            }
        })
        try registry.register(CommandSpec(
            "worklist", group: group,
            summary: "The caseload across every plan: overdue, due today, due this week, reviews due, referral answers overdue.",
            options: [OptionSpec("owner", .text, "only items for this person"), OptionSpec("today", .date, "judge as of this day (default today)"),
                      OptionSpec("limit", .integer(1...100_000), "at most this many lines per group (default 50)")],
            example: "worklist --owner \"Sam Osei\"", needsPlan: false
        ) { invocation, session in
            let today = try invocation.date("today") ?? session.today
            let owner = invocation.text("owner")
            let worklist = try Worklist(store: session.store, today: today, owner: owner, limit: try invocation.integer("limit") ?? 50)
            session.output.write(worklist.render(owner: owner, width: max(60, session.width)))
        })
    }
}

/// The worklist, grouped and laid out for a terminal. Each group is read from the store's
/// due-item index on its own, with its total, so a large caseload stays quick.
public struct Worklist: Sendable {
    /// One group: up to the limit of its entries, and how many there are in all.
    public struct Group: Sendable {
        /// "Overdue", "Due today"...
        public let title: String
        /// The first entries, earliest first.
        public let entries: [WorklistEntry]
        /// How many there are in all.
        public let total: Int
    }

    /// The groups, in order.
    public let groups: [Group]
    /// The day the worklist is judged on.
    public let today: CalendarDate

    /// Every item in every group.
    public var total: Int { groups.reduce(0) { $0 + $1.total } }

    /// The groups as of `today`, judged on the date alone: overdue, due today, due this week
    /// (the next six days), reviews due (this week or earlier), and referral answers overdue.
    public init(store: PlanStore, today: CalendarDate, owner: String?, limit: Int) throws {
        self.today = today
        let work: Set<DueItemKind> = [.action, .task, .appointment, .followUp]
        guard let yesterday = today.adding(days: -1), let weekEnd = today.adding(days: 6) else {
            throw ShellError("worklist: \(today) is too close to the ends of the calendar")
        }
        func group(_ title: String, _ kinds: Set<DueItemKind>, after: CalendarDate?, through: CalendarDate) throws -> Group {
            let (entries, total) = try store.dueItems(kinds: kinds, after: after, through: through, owner: owner, limit: limit)
            return Group(title: title, entries: entries, total: total)
        }
        groups = [
            try group("Overdue", work, after: nil, through: yesterday),
            try group("Due today", work, after: yesterday, through: today),
            try group("Due this week", work, after: today, through: weekEnd),
            try group("Reviews due", [.review], after: nil, through: weekEnd),
            try group("Referral answers overdue", [.referralResponse], after: nil, through: yesterday),
        ]
    }

    /// The worklist as text for a terminal `width` columns wide.
    public func render(owner: String?, width: Int = 80) -> String {
        var text = "Worklist for \(today)" + (owner.map { " (owner: \(TerminalSafe.sanitize($0)))" } ?? "") + "\n"
        for group in groups {
            text += "\n\(group.title) (\(group.total))\n"
            guard !group.entries.isEmpty else {
                text += "  none\n"
                continue
            }
            let rows = group.entries.map { entry in
                [entry.item.dueOn.description, entry.planID, TerminalSafe.sanitize(entry.name), entry.item.entryID,
                 TerminalSafe.sanitize(entry.item.title), TerminalSafe.sanitize(entry.item.owner ?? "-")]
            }
            // Fits 80 columns with the two-space indent: what and who give way, then the name.
            text += TextTable(headers: ["DUE", "PLAN", "NAME", "ID", "WHAT", "OWNER"], rows: rows)
                .render(maxWidth: width - 2, shrinkable: [(5, 10), (2, 12), (4, 10)])
                .split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
            if group.total > group.entries.count {
                text += "  ... and \(group.total - group.entries.count) more (use --limit or --owner)\n"
            }
        }
        return text
    }
}
