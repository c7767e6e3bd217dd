import Foundation

/// The plan as a document the person keeps: "What matters to me" first, plain English, dates
/// written out, no internal ids unless asked for; as plain text, Markdown or HTML.
///
/// It holds only what is for the person: what matters to them, their goals in their words,
/// what happens next and who to call. Staff detail (module tasks, owners, priorities, codes,
/// scores jargon, breach or at-risk wording) stays in `show`; modules speak here only through
/// `PersonDocumentContribution`.
public struct PlanDocument: Sendable {
    /// Plain text, Markdown or HTML.
    public enum Format: Sendable {
        case text, markdown, html
    }

    /// The output format.
    public var format: Format
    /// Line width for plain text (Markdown is not wrapped).
    public var width: Int
    /// Show entry ids (G1, R2...) for staff who asked for them.
    public var showIDs: Bool
    /// What role modules tell the person.
    public var contributions: [any PersonDocumentContribution]
    /// The current day, for module views that need it.
    public var today: CalendarDate?
    /// HTML in large print (for people who read better with it); it also prints large.
    public var largePrint: Bool

    /// A document writer.
    public init(
        format: Format = .text, width: Int = 80, showIDs: Bool = false,
        contributions: [any PersonDocumentContribution] = [], today: CalendarDate? = nil, largePrint: Bool = false
    ) {
        self.format = format
        self.width = width
        self.showIDs = showIDs
        self.contributions = contributions
        self.today = today
        self.largePrint = largePrint
    }

    /// The document, ending with a newline.
    public func render(_ plan: Plan) -> String {
        var out = DocumentWriter(format: format, width: width)
        let style = TextStyle(width: format == .text ? width : 10_000, today: today, showIDs: showIDs, datesWrittenOut: true)
        let person = plan.person
        let called = person.preferredName ?? person.name
        out.title("My care and support plan: \(person.name)")
        out.paragraph(statusSentence(plan))

        let mattersMost = plan.aboutMe.entries.filter { $0.heading == .whatMattersMost }
        out.heading("What matters to me")
        if mattersMost.isEmpty {
            out.paragraph("We have not written this down yet.")
        } else {
            for entry in mattersMost { out.bullet(style.tag(entry.id) + entry.text) }
        }

        let otherAbout = AboutMeHeading.allCases.dropFirst().filter { heading in plan.aboutMe.entries.contains { $0.heading == heading } }
        if !otherAbout.isEmpty {
            out.heading("About me")
            for heading in otherAbout {
                out.subheading(heading.title)
                for entry in plan.aboutMe.entries where entry.heading == heading { out.bullet(style.tag(entry.id) + entry.text) }
            }
            if let written = plan.aboutMe.writtenOn {
                out.paragraph("Written on \(style.date(written))" + (plan.aboutMe.supportedToWriteBy.map { " with help from \($0)" } ?? "") + ".")
            }
        }

        if !plan.strengths.isEmpty {
            out.heading("What I am good at and can draw on")
            for strength in plan.strengths { out.bullet(style.tag(strength.id) + strength.text) }
        }

        if !plan.needs.isEmpty || !plan.goals.isEmpty {
            out.heading("What I want to work on")
            var shown: Set<EntryID> = []
            for need in plan.needs {
                let score = need.concernScore.map { " It worries me \($0) out of 10." } ?? ""
                out.subheading(style.tag(need.id) + need.description)
                out.paragraph("This is about \(need.domain.label) things.\(score) \(needStatusSentence(need.status))")
                for goal in plan.goals where goal.needIDs.contains(need.id) && shown.insert(goal.id).inserted {
                    goalBlock(goal, plan: plan, style: style, into: &out)
                }
            }
            let others = plan.goals.filter { !shown.contains($0.id) }
            if !others.isEmpty {
                out.subheading("Other goals")
                for goal in others { goalBlock(goal, plan: plan, style: style, into: &out) }
            }
        }

        if !plan.referrals.isEmpty {
            out.heading("Who else is helping")
            for referral in plan.referrals { out.bullet(style.tag(referral.id) + referralSentence(referral, style: style)) }
        }

        for contribution in contributions {
            let sentences = contribution.sentences(for: plan, style: style)
            guard !sentences.isEmpty else { continue }
            out.heading(contribution.title)
            for sentence in sentences { out.bullet(sentence) }
        }

        if !plan.contingency.isEmpty {
            out.heading("If things go wrong")
            if !plan.contingency.triggers.isEmpty {
                out.paragraph("Signs to watch for:")
                for trigger in plan.contingency.triggers { out.bullet(trigger) }
            }
            if let what = plan.contingency.whatShouldHappen { out.paragraph("What should happen: \(what)") }
            if let who = plan.contingency.whoToContact { out.paragraph("Who to contact: \(who)") }
            let names = plan.contingency.contactIDs.compactMap { id in contactLine(id, plan) }
            if !names.isEmpty {
                out.paragraph("Call, in this order:")
                for name in names { out.bullet(name) }
            }
        }

        if !plan.professionalContacts.isEmpty || !plan.personalContacts.isEmpty {
            out.heading("People involved in my care")
        }
        let keyWorker = plan.professionalContacts.first { $0.isKeyWorker }
        if let keyWorker {
            out.paragraph("My main contact is \(keyWorker.name), \(keyWorker.role)" + (keyWorker.phone.map { ", on \($0)" } ?? "") + ".")
        }
        for contact in plan.professionalContacts {
            let place = [contact.team, contact.organisation].compactMap { $0 }.joined(separator: ", ")
            out.bullet(
                style.tag(contact.id) + "\(contact.name), \(contact.role)" + (place.isEmpty ? "" : " (\(place))")
                    + ([contact.phone, contact.email].compactMap { $0 }.isEmpty
                        ? "" : ": " + [contact.phone, contact.email].compactMap { $0 }.joined(separator: ", ")))
        }
        for contact in plan.personalContacts {
            let roles = contact.roles.map(\.label).joined(separator: ", ")
            let about = [contact.relationship, roles.isEmpty ? nil : roles].compactMap { $0 }.joined(separator: "; ")
            out.bullet(style.tag(contact.id) + contact.name + (about.isEmpty ? "" : " (\(about))") + (contact.phone.map { ": \($0)" } ?? ""))
        }

        out.heading("Reviewing my plan")
        if let next = plan.review.nextReviewOn {
            out.paragraph(
                "We will look at this plan together again on \(style.date(next))"
                    + (plan.review.responsible.map { " with \($0)" } ?? "")
                    + (plan.review.intervalWeeks.map { ", and then every \($0) weeks" } ?? "") + ".")
        } else {
            out.paragraph("We have not set a date to look at this plan again yet.")
        }
        for held in plan.review.held {
            out.bullet(
                "We reviewed it on \(style.date(held.heldOn))" + (held.heldBy.map { " with \($0)" } ?? "") + (held.summary.map { ": \(clause($0))." } ?? "."))
        }

        out.heading("Agreeing and sharing this plan")
        if let agreement = plan.agreement {
            let who =
                agreement.agreedBy == .person
                ? "I agreed this plan"
                : "\(agreement.representativeName ?? "My representative")" + (agreement.representativeRelationship.map { " (\($0))" } ?? "")
                    + " agreed this plan for me"
            out.paragraph("\(who) on \(style.date(agreement.agreedOn)).")
        } else {
            out.paragraph("This plan has not been agreed yet.")
        }
        if let consent = plan.consent {
            let sentence =
                switch consent.status {
                case .given: "I agreed that the people involved in my care can share this plan"
                case .declined: "I asked for this plan not to be shared"
                case .limited: "I agreed to share this plan only in part"
                }
            out.paragraph("\(sentence) (\(style.date(consent.recordedOn)))" + (consent.scope.map { ": \(clause($0))." } ?? "."))
        }
        var footer = "\(called), this is your plan. Ask us to change anything that is not right."
        if let updated = plan.lastUpdated { footer += " Last updated \(style.date(updated))." }
        out.paragraph(footer)
        while out.text.hasSuffix("\n\n") { out.text.removeLast() }
        guard format == .html else { return out.text }
        out.endList()
        return HTMLPage.wrap(body: out.text, title: "My care and support plan: \(person.name)", largePrint: largePrint)
    }

