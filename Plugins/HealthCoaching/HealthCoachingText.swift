import CarePlanCore

/// Health coaching in `show` and the text export.
struct HealthCoachingText: PlanTextContribution {
    let title = "Health coaching"

    func lines(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan),
            !section.goals.isEmpty || !section.sessions.isEmpty || !section.activation.isEmpty
        else { return [] }
        let wrapper = style.wrapper
        let width = style.width
        var lines: [String] = []
        for goal in section.goals {
            var smart = [goal.measure.map { "measured by \($0)" }, goal.target.map { "target \($0)" }, goal.byDate.map { "by \(style.date($0))" }]
            smart += [
                goal.importance.map { "importance \($0)/10" }, goal.confidence.map { "confidence \($0)/10" },
                goal.stage.map { "stage: \($0.label)" }, style.showIDs ? goal.planGoalId.map { "for \($0)" } : nil,
            ]
            lines += wrapper.wrap("\(style.tag(goal.id))\(goal.what)", firstPrefix: "- ", restPrefix: "  ")
            let facts = smart.compactMap { $0 }.joined(separator: "; ")
            if !facts.isEmpty { lines += wrapper.wrap(facts, firstPrefix: "  ") }
        }
        if !section.sessions.isEmpty {
            lines.append("Sessions:")
            for session in section.sessions {
                let minutes = session.durationMinutes.map { ", \($0) min" } ?? ""
                lines += wrapper.wrap(
                    "\(style.tag(session.id))\(style.date(session.heldOn)) (\(session.mode.label)\(minutes))", firstPrefix: "- ", restPrefix: "  ")
                for (label, value) in [("Wins", session.wins), ("Barriers", session.barriers), ("Next steps", session.nextSteps)] {
                    if let value { lines += wrapper.wrap("\(label): \(value)", firstPrefix: "  ", restPrefix: "    ") }
                }
                if let next = session.nextSessionOn { lines.append("  Next session: \(style.date(next))") }
            }
            lines.append("Progress:")
            lines += ProgressChart.lines(section, width: width)
        }
        if let latest = section.activation.last {
            lines.append(
                "Activation (PAM, as entered): level \(latest.level)" + (latest.score.map { ", score \($0)" } ?? "") + " on \(style.date(latest.takenOn))")
        }
        return lines
    }
}
