import CarePlanCore

/// Checks links and measures: ids, links to plan needs, status histories, score ranges.
struct SocialPrescribingRules: PlanRule {
    func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan) else { return [] }
        let base = FieldPath("extensions").appending(SocialPrescribingSection.moduleID)
        var issues: [ValidationIssue] = []
        let needs = Set(plan.needs.map(\.id.description))
        var seen: Set<String> = []
        for (index, link) in section.links.enumerated() {
            let path = base.appending("links").appending(index)
            if !seen.insert(link.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(link.id) is used twice")) }
            if link.service.name.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(.init(.error, at: path.appending("service").appending("name"), "must not be empty"))
            }
            for (position, need) in link.needIds.enumerated() where !needs.contains(need) {
                issues.append(.init(.error, at: path.appending("needIds").appending(position), "links to need \(need), which is not in the plan"))
            }
            if link.history.last?.status != link.status {
                issues.append(
                    .init(
                        .error, at: path.appending("status"),
                        "is \(link.status.rawValue) but the last history entry is \(link.history.last?.status.rawValue ?? "missing")"))
            }
            for step in link.history.indices.dropFirst() where link.history[step].on < link.history[step - 1].on {
                issues.append(.init(.error, at: path.appending("history").appending(step).appending("on"), "is before the previous step"))
            }
        }
        for (index, measure) in section.measures.enumerated() {
            let path = base.appending("measures").appending(index)
            if !seen.insert(measure.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(measure.id) is used twice")) }
            if let ons4 = measure.ons4 {
                for (name, value) in [
                    ("lifeSatisfaction", ons4.lifeSatisfaction), ("worthwhile", ons4.worthwhile),
                    ("happiness", ons4.happiness), ("anxiety", ons4.anxiety),
                ] where !(0...10).contains(value) {
                    issues.append(.init(.error, at: path.appending("ons4").appending(name), "expected a score from 0 to 10, got \(value)"))
                }
            } else if measure.name == nil || measure.rawScore == nil {
                issues.append(.init(.error, at: path, "needs either ons4 answers, or a name and a raw score"))
            }
        }
        for (letter, items) in [("L", section.links.map(\.id)), ("W", section.measures.map(\.id))] {
            let highest = items.compactMap { Int($0.dropFirst()) }.max() ?? 0
            if highest > section.lastIssuedIds[letter] ?? 0 {
                issues.append(.init(.error, at: base.appending("lastIssuedIds").appending(letter), "must be at least \(highest) so ids are never reused"))
            }
        }
        return issues
    }
}
