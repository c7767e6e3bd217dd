import CarePlanCore

/// Checks coaching goals, sessions and activation: ids, links and ranges.
struct HealthCoachingRules: PlanRule {
    func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan) else { return [] }
        let base = FieldPath("extensions").appending(HealthCoachingSection.moduleID)
        var issues: [ValidationIssue] = []
        func range(_ value: Int?, _ bounds: ClosedRange<Int>, _ path: FieldPath) {
            if let value, !bounds.contains(value) {
                issues.append(.init(.error, at: path, "expected \(bounds.lowerBound) to \(bounds.upperBound), got \(value)"))
            }
        }
        let planGoals = Set(plan.goals.map(\.id.description)), planNeeds = Set(plan.needs.map(\.id.description))
        let coachingGoals = Set(section.goals.map(\.id))
        var seen: Set<String> = []
        for (index, goal) in section.goals.enumerated() {
            let path = base.appending("goals").appending(index)
            if !seen.insert(goal.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(goal.id) is used twice")) }
            range(goal.importance, 0...10, path.appending("importance"))
            range(goal.confidence, 0...10, path.appending("confidence"))
            if let linked = goal.planGoalId, !planGoals.contains(linked) {
                issues.append(.init(.error, at: path.appending("planGoalId"), "links to goal \(linked), which is not in the plan"))
            }
            for (position, need) in goal.needIds.enumerated() where !planNeeds.contains(need) {
                issues.append(.init(.error, at: path.appending("needIds").appending(position), "links to need \(need), which is not in the plan"))
            }
        }
        for (index, session) in section.sessions.enumerated() {
            let path = base.appending("sessions").appending(index)
            if !seen.insert(session.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(session.id) is used twice")) }
            range(session.durationMinutes, 1...600, path.appending("durationMinutes"))
            for (position, review) in session.reviews.enumerated() {
                let reviewPath = path.appending("reviews").appending(position)
                if !coachingGoals.contains(review.goalId) {
                    issues.append(.init(.error, at: reviewPath.appending("goalId"), "links to coaching goal \(review.goalId), which is not in the plan"))
                }
                range(review.progress, 0...10, reviewPath.appending("progress"))
                range(review.gas, -2...2, reviewPath.appending("gas"))
            }
        }
        for (index, record) in section.activation.enumerated() {
            range(record.level, 1...4, base.appending("activation").appending(index).appending("level"))
        }
        return issues
    }
}