    private func statusSentence(_ plan: Plan) -> String {
        switch plan.status {
        case .draft: "This plan is a draft: we are still working it out together."
        case .active: "This is my current plan."
        case .onHold: "This plan is on hold for now."
        case .completed: "This plan is finished."
        case .revoked: "This plan has been withdrawn."
        }
    }

    private func needStatusSentence(_ status: NeedStatus) -> String {
        switch status {
        case .open: "We have not started on this yet."
        case .inProgress: "We are working on this."
        case .resolved: "This has been sorted out."
        case .noLongerAConcern: "This no longer worries me."
        }
    }

    private func goalBlock(_ goal: Goal, plan: Plan, style: TextStyle, into out: inout DocumentWriter) {
        var sentence = "My goal: \(clause(goal.description))"
        if let target = goal.targetDate { sentence += ", by \(style.date(target))" }
        sentence += "."
        if let importance = goal.importance { sentence += " It matters to me \(importance) out of 10." }
        if let confidence = goal.confidence { sentence += " I feel \(confidence) out of 10 confident." }
        if let measure = goal.measure { sentence += " We will know it is working by: \(clause(measure))." }
        if let achievement = goal.achievementStatus { sentence += " So far: \(achievement.label)." }
        if let outcome = goal.outcome { sentence += " What happened: \(outcome)" }
        out.bullet(style.tag(goal.id) + sentence)
        for action in plan.actions where action.goalID == goal.id {
            var step = "Next step: \(clause(action.description))"
            if let who = action.assignee { step += " (\(who.name))" }
            if let due = action.dueDate { step += ", by \(style.date(due))" }
            step += action.status.isClosed ? ". Done." : "."
            out.bullet(style.tag(action.id) + step, level: 2)
        }
    }

