import CarePlanCore

extension DueItemKind {
    /// The next coaching session agreed at the last one.
    static let coachingSession: Self = "coaching-session"
    /// A coaching goal past its target date and not yet reached.
    static let coachingGoalTarget: Self = "coaching-goal-target"
}

/// What health coaching puts on the worklist: the next session agreed at the latest one, and
/// coaching goals past their target date that the latest review does not show as reached
/// (progress 10, or a GAS score of 0 or more), owned by the plan's key worker.
struct HealthCoachingDueItems: DueItemProvider {
    func dueItems(in plan: Plan) -> [DueItem] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan) else { return [] }
        let source = HealthCoachingSection.moduleID, owner = plan.responsibleWorker
        var items: [DueItem] = []
        let sessions = section.sessions.sorted { $0.heldOn < $1.heldOn }
        if let latest = sessions.last, let next = latest.nextSessionOn {
            items.append(DueItem(source: source, entryID: latest.id, kind: .coachingSession, title: "next coaching session", owner: owner, dueOn: next))
        }
        for goal in section.goals {
            guard let target = goal.byDate else { continue }
            let latest = sessions.reversed().lazy.compactMap { $0.reviews.first { $0.goalId == goal.id } }.first
            let reached = latest.map { ($0.progress ?? 0) >= 10 || ($0.gas ?? -2) >= 0 } ?? false
            if !reached {
                items.append(DueItem(source: source, entryID: goal.id, kind: .coachingGoalTarget, title: goal.what, owner: owner, dueOn: target))
            }
        }
        return items
    }
}
