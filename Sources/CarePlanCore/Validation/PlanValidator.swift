/// Checks the business rules of a plan that its types alone cannot: ranges, links between
/// entries, id rules, and consistency. Returns every problem, errors and warnings together.
public struct PlanValidator: Sendable {
    /// The current day, for date checks; nil skips them.
    public var today: CalendarDate?

    /// A validator for `today`.
    public init(today: CalendarDate? = nil) {
        self.today = today
    }

    /// Every problem in `plan`, in document order.
    public func validate(_ plan: Plan) -> [ValidationIssue] {
        var check = Checker()
        check.planIdentity(plan)
        check.person(plan.person, today: today)
        check.aboutMe(plan.aboutMe)
        check.ids(plan)
        check.entries(plan)
        check.links(plan)
        check.referrals(plan.referrals)
        check.episodes(plan.episodes, today: today)
        check.review(plan)
        check.agreementAndConsent(plan)
        check.extensions(plan.extensions)
        return check.issues
    }
}

/// Accumulates issues; one method per plan area.
private struct Checker {
    var issues: [ValidationIssue] = []

    mutating func error(_ path: FieldPath, _ message: String) {
        issues.append(ValidationIssue(.error, at: path, message))
    }

    mutating func warning(_ path: FieldPath, _ message: String) {
        issues.append(ValidationIssue(.warning, at: path, message))
    }

