import CarePlanCore

/// What the person's own plan says about social prescribing: the groups and services they
/// were put in touch with, where things stand, in their words; how they rated their
/// wellbeing. No codes, no ids, no staff steps.
struct SocialPrescribingPersonText: PersonDocumentContribution {
    let title = "Groups and services I am in touch with"

    func sentences(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan) else { return [] }
        var sentences: [String] = []
        for link in section.links {
            var sentence = "\(link.service.name): \(statusSentence(link))"
            if let outcome = link.outcome { sentence += " How it went: \(outcome)" }
            if let followUp = link.followUpOn, link.status != .completed, link.status != .declined {
                sentence += " We will talk about how it is going on \(style.date(followUp))."
            }
            sentences.append(sentence)
        }
        let ratings = section.measures.compactMap { measure in measure.ons4.map { (measure.takenOn, $0) } }
        if let first = ratings.first {
            sentences.append("How I rated my wellbeing on \(style.date(first.0)), out of 10: \(describe(first.1)).")
        }
        if ratings.count > 1, let last = ratings.last {
            sentences.append("And on \(style.date(last.0)): \(describe(last.1)).")
        }
        return sentences
    }

    private func statusSentence(_ link: SocialPrescriptionLink) -> String {
        switch link.status {
        case .suggested: "We talked about this and I have their details."
        case .referred: "We have asked them to get in touch with me."
        case .accepted: "They have said they can help me."
        case .attended: "I have started going."
        case .didNotAttend: "I have not been able to go yet."
        case .declined: "I decided not to go ahead."
        case .completed: "I have finished with them."
        }
    }

    private func describe(_ answers: ONS4) -> String {
        answers.items.map { item in
            let words: String =
                switch item.name {
                case "life satisfaction": "how satisfied I am with my life"
                case "worthwhile": "how worthwhile the things I do feel"
                case "happiness": "how happy I felt"
                case "anxiety": "how anxious I felt (lower is better)"
                default: item.name
                }
            return "\(words) \(item.value)"
        }.joined(separator: ", ")
    }
}
