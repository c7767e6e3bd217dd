import CarePlanCore

/// Checks tasks and tracked items.
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
        return issues
    }
}

extension DueItemKind {
    /// An open coordination task with a due date.
    static let task: Self = "task"
    /// A tracked appointment or test, on its day (or the day to book it by).
    static let appointment: Self = "appointment"
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
        return items
    }
}

/// Care coordination in `show` and the text export.
struct CareCoordinationText: PlanTextContribution {
    let title = "Care coordination"

    func lines(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(CareCoordinationSection.self, from: plan),
            !section.tasks.isEmpty || !section.tracked.isEmpty
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
        return lines
    }
}