    // Paths are made only for a problem: a plan has thousands of fields that pass.
    mutating func required(_ text: String, _ path: @autoclosure () -> FieldPath) {
        // All whitespace (or nothing), checked without Foundation's bridging, which is slow.
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            error(path(), "must not be empty")
        }
    }

    mutating func score(_ value: Int?, _ range: ClosedRange<Int>, _ path: @autoclosure () -> FieldPath) {
        if let value, !range.contains(value) {
            error(path(), "expected a score from \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }

    mutating func planIdentity(_ plan: Plan) {
        if !Plan.isValidID(plan.id) {
            error("id", "expected 1 to 40 letters, digits or hyphens, starting with a letter or digit, got \(Quoted(plan.id))")
        }
    }

    mutating func person(_ person: Person, today: CalendarDate?) {
        required(person.name, "person.name")
        if let birth = person.dateOfBirth, let today, birth > today {
            error("person.dateOfBirth", "is after today (\(today))")
        }
        if let postcode = person.address?.postcode, !UKPostcode.isPlausible(postcode) {
            warning("person.address.postcode", "does not look like a UK postcode (such as LS1 4AP)")
        }
        if let email = person.email, !email.contains("@") {
            warning("person.email", "does not look like an email address")
        }
        if let practice = person.gpPractice {
            required(practice.name, "person.gpPractice.name")
        }
    }

    mutating func aboutMe(_ aboutMe: AboutMe) {
        for (index, entry) in aboutMe.entries.enumerated() {
            required(entry.text, FieldPath("aboutMe.entries").appending(index).appending("text"))
        }
    }

    mutating func ids(_ plan: Plan) {
        // A long plan has thousands of ids, checked on every edit: the first place of each id
        // is kept as a position, and its path made only for a problem.
        let locations = plan.entryLocations
        var seen: [EntryID: Int] = [:]
        seen.reserveCapacity(locations.count)
        var highest = [Int?](repeating: nil, count: EntryKind.allCases.count)
        for (position, location) in locations.enumerated() {
            let id = location.id
            let expected = location.list.kind
            if id.kind != expected {
                error(location.path, "expected a \(expected.noun) id (\(expected.rawValue)1, \(expected.rawValue)2...), got \(id)")
            }
            if let earlier = seen[id] {
                error(location.path, "id \(id) is already used at \(locations[earlier].path)")
            } else {
                seen[id] = position
            }
            highest[id.kind.ordinal] = max(highest[id.kind.ordinal] ?? 0, id.number)
        }
        for kind in EntryKind.allCases {
            let issued = plan.lastIssuedIDs[kind] ?? 0
            if let top = highest[kind.ordinal], top > issued {
                error(
                    FieldPath("lastIssuedIds").appending(kind.rawValue),
                    "is \(issued) but \(kind.rawValue)\(top) is in use; it must be at least \(top) so ids are never reused")
            }
            if issued < 0 {
                error(FieldPath("lastIssuedIds").appending(kind.rawValue), "must not be negative")
            }
            if issued > Plan.maximumIssuedNumber || (highest[kind.ordinal] ?? 0) > Plan.maximumIssuedNumber {
                error(FieldPath("lastIssuedIds").appending(kind.rawValue), "must be at most \(Plan.maximumIssuedNumber)")
            }
        }
    }

    mutating func entries(_ plan: Plan) {
        for (index, strength) in plan.strengths.enumerated() {
            required(strength.text, FieldPath("strengths").appending(index).appending("text"))
        }
        for (index, need) in plan.needs.enumerated() {
            let path = FieldPath("needs").appending(index)
            required(need.description, path.appending("description"))
            score(need.concernScore, 0...10, path.appending("concernScore"))
        }
        for (index, goal) in plan.goals.enumerated() {
            let path = FieldPath("goals").appending(index)
            required(goal.description, path.appending("description"))
            score(goal.importance, 1...10, path.appending("importance"))
            score(goal.confidence, 1...10, path.appending("confidence"))
            let finished: Set<GoalLifecycleStatus> = [.completed, .cancelled, .rejected, .enteredInError]
            if goal.targetDate == nil, !finished.contains(goal.lifecycleStatus) {
                warning(path.appending("targetDate"), "goal \(goal.id) has no target date")
            }
        }
        for (index, action) in plan.actions.enumerated() {
            let path = FieldPath("actions").appending(index)
            required(action.description, path.appending("description"))
            if let assignee = action.assignee {
                required(assignee.name, path.appending("assignee").appending("name"))
            }
        }
        var keyWorkers = 0
        for (index, contact) in plan.professionalContacts.enumerated() {
            let path = FieldPath("professionalContacts").appending(index)
            required(contact.name, path.appending("name"))
            required(contact.role, path.appending("role"))
            if contact.isKeyWorker {
                keyWorkers += 1
                if keyWorkers == 2 {
                    warning(path.appending("keyWorker"), "more than one professional contact is marked as key worker")
                }
            }
        }
        for (index, contact) in plan.personalContacts.enumerated() {
            let path = FieldPath("personalContacts").appending(index)
            required(contact.name, path.appending("name"))
            if Set(contact.roles).count != contact.roles.count {
                warning(path.appending("roles"), "lists the same role twice")
            }
        }
        for (index, note) in plan.notes.enumerated() {
            required(note.text, FieldPath("notes").appending(index).appending("text"))
        }
        for (index, trigger) in plan.contingency.triggers.enumerated() {
            required(trigger, FieldPath("contingency.triggers").appending(index))
        }
    }

    mutating func links(_ plan: Plan) {
        let needIDs = Set(plan.needs.map(\.id))
        let goalIDs = Set(plan.goals.map(\.id))
        let contactIDs = Set(plan.professionalContacts.map(\.id) + plan.personalContacts.map(\.id))
        func link(_ id: EntryID, in known: Set<EntryID>, _ noun: String, _ path: @autoclosure () -> FieldPath) {
            if !known.contains(id) {
                error(path(), "links to \(noun) \(id), which is not in the plan")
            }
        }
        for (index, goal) in plan.goals.enumerated() {
            for (position, id) in goal.needIDs.enumerated() {
                link(id, in: needIDs, "need", FieldPath("goals").appending(index).appending("needIds").appending(position))
            }
        }
        for (index, action) in plan.actions.enumerated() {
            if let id = action.goalID {
                link(id, in: goalIDs, "goal", FieldPath("actions").appending(index).appending("goalId"))
            }
        }
        for (index, referral) in plan.referrals.enumerated() {
            let path = FieldPath("referrals").appending(index)
            for (position, id) in referral.needIDs.enumerated() {
                link(id, in: needIDs, "need", path.appending("needIds").appending(position))
            }
            for (position, id) in referral.goalIDs.enumerated() {
                link(id, in: goalIDs, "goal", path.appending("goalIds").appending(position))
            }
        }
        let referralIDs = Set(plan.referrals.map(\.id))
        for (index, episode) in plan.episodes.enumerated() {
            if let id = episode.fromReferral {
                link(id, in: referralIDs, "referral", FieldPath("episodes").appending(index).appending("fromReferral"))
            }
        }
        for (position, id) in plan.contingency.contactIDs.enumerated() {
            link(id, in: contactIDs, "contact", FieldPath("contingency.contactIds").appending(position))
        }
    }

    mutating func referrals(_ referrals: [Referral]) {
        for (index, referral) in referrals.enumerated() {
            let path = FieldPath("referrals").appending(index)
            required(referral.reason, path.appending("reason"))
            if referral.recipient == .otherService {
                if (referral.serviceName ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    error(path.appending("serviceName"), "is required when the referral is to another service")
                }
            }
            guard let last = referral.history.last else {
                error(path.appending("history"), "must record at least the referral's first status")
                continue
            }
            if last.status != referral.status {
                error(path.appending("status"), "is \(referral.status.rawValue) but the last history entry is \(last.status.rawValue)")
            }
            for position in referral.history.indices.dropFirst() {
                let before = referral.history[position - 1]
                let after = referral.history[position]
                let stepPath = path.appending("history").appending(position)
                if after.on < before.on {
                    error(stepPath.appending("on"), "\(after.on) is before the previous step (\(before.on))")
                }
                if !before.status.allowedNext.contains(after.status) {
                    warning(stepPath.appending("status"), "a referral does not usually move from \(before.status.rawValue) to \(after.status.rawValue)")
                }
            }
            if let due = referral.responseDueOn, let first = referral.history.first, due < first.on {
                warning(path.appending("responseDueOn"), "is before the referral was made (\(first.on))")
            }
        }
    }

    mutating func episodes(_ episodes: [ReferralEpisode], today: CalendarDate?) {
        for (index, episode) in episodes.enumerated() {
            let path = FieldPath("episodes").appending(index)
            required(episode.reason, path.appending("reason"))
            if episode.service == .otherService {
                error(path.appending("service"), "is one of our services: social-prescribing-link-worker, health-and-wellbeing-coach or care-coordinator")
            }
            if let today, episode.receivedOn > today { error(path.appending("receivedOn"), "\(episode.receivedOn) is in the future") }
            if episode.responseDueOn < episode.receivedOn {
                error(path.appending("responseDueOn"), "is before the referral was received (\(episode.receivedOn))")
            }
            var previous = episode.receivedOn
            let steps: [(String, CalendarDate?)] = [
                ("answer", episode.answer?.on), ("firstContactOn", episode.firstContactOn), ("discharge", episode.discharge?.on),
            ]
            for (name, day) in steps {
                guard let day else { continue }
                if day < previous { error(path.appending(name), "\(day) is before an earlier step of the episode (\(previous))") }
                previous = day
            }
            if episode.answer?.decision == .declined, episode.answer?.reason == nil {
                error(path.appending("answer").appending("reason"), "a declined referral needs its reason")
            }
            if episode.firstContactOn != nil, episode.answer?.decision != .accepted {
                error(path.appending("firstContactOn"), "a first contact needs the referral accepted")
            }
            for (position, attempt) in episode.attempts.enumerated() where CalendarDate(attempt.at.prefix(10)) == nil || attempt.at.count != 20 {
                error(path.appending("attempts").appending(position).appending("at"), "expected an instant like 2026-11-21T10:05:00Z")
            }
            for (position, contact) in episode.contacts.enumerated() {
                if let minutes = contact.durationMinutes, !(1...600).contains(minutes) {
                    error(path.appending("contacts").appending(position).appending("durationMinutes"), "expected 1 to 600 minutes, got \(minutes)")
                }
            }
        }
    }

    mutating func review(_ plan: Plan) {
        if plan.status == .active, plan.review.nextReviewOn == nil {
            warning("review.nextReviewOn", "an active plan should have a planned review date")
        }
        if let weeks = plan.review.intervalWeeks, !(1...520).contains(weeks) {
            error("review.intervalWeeks", "expected 1 to 520 weeks, got \(weeks)")
        }
        for position in plan.review.held.indices.dropFirst()
        where plan.review.held[position].heldOn < plan.review.held[position - 1].heldOn {
            error(FieldPath("review.held").appending(position).appending("heldOn"), "reviews must be listed oldest first")
        }
    }

    mutating func agreementAndConsent(_ plan: Plan) {
        if let agreement = plan.agreement, agreement.agreedBy == .representative,
            (agreement.representativeName ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        {
            error("agreement.representativeName", "is required when a representative agreed the plan")
        }
        if let consent = plan.consent, consent.status == .limited,
            (consent.scope ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        {
            error("consent.scope", "is required when consent is limited: say what may be shared")
        }
        if plan.status == .active, plan.consent == nil {
            warning("consent", "an active plan should record consent for information sharing")
        }
    }

    mutating func extensions(_ extensions: [String: JSONValue]) {
        for key in extensions.keys.sorted() where !Plan.isValidModuleID(key) {
            error(FieldPath("extensions").appending(key), "module ids are lower-case words joined by hyphens, such as social-prescribing")
        }
    }
}

extension Plan {
    /// True for 1 to 40 ASCII letters, digits or hyphens, not starting with a hyphen.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 40, first != "-" else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// True for a role-module id such as `social-prescribing`.
    public static func isValidModuleID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
