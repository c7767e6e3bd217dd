public import CarePlanCore
public import Foundation

/// The one way plan files come into the store, for the shell's `import` and `careplan import`
/// alike: the same checks, the same clock, and the same words for every problem.
///
/// Each file is read within its size limit and checked in full (format, every field, the
/// modules' rules) before anything is stored; an invalid file stores nothing.
public struct PlanImporter {
    /// A file that passed every check, ready to store.
    public typealias Accepted = PlanFileReader.Accepted

    /// The store plans go into.
    public let store: PlanStore
    /// The loaded modules, whose sections and rules are checked.
    public let plugins: PluginHost
    /// Who is importing.
    public let author: String
    /// The clock: revisions are stamped with it and "today" is judged by it.
    public let now: @Sendable () -> Date
    /// The day dates are judged against (dates of birth in the future...).
    public let today: CalendarDate

    /// An importer into `store`.
    public init(store: PlanStore, plugins: PluginHost, author: String, now: @escaping @Sendable () -> Date, today: CalendarDate) {
        self.store = store
        self.plugins = plugins
        self.author = author
        self.now = now
        self.today = today
    }

    /// Reads and checks one file, as `careplan validate` does.
    public func check(file: String, format: PlanFileFormat) -> PlanFileReader.Checked {
        PlanFileReader(plugins: plugins, today: today).check(file: file, format: format)
    }

    /// Checks `files` as `check(file:format:)` does, on every core when there are many, and
    /// hands each outcome to `body` in the order given (see `PlanFileReader.forEachChecked`).
    public func forEachChecked(_ files: [String], format: PlanFileFormat, _ body: (PlanFileReader.Checked) throws -> Void) rethrows {
        try PlanFileReader(plugins: plugins, today: today).forEachChecked(files, format: format, body)
    }

    /// Stores accepted files in one transaction: a new plan becomes revision 1, a plan stored
    /// with the same bytes is left alone, and a different version of a stored plan becomes a
    /// new revision only when `replace` is true.
    public func store(_ accepted: [Accepted], replace: Bool) throws -> [ImportOutcome] {
        try store.importPlans(
            accepted.map(\.checked.plan), bodies: accepted.map(\.checked.canonical), author: author,
            at: now(), replace: replace)
    }

    /// Stores an accepted file as the next revision of its plan, only if the plan is still at
    /// `revision` (a read-modify-write from a script); otherwise `StoreError.conflict`.
    public func store(_ accepted: Accepted, onTopOf revision: Int) throws -> RevisionInfo {
        try store.commit(
            accepted.checked.plan, basedOn: revision, author: author,
            summary: "imported (on top of revision \(revision))", at: now())
    }

    // MARK: - The words

    /// A problem found in `file`, as one line: `FILE: FIELD: REASON`.
    public static func line(_ issue: ValidationIssue, in file: String) -> String {
        PlanFileReader.line(issue, in: file)
    }

    /// What happened to `file`, as one line, and whether it is an error.
    public static func line(_ outcome: ImportOutcome, for file: String) -> (text: String, isError: Bool) {
        let name = TerminalSafe.sanitize(file)
        switch outcome {
        case .stored(let revision):
            return ("\(name): stored as \(revision.planID) revision \(revision.number)", false)
        case .unchanged(let planID, let head):
            return ("\(name): unchanged (\(planID) revision \(head))", false)
        case .refused(.alreadyExists(let planID, let head)):
            return (
                "\(name): plan \(planID) is already stored (revision \(head)) with other content; "
                    + "import it with --replace to store it as a new revision", true
            )
        case .refused(let error):
            return ("\(name): \(error)", true)
        }
    }
}

/// What receiving another system's referral did.
public enum ReferralImportOutcome: Sendable, Equatable {
    /// Added to the plan of the person it names (matched by NHS number).
    case added(planID: String, episode: String, revision: Int)
    /// No plan had the NHS number: a new draft plan holds it.
    case newPlan(planID: String, episode: String)
}

