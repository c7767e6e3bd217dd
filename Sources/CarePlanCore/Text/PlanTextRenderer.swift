/// Renders a plan as plain text a person or their GP could be handed: PRSB section order,
/// the person's own words, wrapped to a width, control characters made harmless.
public struct PlanTextRenderer: Sendable {
    /// Line width in characters.
    public var width: Int
    /// The sections to include; all of them by default.
    public var sections: Set<PlanSection> = Set(PlanSection.allCases)
    /// What role modules add, shown after referrals.
    public var contributions: [any PlanTextContribution] = []
    /// The current day, for modules whose views depend on it (days waited, overdue).
    public var today: CalendarDate?

    /// A renderer for `width` columns.
    public init(width: Int = 80) {
        self.width = width
    }

    /// The whole plan as text, ending with a newline.
    public func render(_ plan: Plan) -> String {
        var out = Output(wrapper: TextWrapper(width: width))
        out.title("Personalised care and support plan")
        out.field("Plan", "\(plan.id) (\(plan.status.label))")
        if sections.count < PlanSection.allCases.count {
            out.field("Person", plan.person.name)
        }
        for section in PlanSection.allCases where sections.contains(section) {
            switch section {
            case .person: renderPerson(plan.person, into: &out)
            case .about: renderAboutMe(plan.aboutMe, into: &out)
            case .contacts: renderContacts(plan, into: &out)
            case .plan: renderCarePlan(plan, into: &out)
            case .referrals:
                renderReferrals(plan.referrals, into: &out)
                renderEpisodes(plan.episodes, into: &out)
            case .roles: renderRoles(plan, into: &out)
            case .contingency: renderContingency(plan, into: &out)
            case .review: renderReview(plan.review, into: &out)
            case .agreement: renderAgreement(plan, into: &out)
            case .notes: renderNotes(plan.notes, into: &out)
            }
        }
        return out.text
    }

    private func renderPerson(_ person: Person, into out: inout Output) {
        out.section("About the person")
        out.field("Name", person.name)
        out.field("Preferred name", person.preferredName)
        out.field("Date of birth", person.dateOfBirth.map(TextDates.long))
        out.field("NHS number", person.nhsNumber?.formatted)
        out.field("Gender", person.gender?.label)
        out.field("Sex at birth", person.sexAtBirth?.label)
        out.field("Gender identity", person.genderIdentity?.label)
        out.field("Ethnic category", person.ethnicCategory.map { "\($0.label) (\($0.rawValue))" })
        if let address = person.address {
            out.field("Address", (address.lines + [address.postcode].compactMap { $0 }).joined(separator: ", "))
        }
        out.field("Phone", person.phone)
        out.field("Email", person.email)
        if let practice = person.gpPractice {
            out.field("GP practice", practice.name + (practice.odsCode.map { " (\($0))" } ?? ""))
        }
        out.field("Communication needs", person.communicationNeeds)
    }

    private func renderAboutMe(_ aboutMe: AboutMe, into out: inout Output) {
        guard !aboutMe.isEmpty else { return }
        out.section("About me")
        for heading in AboutMeHeading.allCases {
            let entries = aboutMe.entries.filter { $0.heading == heading }
            guard !entries.isEmpty else { continue }
            out.subheading(heading.title)
            for entry in entries { out.bullet(entry.text) }
        }
        out.field("Written on", aboutMe.writtenOn.map(TextDates.long))
        out.field("Supported to write by", aboutMe.supportedToWriteBy)
    }

