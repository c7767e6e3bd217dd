import CarePlanCore

/// What the person's own plan says about coaching: their goals in their words, how they
/// rated their progress last, and when the next session is. No GAS, no activation measure,
/// no stage of change: those are for the coach.
struct HealthCoachingPersonText: PersonDocumentContribution {
    let title = "My health and wellbeing coaching"

    func sentences(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan) else { return [] }
        var sentences: [String] = []
        for goal in section.goals {
            var sentence = "My goal: \(goal.what)"
            if let target = goal.target { sentence += ", aiming for \(target)" + (goal.measure.map { " \($0)" } ?? "") }
            if let by = goal.byDate { sentence += ", by \(style.date(by))" }
            sentence += "."
            let latest = section.sessions.last { session in session.reviews.contains { $0.goalId == goal.id && $0.progress != nil } }
            if let latest, let progress = latest.reviews.first(where: { $0.goalId == goal.id })?.progress {
                sentence += " On \(style.date(latest.heldOn)) I rated my progress \(progress) out of 10."
            }
            sentences.append(sentence)
        }
        if let last = section.sessions.last {
            if let steps = last.nextSteps { sentences.append("What I agreed to try next: \(steps)") }
            if let next = last.nextSessionOn {
                sentences.append("My next coaching session is on \(style.date(next)).")
            }
        }
        return sentences
    }
}