extension PlanImporter {
    /// Receives a referral another system sent: on the plan holding the person's NHS number,
    /// or a new draft plan when none does. Without an NHS number a plan for someone with the
    /// same name and date of birth is refused, so the referral never lands on a stranger's plan
    /// nor makes a second plan for one person.
    public func receive(_ referral: InboundReferral, newPlanID: () -> String) throws -> ReferralImportOutcome {
        let context = EditContext(today: today, author: author)
        let edit = PlanEdit.receiveReferral(
            for: referral.service, reason: referral.reason, from: referral.source, referrer: referral.referrerName,
            organisation: referral.referrerOrganisation, urgency: referral.urgency, on: today,
            requestReference: referral.requestURL ?? referral.reference, responseDays: plugins.settings.responseDays)
        func checked(_ plan: Plan) throws -> Plan {
            let changed = try edit.apply(to: plan, context: context).plan
            let issues = PlanValidator(today: today).validate(changed) + plugins.validate(changed, today: today)
            if let error = issues.first(where: { $0.severity == .error }) {
                throw StoreError.referralNotReceived(reference: referral.reference, reason: "cannot be recorded: \(error)")
            }
            return changed
        }
        if let digits = referral.person.nhsNumber?.digits,
            let holder = try store.find(digits).first(where: { $0.nhsNumber == digits })
        {
            var stored = try store.load(holder.id)
            plugins.upgrade(&stored.plan)
            let changed = try checked(stored.plan)
            let revision = try store.commit(
                changed, basedOn: stored.revision.number, author: author, summary: "received referral \(referral.reference)", at: now())
            return .added(planID: holder.id, episode: changed.episodes.last?.id.description ?? "", revision: revision.number)
        }
        if referral.person.nhsNumber == nil, let birth = referral.person.dateOfBirth {
            let key = NameKey.fold(referral.person.name)
            if let twin = try store.find(referral.person.name).first(where: { $0.dateOfBirth == birth && NameKey.fold($0.name) == key }) {
                throw StoreError.referralNotReceived(
                    reference: referral.reference,
                    reason: "plan \(twin.id) is for someone with the same name and date of birth, and the referral has no NHS number; "
                        + "check it is them and record it there with receive")
            }
        }
        var plan = Plan(id: newPlanID(), person: referral.person)
        plan.recordedBy = author
        let changed = try checked(plan)
        try store.create(changed, author: author, summary: "created from referral \(referral.reference)", at: now())
        return .newPlan(planID: changed.id, episode: changed.episodes.last?.id.description ?? "")
    }

    /// What receiving a referral did, as one line.
    public static func line(_ outcome: ReferralImportOutcome, for file: String, referral: InboundReferral) -> String {
        let name = TerminalSafe.sanitize(file), service = referral.service.abbreviation
        switch outcome {
        case .added(let planID, let episode, let revision):
            return "\(name): referral for \(service) received as \(episode) on plan \(planID) (revision \(revision))"
        case .newPlan(let planID, let episode):
            return "\(name): referral for \(service) received as \(episode) on a new draft plan \(planID) (no plan had the NHS number)"
        }
    }
}

extension PlanImporter {
    /// Receives what another system sent: what it did, in one line about `file`, and the plan
    /// it changed.
    public func receive(_ message: InboundMessage, from file: String, newPlanID: () -> String) throws -> (line: String, planID: String) {
        switch message {
        case .referral(let referral):
            let outcome = try receive(referral, newPlanID: newPlanID)
            switch outcome {
            case .added(let planID, _, _), .newPlan(let planID, _): return (Self.line(outcome, for: file, referral: referral), planID)
            }
        case .taskUpdate(let update):
            return try apply(update, from: file)
        }
    }