    private func referralSentence(_ referral: Referral, style: TextStyle) -> String {
        let to =
            referral.recipient == .otherService
            ? referral.serviceName ?? "a service"
            : "a \(referral.recipient.title)"
                + (referral.serviceName.map { " (\($0))" } ?? "")
        let made = referral.history.first.map { " on \(style.date($0.on))" } ?? ""
        let now: String =
            switch referral.status {
            case .draft: "This is not sent yet."
            case .requested: "We are waiting to hear back."
            case .accepted: "They have accepted."
            case .inProgress: "They are helping now."
            case .completed: "This is finished."
            case .rejected: "They could not take it on."
            case .cancelled: "It was cancelled."
            case .declinedByPerson: "I decided not to go ahead."
            case .didNotAttend: "I was not able to go."
            }
        return "I was referred to \(to)\(made) because: \(clause(referral.reason)). \(now)"
    }

    /// Text without a closing full stop, to be followed by more words.
    private func clause(_ text: String) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }

    private func contactLine(_ id: EntryID, _ plan: Plan) -> String? {
        if let contact = plan.personalContacts.first(where: { $0.id == id }) {
            return contact.name + (contact.phone.map { ", \($0)" } ?? "")
        }
        if let contact = plan.professionalContacts.first(where: { $0.id == id }) {
            return "\(contact.name), \(contact.role)" + (contact.phone.map { ", \($0)" } ?? "")
        }
        return nil
    }
}

/// Headings, paragraphs and bullets as wrapped text or Markdown; stored text made harmless.
struct DocumentWriter {
    let format: PlanDocument.Format
    let wrapper: TextWrapper
    var text = ""

    init(format: PlanDocument.Format, width: Int) {
        self.format = format
        self.wrapper = TextWrapper(width: width)
    }

    /// The nesting of open HTML lists.
    private var openLists = 0

    mutating func title(_ title: String) {
        switch format {
        case .html: text += "<h1>\(HTMLPage.escape(title))</h1>\n"
        case .markdown: text += "# \(markdown(title))\n\n"
        case .text:
            let clean = TerminalSafe.sanitize(title)
            text += clean + "\n" + String(repeating: "=", count: min(clean.count, wrapper.width)) + "\n\n"
        }
    }

    /// Bullets run together; anything after a list starts after a blank line (in HTML, the
    /// list is closed).
    mutating func endList() {
        if format == .html {
            while openLists > 0 {
                text += openLists > 1 ? "</ul></li>\n" : "</ul>\n"
                openLists -= 1
            }
            return
        }
        if !text.isEmpty, !text.hasSuffix("\n\n") { text += "\n" }
    }

    mutating func heading(_ heading: String) {
        endList()
        switch format {
        case .html: text += "<h2>\(HTMLPage.escape(heading))</h2>\n"
        case .markdown: text += "## \(markdown(heading))\n\n"
        case .text: text += heading + "\n" + String(repeating: "-", count: heading.count) + "\n\n"
        }
    }

    mutating func subheading(_ heading: String) {
        endList()
        switch format {
        case .html: text += "<h3>\(HTMLPage.escape(heading))</h3>\n"
        case .markdown: text += "### \(markdown(heading))\n\n"
        case .text: text += wrapper.wrap(TerminalSafe.sanitize(heading)).joined(separator: "\n") + "\n\n"
        }
    }

    mutating func paragraph(_ words: String) {
        endList()
        switch format {
        case .html: text += "<p>\(HTMLPage.escape(words))</p>\n"
        case .markdown: text += markdown(words) + "\n\n"
        case .text: text += wrapper.wrap(TerminalSafe.sanitize(words)).joined(separator: "\n") + "\n\n"
        }
    }

    mutating func bullet(_ words: String, level: Int = 1) {
        let indent = String(repeating: "  ", count: level - 1)
        if format == .html {
            // A deeper bullet opens a list inside the previous item; a shallower one closes it.
            if openLists == 0 {
                text += "<ul>\n"
                openLists = 1
            }
            while openLists < level {
                if text.hasSuffix("</li>\n") { text.removeLast("</li>\n".count) }
                text += "\n<ul>\n"
                openLists += 1
            }
            while openLists > level {
                text += "</ul></li>\n"
                openLists -= 1
            }
            text += "<li>\(HTMLPage.escape(words))</li>\n"
            return
        }
        switch format {
        case .html: break
        case .markdown: text += "\(indent)- \(markdown(words))\n"
        case .text: text += wrapper.wrap(TerminalSafe.sanitize(words), firstPrefix: indent + "- ", restPrefix: indent + "  ").joined(separator: "\n") + "\n"
        }
    }

    /// Escapes what Markdown would read as formatting, and makes control characters harmless.
    private func markdown(_ words: String) -> String {
        var escaped = ""
        for character in TerminalSafe.sanitize(words) {
            if "\\`*_{}[]<>#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
