/// Something in a plan that falls due on a day: an action, a task, a review, a referral
/// awaiting an answer. The store indexes these so a caseload worklist needs no plan decoding.
public struct DueItem: Hashable, Sendable {
    /// Who produced it: "core" or a module id.
    public var source: String
    /// The entry it belongs to ("A3", "T2", "review").
    public var entryID: String
    /// What kind of thing falls due.
    public var kind: DueItemKind
    /// One line saying what it is.
    public var title: String
    /// Who is responsible, if known.
    public var owner: String?
    /// The day it falls due.
    public var dueOn: CalendarDate

    /// An item.
    public init(source: String, entryID: String, kind: DueItemKind, title: String, owner: String?, dueOn: CalendarDate) {
        self.source = source
        self.entryID = entryID
        self.kind = kind
        self.title = title
        self.owner = owner
        self.dueOn = dueOn
    }
}

/// A kind of due item ("action", "task"). Kinds are open: the core declares its own three and
/// each module declares its own, with where they go on the worklist
/// (`PluginRegistrar.dueItems(_:kinds:)`), so the core knows none of the modules' kinds.
public struct DueItemKind: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The kind as stored in the worklist index: lower-case words joined by hyphens.
    public let rawValue: String

    /// A kind named `rawValue`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A kind named by a literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// An open action with a due date.
    public static let action: Self = "action"
    /// The plan's next review.
    public static let review: Self = "review"
    /// A referral still waiting for an answer.
    public static let referralResponse: Self = "referral-response"
}

/// A module's contribution to the worklist index.
public protocol DueItemProvider: Sendable {
    /// Everything in `plan` that falls due, open items only.
    func dueItems(in plan: Plan) -> [DueItem]
}

/// What the core plan puts on the worklist: open actions with a due date, the planned review,
/// and referrals still waiting for an answer.
struct CoreDueItems: DueItemProvider {
    /// The services that receive referrals, by the role they belong to.
    static let receivingRoles: [(role: String, service: ReferralRecipient)] = [
        ("splw", .socialPrescribingLinkWorker), ("hwbc", .healthAndWellbeingCoach), ("cc", .careCoordinator),
    ]
    /// A referral received and not yet answered, by the day it came: the inbox.
    static func received(_ role: String) -> DueItemKind { DueItemKind(rawValue: "referral-received-\(role)") }
    /// The same referral, by the day its answer is due.
    static func answerDue(_ role: String) -> DueItemKind { DueItemKind(rawValue: "referral-answer-due-\(role)") }
    /// A referral accepted and the person not yet reached, by the day it was accepted.
    static func firstContactDue(_ role: String) -> DueItemKind { DueItemKind(rawValue: "first-contact-due-\(role)") }

    /// The core's kinds, in worklist order.
    static let order: [DueItemKind] =
        [.action, .review, .referralResponse] + receivingRoles.map { answerDue($0.role) } + receivingRoles.map { firstContactDue($0.role) }
        + receivingRoles.map { received($0.role) }
    /// Where the core's kinds go on the worklist.
    static let placements: [DueItemKind: WorklistPlacement] = {
        var placements: [DueItemKind: WorklistPlacement] = [
            .action: .work, .review: .group("Reviews due", .byWeekEnd), .referralResponse: .group("Referral answers overdue", .overdue),
        ]
        for (role, _) in receivingRoles {
            placements[received(role)] = .inbox
            placements[answerDue(role)] = .group("Referral answers we owe", .overdue)
            placements[firstContactDue(role)] = .group("Accepted, waiting for a first contact", .any)
        }
        return placements
    }()
    /// The role of each kind the core keeps per role.
    static let roles: [DueItemKind: String] = {
        var roles: [DueItemKind: String] = [:]
        for (role, _) in receivingRoles {
            for kind in [received(role), answerDue(role), firstContactDue(role)] { roles[kind] = role }
        }
        return roles
    }()