    /// The resources of a message careplan did not use, one line each.
    public static func unusedLines(_ message: InboundMessage, in file: String) -> [String] {
        message.unused.map {
            "\(TerminalSafe.sanitize(file)): warning: \(TerminalSafe.sanitize($0)): not used (careplan reads the ServiceRequest or Task, its Patient and requester)"
        }
    }

    /// The shortest run of referral moves from `start` to `target`, or nil when there is none.
    static func steps(from start: ReferralStatus, to target: ReferralStatus) -> [ReferralStatus]? {
        var paths: [[ReferralStatus]] = [[start]]
        var seen: Set<ReferralStatus> = [start]
        while !paths.isEmpty {
            var next: [[ReferralStatus]] = []
            for path in paths {
                for status in path.last?.allowedNext ?? [] where seen.insert(status).inserted {
                    if status == target { return Array(path.dropFirst()) + [status] }
                    next.append(path + [status])
                }
            }
            paths = next
        }
        return nil
    }

    /// Applies a service's Task update to the referral careplan sent it: found on the plan with
    /// the person's NHS number, by the referral's id or the ServiceRequest address careplan gave
    /// it. The referral moves to the Task's status; its reason and what was delivered become a
    /// dated note.
    func apply(_ update: TaskUpdate, from file: String) throws -> (line: String, planID: String) {
        guard let digits = update.nhsNumber?.digits else {
            throw StoreError.referralNotReceived(reference: update.reference, reason: "has no NHS number (Task.for) to find the plan by")
        }
        guard let holder = try store.find(digits).first(where: { $0.nhsNumber == digits }) else {
            throw StoreError.referralNotReceived(reference: update.reference, reason: "no plan has the person's NHS number")
        }
        var stored = try store.load(holder.id)
        plugins.upgrade(&stored.plan)
        let identity = FHIRIdentity(planID: holder.id)
        guard
            let referral = stored.plan.referrals.first(where: { referral in
                referral.id == update.referralID || update.focus == identity.url("ServiceRequest/\(referral.id)")
            })
        else {
            throw StoreError.referralNotReceived(
                reference: update.reference, reason: "its focus is not a referral in plan \(holder.id)")
        }
        let context = EditContext(today: today, author: author)
        var plan = stored.plan
        var said: [String] = []
        if referral.status != update.status {
            // A service may report only where it ended (completed, from requested): the steps
            // between are taken on the same day, each kept in the referral's history.
            guard let path = Self.steps(from: referral.status, to: update.status) else {
                throw StoreError.referralNotReceived(
                    reference: update.reference, reason: "\(referral.id) is \(referral.status.rawValue) and cannot move to \(update.status.rawValue)")
            }
            for step in path {
                plan = try PlanEdit.moveReferral(referral.id, to: step, on: min(update.on ?? today, today)).apply(to: plan, context: context).plan
            }
            said.append("\(referral.id) \(update.status.rawValue)")
        }
        let words = [update.reason.map { "reason: \($0)" }, update.outputs.isEmpty ? nil : "delivered: " + update.outputs.joined(separator: "; ")]
            .compactMap { $0 }
        let from = update.owner.map { " from \($0)" } ?? ""
        let note = "Update on \(referral.id)\(from) (\(update.status.rawValue)): " + words.joined(separator: "; ")
        // The same update sent twice adds nothing the second time.
        if !words.isEmpty, !plan.notes.contains(where: { $0.text == note }) {
            plan = try PlanEdit.addNote(note).apply(to: plan, context: context).plan
            said.append("note \(plan.notes.last?.id.description ?? "")")
        }
        let name = TerminalSafe.sanitize(file)
        guard !said.isEmpty else { return ("\(name): \(referral.id) on plan \(holder.id) is already \(update.status.rawValue); nothing to change", holder.id) }
        let revision = try store.commit(plan, basedOn: stored.revision.number, author: author, summary: "update from \(update.reference)", at: now())
        return ("\(name): \(said.joined(separator: ", ")) on plan \(holder.id) (revision \(revision.number))", holder.id)
    }
}
