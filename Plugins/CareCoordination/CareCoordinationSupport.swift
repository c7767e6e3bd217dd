import CarePlanCore

/// Checks tasks, tracked items and pathway dates.
struct CareCoordinationRules: PlanRule {
    func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue] {
        guard let section = try? SectionCodec.read(CareCoordinationSection.self, from: plan) else { return [] }
        let base = FieldPath("extensions").appending(CareCoordinationSection.moduleID)
        var issues: [ValidationIssue] = []
        let referrals = Set(plan.referrals.map(\.id.description)), goals = Set(plan.goals.map(\.id.description))
        var seen: Set<String> = []
        for (index, task) in section.tasks.enumerated() {
            let path = base.appending("tasks").appending(index)
            if !seen.insert(task.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(task.id) is used twice")) }
            if task.title.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(.init(.error, at: path.appending("title"), "must not be empty")) }
            if let referral = task.referralId, !referrals.contains(referral) {
                issues.append(.init(.error, at: path.appending("referralId"), "links to referral \(referral), which is not in the plan"))
            }
            if let goal = task.goalId, !goals.contains(goal) {
                issues.append(.init(.error, at: path.appending("goalId"), "links to goal \(goal), which is not in the plan"))
            }
            if task.history.last?.status != task.status {
                issues.append(.init(.error, at: path.appending("status"), "does not match the last history entry"))
            }
        }
        for (index, item) in section.tracked.enumerated() where !seen.insert(item.id).inserted {
            issues.append(.init(.error, at: base.appending("tracked").appending(index).appending("id"), "id \(item.id) is used twice"))
        }
        if let pathway = section.cancerPathway {
            let path = base.appending("cancerPathway")
            let ordered: [(String, CalendarDate?)] = [
                ("referredOn", pathway.referredOn), ("diagnosedOn", pathway.diagnosedOn),
                ("decisionToTreatOn", pathway.decisionToTreatOn), ("treatmentStartedOn", pathway.treatmentStartedOn),
            ]
            var previous: CalendarDate?
            for (name, date) in ordered {
                guard let date else { continue }
                if let previous, date < previous { issues.append(.init(.error, at: path.appending(name), "is before an earlier step of the pathway")) }
                previous = date
            }
        }
        return issues
    }
}

extension DueItemKind {
    /// An open coordination task with a due date.
    static let task: Self = "task"
    /// A tracked appointment or test, on its day (or the day to book it by).
    static let appointment: Self = "appointment"
    /// A cancer waiting-time standard still running, due on its limit.
    static let pathwayLimit: Self = "pathway-limit"
}

/// Open tasks and tracked appointments for the caseload worklist.
struct CareCoordinationDueItems: DueItemProvider {
    func dueItems(in plan: Plan) -> [DueItem] {
        guard let section = try? SectionCodec.read(CareCoordinationSection.self, from: plan) else { return [] }
        var items: [DueItem] = []
        for task in section.tasks where !task.status.isClosed {
            guard let due = task.dueOn else { continue }
            items.append(
                DueItem(
                    source: CareCoordinationSection.moduleID, entryID: task.id, kind: .task,
                    title: task.title + (task.priority == .urgent || task.priority == .high ? " (\(task.priority.label))" : ""),
                    owner: task.owner, dueOn: due))
        }
        for item in section.tracked where item.status.isOpen {
            guard let due = item.on else { continue }
            items.append(
                DueItem(
                    source: CareCoordinationSection.moduleID, entryID: item.id, kind: .appointment,
                    title: "\(item.what) (\(item.status.label))", owner: nil, dueOn: due))
        }
        if let pathway = section.cancerPathway {
            items += Self.pathwayLimits(pathway)
        }
        return items
    }
}

extension CareCoordinationDueItems {
    /// Each waiting-time standard that has started and not ended, due on the day its limit
    /// falls. The worklist shows it from the day it is at risk until it ends, so a breach (or
    /// one coming) is seen without anyone asking for `pathway`.
    static func pathwayLimits(_ pathway: CancerPathway) -> [DueItem] {
        let running: [(entryID: String, name: String, start: CalendarDate?, end: CalendarDate?, limit: Int)] = [
            ("pathway-28", "28-day diagnosis limit", pathway.referredOn, pathway.diagnosedOn, 28),
            ("pathway-31", "31-day treatment limit", pathway.decisionToTreatOn, pathway.treatmentStartedOn, 31),
            ("pathway-62", "62-day treatment limit", pathway.referredOn, pathway.treatmentStartedOn, 62),
        ]
        return running.compactMap { standard in
            guard let start = standard.start, standard.end == nil, let limit = start.adding(days: standard.limit) else { return nil }
            return DueItem(
                source: CareCoordinationSection.moduleID, entryID: standard.entryID, kind: .pathwayLimit,
                title: standard.name, owner: nil, dueOn: limit)
        }
    }
}

/// Care coordination in `show` and the text export.
struct CareCoordinationText: PlanTextContribution {
    let title = "Care coordination"

    func lines(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(CareCoordinationSection.self, from: plan),
            !section.tasks.isEmpty || !section.tracked.isEmpty || section.cancerPathway != nil
        else { return [] }
        let wrapper = style.wrapper
        var lines: [String] = []
        for task in section.tasks {
            var facts = [task.status.label, "owner \(task.owner)", task.priority.label + " priority"]
            if let due = task.dueOn { facts.append("due \(style.date(due))") }
            if style.showIDs, let referral = task.referralId { facts.append("chases \(referral)") }
            lines += wrapper.wrap("\(style.tag(task.id))\(task.title)", firstPrefix: "- ", restPrefix: "  ")
            lines += wrapper.wrap(facts.joined(separator: "; "), firstPrefix: "  ")
            if let note = task.completionNote { lines += wrapper.wrap("Done: \(note)", firstPrefix: "  ", restPrefix: "    ") }
        }
        for item in section.tracked {
            let when = item.on.map { " on \(style.date($0))" } ?? ""
            lines += wrapper.wrap(
                "\(style.tag(item.id))\(item.what)\(item.place.map { " at \($0)" } ?? "")\(when): \(item.status.label)",
                firstPrefix: "- ", restPrefix: "  ")
        }
        if let pathway = section.cancerPathway {
            lines += PathwayView.lines(pathway, today: style.today, style: style)
        }
        return lines
    }
}

/// The cancer pathway against its standards.
enum PathwayView {
    static func lines(_ pathway: CancerPathway, today: CalendarDate?, style: TextStyle = TextStyle()) -> [String] {
        var lines = [
            "Cancer pathway: referred \(style.date(pathway.referredOn))"
                + (pathway.diagnosedOn.map { ", diagnosed \(style.date($0))" } ?? "")
                + (pathway.decisionToTreatOn.map { ", decision to treat \(style.date($0))" } ?? "")
                + (pathway.treatmentStartedOn.map { ", treatment \(style.date($0))" } ?? "")
        ]
        guard let today else { return lines }
        let timing = PathwayTiming(pathway, today: today)
        for standard in timing.standards {
            let days = standard.days.map { "day \($0) of \(standard.limit)" } ?? "-"
            lines.append(
                "  \(standard.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(days.padding(toLength: 14, withPad: " ", startingAt: 0)) \(standard.state.rawValue)"
            )
        }
        if let bucket = timing.bucket { lines.append("  waiting \(bucket) since referral (as of \(style.date(today)))") }
        return lines
    }
}
