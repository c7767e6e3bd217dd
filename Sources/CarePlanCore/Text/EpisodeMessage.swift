/// The short message back to the GP and the referrer about one referral our service received
/// (issue 10): who it is about, what happened to the referral, what matters to the person,
/// what was agreed, the support offered, how it is going, the next review, and the codes for
/// the GP record. As plain text or Markdown.
///
/// It holds what the person's care needs the GP to know, never the team's own notes.
public struct EpisodeMessage: Sendable {
    /// Plain text or Markdown.
    public var format: PlanDocument.Format
    /// Line width for plain text.
    public var width: Int
    /// The day it is written.
    public var today: CalendarDate
    /// Who is sending it.
    public var from: String

    /// A message writer.
    public init(format: PlanDocument.Format = .text, width: Int = 80, today: CalendarDate, from: String) {
        self.format = format == .html ? .markdown : format
        self.width = width
        self.today = today
        self.from = from
    }

    /// The message about `episodeID` in `plan`, ending with a newline.
    /// - Throws: when the plan has no such episode.
    public func render(_ plan: Plan, episode episodeID: EntryID) throws(PlanEditError) -> String {
        guard let episode = plan.episodes.first(where: { $0.id == episodeID }) else {
            throw PlanEditError("there is no referral received \(episodeID) in this plan")
        }
        var out = DocumentWriter(format: format, width: width)
        let style = TextStyle(width: format == .text ? width : 10_000, today: today, showIDs: false, datesWrittenOut: true)
        let person = plan.person
        out.title("\(episode.service.title): update on \(person.name)")
        let to = [episode.referrerName, episode.referrerOrganisation].compactMap { $0 }.joined(separator: ", ")
        let practice = person.gpPractice.map { $0.name + ($0.odsCode.map { " (\($0))" } ?? "") }
        out.paragraph("To: " + ([to.isEmpty ? nil : to, practice].compactMap { $0 }.joined(separator: "; ").nilIfEmpty ?? "the referrer and the GP"))
        var about = [person.name]
        if let number = person.nhsNumber { about.append("NHS number \(number.formatted)") }
        if let born = person.dateOfBirth { about.append("born \(style.date(born))") }
        out.paragraph("About: " + about.joined(separator: ", "))
        out.paragraph("From: \(from), \(style.date(today))")

        out.heading("The referral")
        out.paragraph(
            "Received on \(style.date(episode.receivedOn)) from \(Self.sender(episode))"
                + (episode.urgency == .urgent ? ", marked urgent" : "") + ": \(episode.reason)")
        out.paragraph(progress(episode, style: style))

        let mattersMost = plan.aboutMe.entries.filter { $0.heading == .whatMattersMost }
        if !mattersMost.isEmpty {
            out.heading("What matters to \(person.preferredName ?? person.name)")
            for entry in mattersMost { out.bullet(entry.text) }
        }
        if !plan.goals.isEmpty {
            out.heading("What was agreed")
            for goal in plan.goals {
                var words = goal.description
                if let target = goal.targetDate { words += " (by \(style.date(target)))" }
                words += ": \(goal.lifecycleStatus.label)" + (goal.achievementStatus.map { ", \($0.label)" } ?? "")
                out.bullet(words)
            }
        }
        let attended = episode.contacts.filter(\.attended)
        let onward = plan.referrals.filter { $0.status != .draft && $0.id != episode.fromReferral }
        if !attended.isEmpty || !onward.isEmpty {
            out.heading("Support offered")
            if !attended.isEmpty {
                let modes = Dictionary(grouping: attended, by: \.mode).map { "\($0.value.count) \($0.key.label)" }.sorted()
                out.bullet("\(attended.count) contact\(attended.count == 1 ? "" : "s"): \(modes.joined(separator: ", "))")
            }
            let missed = episode.contacts.count - attended.count
            if missed > 0 { out.bullet("\(missed) appointment\(missed == 1 ? "" : "s") not attended") }
            for referral in onward {
                let to = referral.recipient == .otherService ? referral.serviceName ?? "a service" : referral.recipient.title
                out.bullet("Referred to \(to) on \(style.date(referral.history.first?.on ?? today)): \(referral.reason) (\(referral.status.label))")
            }
        }
        if let next = plan.review.nextReviewOn {
            out.heading("Next review")
            out.paragraph(style.date(next))
        }
        out.heading("Codes for the GP record")
        if episode.codes.isEmpty {
            out.paragraph("None for this referral.")
        } else {
            for code in episode.codes { out.bullet("SNOMED CT \(code.code) \(code.display), \(style.date(code.on))") }
        }
        out.endList()
        return out.text.hasSuffix("\n\n") ? String(out.text.dropLast()) : out.text
    }

    /// Who sent the referral, in words.
    private static func sender(_ episode: ReferralEpisode) -> String {
        switch episode.source {
        case .gp: "the GP"
        case .selfReferral: "the person themselves"
        default: episode.source.label
        }
    }

    /// Where the referral stands, in a sentence.
    private func progress(_ episode: ReferralEpisode, style: TextStyle) -> String {
        switch episode.state {
        case .awaitingAnswer:
            return "We have not answered it yet; the answer is due by \(style.date(episode.responseDueOn))."
        case .declined:
            let reason = episode.answer?.reason.map { " (\($0.label))" } ?? ""
            return "We declined it on \(style.date(episode.answer?.on ?? today))\(reason)."
        case .accepted:
            return "We accepted it on \(style.date(episode.answer?.on ?? today)) and have not reached them yet"
                + (episode.attempts.isEmpty ? "." : " (\(episode.attempts.count) attempt\(episode.attempts.count == 1 ? "" : "s") so far).")
        case .inContact, .discharged:
            var words = "We accepted it on \(style.date(episode.answer?.on ?? today))"
            if let first = episode.firstContactOn, let waited = episode.daysWaited {
                words += "; first contact on \(style.date(first)), \(waited) day\(waited == 1 ? "" : "s") after it came"
            }
            if let discharge = episode.discharge {
                words += "; discharged on \(style.date(discharge.on)) (\(discharge.reason.label))"
            }
            return words + "."
        }
    }
}

extension String {
    /// Nil for an empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