    private func renderContacts(_ plan: Plan, into out: inout Output) {
        if !plan.professionalContacts.isEmpty {
            out.section("Professional contacts")
            for contact in plan.professionalContacts {
                let place = [contact.team, contact.organisation].compactMap { $0 }.joined(separator: ", ")
                out.bullet(
                    "\(contact.name), \(contact.role)" + (place.isEmpty ? "" : " (\(place))")
                        + (contact.isKeyWorker ? ". Key worker." : ""))
                out.detail([contact.phone, contact.email].compactMap { $0 }.joined(separator: ", "))
            }
        }
        if !plan.personalContacts.isEmpty {
            out.section("Personal contacts")
            for contact in plan.personalContacts {
                let roles = contact.roles.map(\.label).joined(separator: ", ")
                let about = [contact.relationship, roles.isEmpty ? nil : roles].compactMap { $0 }.joined(separator: "; ")
                out.bullet(contact.name + (about.isEmpty ? "" : " (\(about))"))
                out.detail([contact.phone, contact.email].compactMap { $0 }.joined(separator: ", "))
            }
        }
    }

    private func renderCarePlan(_ plan: Plan, into out: inout Output) {
        out.section("My care and support plan")
        if !plan.strengths.isEmpty {
            out.subheading("Strengths")
            for strength in plan.strengths { out.bullet(strength.text) }
        }
        var shownGoals: Set<EntryID> = []
        for need in plan.needs {
            out.subheading("\(need.id) Need: \(need.description)")
            var facts = ["Area: \(need.domain.label)", "status: \(need.status.label)"]
            if let score = need.concernScore { facts.append("concern \(score)/10") }
            if let raised = need.raisedOn { facts.append("raised \(TextDates.long(raised))") }
            out.detail(facts.joined(separator: ", "))
            for goal in plan.goals where goal.needIDs.contains(need.id) {
                if shownGoals.insert(goal.id).inserted {
                    renderGoal(goal, plan: plan, into: &out)
                } else {
                    out.bullet("\(goal.id) Goal: \(goal.description) (see above)")
                }
            }
        }
        let unlinkedGoals = plan.goals.filter { $0.needIDs.isEmpty }
        if !unlinkedGoals.isEmpty {
            out.subheading("Other goals")
            for goal in unlinkedGoals { renderGoal(goal, plan: plan, into: &out) }
        }
        let goalIDs = Set(plan.goals.map(\.id))
        let looseActions = plan.actions.filter { $0.goalID.map { !goalIDs.contains($0) } ?? true }
        if !looseActions.isEmpty {
            out.subheading("Other actions")
            for action in looseActions { renderAction(action, into: &out) }
        }
    }

    private func renderReferrals(_ referrals: [Referral], into out: inout Output) {
        guard !referrals.isEmpty else { return }
        out.section("Referrals")
        for referral in referrals {
            let to =
                referral.recipient == .otherService
                ? (referral.serviceName ?? "another service")
                : "\(referral.recipient.title)" + (referral.serviceName.map { " (\($0))" } ?? "")
            out.bullet("\(referral.id) To \(to): \(referral.reason)")
            var facts = ["Status: \(referral.status.label)"]
            if let method = referral.method { facts.append("by \(method.label)") }
            if let referrer = referral.referrer { facts.append("referred by \(referrer)") }
            if let due = referral.responseDueOn { facts.append("response due \(TextDates.long(due))") }
            out.detail(facts.joined(separator: ", "))
            let steps = referral.history.map { "\($0.status.label) \(TextDates.short($0.on))" }
            out.detail("History: " + steps.joined(separator: "; "))
        }
    }