    func dueItems(in plan: Plan) -> [DueItem] {
        var items: [DueItem] = []
        for action in plan.actions where !action.status.isClosed {
            guard let due = action.dueDate else { continue }
            items.append(
                DueItem(
                    source: "core", entryID: action.id.description, kind: .action,
                    title: action.description, owner: action.assignee?.name, dueOn: due))
        }
        if let review = plan.review.nextReviewOn, plan.status == .active || plan.status == .draft || plan.status == .onHold {
            items.append(
                DueItem(
                    source: "core", entryID: "review", kind: .review, title: "plan review",
                    owner: plan.review.responsible, dueOn: review))
        }
        for episode in plan.episodes {
            guard let role = Self.receivingRoles.first(where: { $0.service == episode.service })?.role else { continue }
            let from = episode.referrerOrganisation ?? episode.referrerName ?? episode.source.label
            let urgent = episode.urgency == .urgent ? "URGENT " : ""
            let owner = plan.responsibleWorker
            switch episode.state {
            case .awaitingAnswer:
                items.append(
                    DueItem(
                        source: "core", entryID: episode.id.description, kind: Self.received(role),
                        title: "\(urgent)\(episode.reason) (from \(from); answer by \(episode.responseDueOn))", owner: owner,
                        dueOn: episode.receivedOn))
                items.append(
                    DueItem(
                        source: "core", entryID: episode.id.description, kind: Self.answerDue(role),
                        title: "\(urgent)answer the referral from \(from)", owner: owner, dueOn: episode.responseDueOn))
            case .accepted:
                let failed = episode.failedAttemptsInARow
                let calls = failed > 0 ? " (\(failed) failed call\(failed == 1 ? "" : "s"))" : ""
                items.append(
                    DueItem(
                        source: "core", entryID: episode.id.description, kind: Self.firstContactDue(role),
                        title: "\(urgent)first contact\(calls)", owner: owner, dueOn: episode.answer?.on ?? episode.receivedOn))
            case .inContact, .declined, .discharged:
                break
            }
        }
        for referral in plan.referrals where referral.status == .requested {
            guard let due = referral.responseDueOn ?? defaultResponseDue(of: referral) else { continue }
            let to = referral.serviceName ?? referral.recipient.abbreviation
            items.append(
                DueItem(
                    source: "core", entryID: referral.id.description, kind: .referralResponse,
                    title: "answer to referral to \(to)", owner: referral.referrer, dueOn: due))
        }
        return items
    }

    /// Days a service has to answer a referral sent without `--respond-by` (the deployment's
    /// setting, 14 unless set). Without a default such a referral would never reach the
    /// worklist and could wait unanswered for ever (hazard H-05 in the hazard log).
    var responseDays = 14

    /// The day an answer is due when none was set: `responseDays` after the referral was sent
    /// (its latest move to requested).
    func defaultResponseDue(of referral: Referral) -> CalendarDate? {
        guard let sent = referral.history.last(where: { $0.status == .requested })?.on else { return nil }
        return sent.adding(days: responseDays)
    }
}

/// Everything the store needs to keep the worklist index: which sources it covers, and how to
/// list a plan's due items.
public struct DueItemIndex: Sendable {
    /// "core" and the module ids whose items are indexed.
    public let sources: [String]
    /// The sources and the declared kinds: when it differs from the one the index was built
    /// with, the store rebuilds the index.
    public let signature: String
    /// The due items of a plan: only kinds their source declared, so an item can never be
    /// indexed where no worklist group will show it.
    public let items: @Sendable (Plan) -> [DueItem]

    /// An index over the given providers, keeping the items of `declared` kinds.
    init(
        sources: [String], providers: [any DueItemProvider], declared: Set<DueItemKind>, settings: String = "response-14",
        upgrade: @escaping @Sendable (Plan) -> Plan = { $0 }
    ) {
        self.sources = sources.sorted()
        self.signature =
            "rules-\(Self.rulesVersion);\(settings);" + self.sources.joined(separator: ",") + ";"
            + declared.sorted().map(\.rawValue).joined(separator: ",")
        // Stored plans may be in an older shape: the providers see them upgraded.
        self.items = { stored in
            let plan = upgrade(stored)
            return providers.flatMap { $0.dueItems(in: plan) }.filter { declared.contains($0.kind) }
        }
    }

    /// Bumped whenever what counts as due changes (in the core or a module), so a store indexed
    /// by an older careplan rebuilds its worklist index instead of keeping stale items.
    /// 2: a referral sent without an answer date falls due 14 days after it was sent.
    /// 3: referrals received (the inbox, answers we owe, first contacts).
    /// 4: items no one owns are indexed with an empty owner key, for `worklist --mine`.
    static let rulesVersion = 4

    /// The index of the core alone, for a store opened without modules.
    public static let coreOnly = PluginHost.none.dueItemIndex
}

extension PluginHost {
    /// The worklist index for the core and every loaded module that provides due items.
    public var dueItemIndex: DueItemIndex {
        DueItemIndex(
            sources: ["core"] + registrar.dueItemSources,
            providers: [CoreDueItems(responseDays: settings.responseDays)] + registrar.dueItemProviders,
            declared: Set(worklistPlacements.keys), settings: "response-\(settings.responseDays)", upgrade: self.upgraded)
    }
}
