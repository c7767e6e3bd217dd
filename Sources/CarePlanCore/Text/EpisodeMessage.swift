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

    /// One part of the message: a heading, then paragraphs, then bullets.
    struct Section {
        var heading: String
        var paragraphs: [String] = []
        var bullets: [String] = []
    }

    /// What the message says, before it is written in any format.
    struct Content {
        var title: String
        /// To, About, From.
        var header: [String]
        var sections: [Section]
        var episode: ReferralEpisode
    }

    /// The message about `episodeID` in `plan`, ending with a newline.
    /// - Throws: when the plan has no such episode.
    public func render(_ plan: Plan, episode episodeID: EntryID) throws(PlanEditError) -> String {
        let content = try self.content(plan, episode: episodeID)
        var out = DocumentWriter(format: format, width: width)
        out.title(content.title)
        for line in content.header { out.paragraph(line) }
        for section in content.sections {
            out.heading(section.heading)
            for paragraph in section.paragraphs { out.paragraph(paragraph) }
            for bullet in section.bullets { out.bullet(bullet) }
        }
        out.endList()
        return out.text.hasSuffix("\n\n") ? String(out.text.dropLast()) : out.text
    }

    func content(_ plan: Plan, episode episodeID: EntryID) throws(PlanEditError) -> Content {
        guard let episode = plan.episodes.first(where: { $0.id == episodeID }) else {
            throw PlanEditError("there is no referral received \(episodeID) in this plan")
        }
        let style = TextStyle(width: format == .text ? width : 10_000, today: today, showIDs: false, datesWrittenOut: true)
        let person = plan.person
        // A referral from another role in the team came from a colleague: they are named as such.
        let to =
            episode.source == .team
            ? episode.referrerName.map { "\($0), in our team" } ?? ""
            : [episode.referrerName, episode.referrerOrganisation].compactMap { $0 }.joined(separator: ", ")
        let practice = person.gpPractice.map { $0.name + ($0.odsCode.map { " (\($0))" } ?? "") }
        var about = [person.name]
        if let number = person.nhsNumber { about.append("NHS number \(number.formatted)") }
        if let born = person.dateOfBirth { about.append("born \(style.date(born))") }
        let header = [
            "To: " + ([to.isEmpty ? nil : to, practice].compactMap { $0 }.joined(separator: "; ").nilIfEmpty ?? "the referrer and the GP"),
            "About: " + about.joined(separator: ", "), "From: \(from), \(style.date(today))",
        ]
        var sections = [
            Section(
                heading: "The referral",
                paragraphs: [
                    "Received on \(style.date(episode.receivedOn)) from \(Self.sender(episode))"
                        + (episode.urgency == .urgent ? ", marked urgent" : "") + ": \(episode.reason)",
                    progress(episode, style: style),
                ])
        ]
        let mattersMost = plan.aboutMe.entries.filter { $0.heading == .whatMattersMost }
        if !mattersMost.isEmpty {
            sections.append(Section(heading: "What matters to \(person.preferredName ?? person.name)", bullets: mattersMost.map(\.text)))
        }
        if !plan.goals.isEmpty {
            sections.append(
                Section(
                    heading: "What was agreed",
                    bullets: plan.goals.map { goal in
                        var words = goal.description
                        if let target = goal.targetDate { words += " (by \(style.date(target)))" }
                        return words + ": \(goal.lifecycleStatus.label)" + (goal.achievementStatus.map { ", \($0.label)" } ?? "")
                    }))
        }
        let attended = episode.contacts.filter(\.attended)
        let onward = plan.referrals.filter { $0.status != .draft && $0.id != episode.fromReferral }
        if !attended.isEmpty || !onward.isEmpty {
            var support = Section(heading: "Support offered")
            if !attended.isEmpty {
                let modes = Dictionary(grouping: attended, by: \.mode).map { "\($0.value.count) \($0.key.label)" }.sorted()
                support.bullets.append("\(attended.count) contact\(attended.count == 1 ? "" : "s"): \(modes.joined(separator: ", "))")
            }
            let missed = episode.contacts.count - attended.count
            if missed > 0 { support.bullets.append("\(missed) appointment\(missed == 1 ? "" : "s") not attended") }
            for referral in onward {
                let to = referral.recipient == .otherService ? referral.serviceName ?? "a service" : referral.recipient.title
                support.bullets.append(
                    "Referred to \(to) on \(style.date(referral.history.first?.on ?? today)): \(referral.reason) (\(referral.status.label))")
            }
            sections.append(support)
        }
        if let next = plan.review.nextReviewOn { sections.append(Section(heading: "Next review", paragraphs: [style.date(next)])) }
        sections.append(
            episode.codes.isEmpty
                ? Section(heading: "Codes for the GP record", paragraphs: ["None for this referral."])
                : Section(
                    heading: "Codes for the GP record", bullets: episode.codes.map { "SNOMED CT \($0.code) \($0.display), \(style.date($0.on))" }))
        return Content(title: "\(episode.service.title): update on \(person.name)", header: header, sections: sections, episode: episode)
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