    private func renderEpisodes(_ episodes: [ReferralEpisode], into out: inout Output) {
        guard !episodes.isEmpty else { return }
        out.section("Referrals received")
        for episode in episodes {
            let from = [episode.referrerName, episode.referrerOrganisation].compactMap { $0 }.joined(separator: ", ")
            out.bullet(
                "\(episode.id) For \(episode.service.title)\(episode.urgency == .urgent ? " (urgent)" : ""): \(episode.reason)")
            var facts = [
                "Received \(TextDates.short(episode.receivedOn)) "
                    + (episode.source == .selfReferral ? "as a self-referral" : "from \(episode.source.label)") + (from.isEmpty ? "" : " (\(from))"),
                "now \(episode.state.rawValue)",
            ]
            if episode.answer == nil { facts.append("answer due \(TextDates.short(episode.responseDueOn))") }
            if let answer = episode.answer {
                facts.append("\(answer.decision.rawValue) \(TextDates.short(answer.on))" + (answer.reason.map { " (\($0.label))" } ?? ""))
            }
            if let first = episode.firstContactOn, let waited = episode.daysWaited {
                facts.append("first contact \(TextDates.short(first)) after \(waited) day\(waited == 1 ? "" : "s")")
            }
            out.detail(facts.joined(separator: "; "))
            if !episode.contacts.isEmpty {
                let attended = episode.contacts.filter(\.attended).count
                out.detail("Contacts: \(attended) attended, \(episode.contacts.count - attended) not attended")
            }
            let failed = episode.failedAttemptsInARow
            if failed >= 3 {
                out.detail("\(failed) calls in a row have not reached the person: consider discharging as lost contact")
            } else if !episode.attempts.isEmpty {
                out.detail("Calls: " + episode.attempts.map { $0.outcome.label }.joined(separator: ", "))
            }
            if let discharge = episode.discharge {
                out.detail("Discharged \(TextDates.short(discharge.on)): \(discharge.reason.label)" + (discharge.note.map { ". \($0)" } ?? ""))
            }
            for reopening in episode.reopenings {
                out.detail("Reopened \(TextDates.short(reopening.on)) (\(reopening.closed)): \(reopening.note)")
            }
            if !episode.codes.isEmpty {
                out.detail("Codes: " + episode.codes.map { "\($0.code) \($0.display) (\(TextDates.short($0.on)))" }.joined(separator: "; "))
            }
        }
    }

    private func renderRoles(_ plan: Plan, into out: inout Output) {
        for contribution in contributions {
            let lines = contribution.lines(for: plan, style: .staff(width: width, today: today))
            guard !lines.isEmpty else { continue }
            out.section(contribution.title)
            for line in lines { out.line(TerminalSafe.sanitize(line)) }
        }
    }

    private func renderContingency(_ plan: Plan, into out: inout Output) {
        guard !plan.contingency.isEmpty else { return }
        out.section("If things go wrong")
        if !plan.contingency.triggers.isEmpty {
            out.subheading("Signs to watch for")
            for trigger in plan.contingency.triggers { out.bullet(trigger) }
        }
        out.field("What should happen", plan.contingency.whatShouldHappen)
        out.field("Who to contact", plan.contingency.whoToContact)
        let names = plan.contingency.contactIDs.compactMap { id in
            plan.professionalContacts.first { $0.id == id }?.name ?? plan.personalContacts.first { $0.id == id }?.name
        }
        if !names.isEmpty { out.field("Contacts to call", names.joined(separator: ", ")) }
    }

    private func renderReview(_ review: ReviewSchedule, into out: inout Output) {
        out.section("Review")
        out.field("Next review", review.nextReviewOn.map(TextDates.long) ?? "not planned yet")
        out.field("Every", review.intervalWeeks.map { "\($0) weeks" })
        out.field("Responsible", review.responsible)
        for record in review.held {
            out.bullet(
                "Reviewed \(TextDates.long(record.heldOn))" + (record.heldBy.map { " by \($0)" } ?? "")
                    + (record.summary.map { ": \($0)" } ?? ""))
        }
    }

    private func renderAgreement(_ plan: Plan, into out: inout Output) {
        out.section("Agreement and consent")
        if let agreement = plan.agreement {
            let who =
                agreement.agreedBy == .person
                ? "the person"
                : (agreement.representativeName ?? "a representative")
                    + (agreement.representativeRelationship.map { " (\($0))" } ?? "")
            out.field(
                "Agreed",
                "with \(who) on \(TextDates.long(agreement.agreedOn))"
                    + (agreement.recordedBy.map { ", recorded by \($0)" } ?? ""))
        } else {
            out.field("Agreed", "not yet")
        }
        if let consent = plan.consent {
            out.field(
                "Consent to share",
                "\(consent.status.label) on \(TextDates.long(consent.recordedOn))"
                    + (consent.scope.map { ": \($0)" } ?? ""))
        } else {
            out.field("Consent to share", "not recorded")
        }
        out.field("Record completed by", plan.recordedBy)
        out.field("Last updated", plan.lastUpdated.map(TextDates.long))
    }

    private func renderNotes(_ notes: [Note], into out: inout Output) {
        guard !notes.isEmpty else { return }
        out.section("Notes")
        for note in notes {
            out.bullet("\(TextDates.short(note.writtenOn))" + (note.author.map { " (\($0))" } ?? "") + ": \(note.text)")
        }
    }

    private func renderGoal(_ goal: Goal, plan: Plan, into out: inout Output) {
        out.bullet("\(goal.id) Goal: \(goal.description)")
        var facts = ["\(goal.lifecycleStatus.label)"]
        if let achievement = goal.achievementStatus { facts.append(achievement.label) }
        if let importance = goal.importance { facts.append("importance \(importance)/10") }
        if let confidence = goal.confidence { facts.append("confidence \(confidence)/10") }
        if let target = goal.targetDate { facts.append("by \(TextDates.long(target))") }
        out.detail(facts.joined(separator: ", "))
        if let measure = goal.measure { out.detail("Measured by: \(measure)") }
        if let outcome = goal.outcome { out.detail("Outcome: \(outcome)") }
        for action in plan.actions where action.goalID == goal.id {
            renderAction(action, into: &out, indent: 2)
        }
    }

    private func renderAction(_ action: Action, into out: inout Output, indent: Int = 0) {
        var facts = [action.status.label]
        if let who = action.assignee {
            facts.append("who: " + [who.name, who.role, who.team].compactMap { $0 }.joined(separator: ", "))
        }
        if let due = action.dueDate { facts.append("due \(TextDates.long(due))") }
        if let review = action.reviewDate { facts.append("review \(TextDates.long(review))") }
        out.bullet("\(action.id) Action: \(action.description)", indent: indent)
        out.detail(facts.joined(separator: "; "), indent: indent)
    }
}

/// Builds the text: headings, fields, bullets; everything sanitised and wrapped.
private struct Output {
    let wrapper: TextWrapper
    var text = ""

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    mutating func title(_ title: String) {
        line(title.uppercased())
        line(String(repeating: "=", count: min(wrapper.width, title.count)))
    }

    mutating func section(_ name: String) {
        line("")
        line(name)
        line(String(repeating: "-", count: min(wrapper.width, name.count)))
    }

    mutating func subheading(_ name: String) {
        for wrapped in wrapper.wrap(clean(name)) { line(wrapped) }
    }

    mutating func field(_ label: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        for wrapped in wrapper.wrap(clean(value), firstPrefix: "\(label): ", restPrefix: "  ") { line(wrapped) }
    }

    mutating func bullet(_ value: String, indent: Int = 0) {
        let pad = String(repeating: " ", count: indent)
        for wrapped in wrapper.wrap(clean(value), firstPrefix: pad + "- ", restPrefix: pad + "  ") { line(wrapped) }
    }

    mutating func detail(_ value: String, indent: Int = 0) {
        guard !value.isEmpty else { return }
        let pad = String(repeating: " ", count: indent + 2)
        for wrapped in wrapper.wrap(clean(value), firstPrefix: pad) { line(wrapped) }
    }

    private func clean(_ value: String) -> String {
        TerminalSafe.sanitize(value, keepNewlines: true)
    }
}

/// Dates written out for people: "21 November 2026".
public enum TextDates {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]

    /// "21 November 2026".
    public static func long(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    static func short(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1].prefix(3)) \(date.year)"
    }
}

/// The parts of a plan a view can show on its own.
public enum PlanSection: String, Vocabulary {
    case person, about, contacts, plan, referrals, roles, contingency, review, agreement, notes
}
