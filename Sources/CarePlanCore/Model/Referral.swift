/// A referral to a personalised care role or another named service, with its history.
public struct Referral: Codable, Hashable, Sendable, Identifiable {
    /// `R1`, `R2`...
    public var id: EntryID
    /// The role or kind of service referred to.
    public var recipient: ReferralRecipient
    /// The service's name; required when `recipient` is `other-service`.
    public var serviceName: String?
    /// Why the referral is made.
    public var reason: String
    /// The needs it addresses.
    public var needIDs: [EntryID]
    /// The goals it supports.
    public var goalIDs: [EntryID]
    /// How it is sent (PRSB Social Prescribing referral method).
    public var method: ReferralMethod?
    /// Who made the referral.
    public var referrer: String?
    /// Where it stands now; always the status of the last entry in `history`.
    public var status: ReferralStatus
    /// Every status the referral has been in, with the date it moved there, oldest first.
    public var history: [ReferralStatusChange]
    /// When the service should have answered by.
    public var responseDueOn: CalendarDate?

    /// A referral that starts in `status` on `date`.
    public init(
        id: EntryID, recipient: ReferralRecipient, serviceName: String? = nil, reason: String,
        needIDs: [EntryID] = [], goalIDs: [EntryID] = [], method: ReferralMethod? = nil,
        referrer: String? = nil, status: ReferralStatus = .draft, on date: CalendarDate,
        responseDueOn: CalendarDate? = nil
    ) {
        self.id = id
        self.recipient = recipient
        self.serviceName = serviceName
        self.reason = reason
        self.needIDs = needIDs
        self.goalIDs = goalIDs
        self.method = method
        self.referrer = referrer
        self.status = status
        self.history = [ReferralStatusChange(status: status, on: date)]
        self.responseDueOn = responseDueOn
    }

    enum CodingKeys: String, CodingKey {
        case id, recipient, serviceName, reason, needIDs = "needIds", goalIDs = "goalIds", method,
            referrer, status, history, responseDueOn
    }
}

/// One step in a referral's life.
public struct ReferralStatusChange: Codable, Hashable, Sendable {
    /// The status it moved to.
    public var status: ReferralStatus
    /// The day it moved.
    public var on: CalendarDate

    /// A step to `status` on `date`.
    public init(status: ReferralStatus, on date: CalendarDate) {
        self.status = status
        self.on = date
    }
}

/// Who a referral goes to.
public enum ReferralRecipient: String, Vocabulary {
    case socialPrescribingLinkWorker = "social-prescribing-link-worker"
    case healthAndWellbeingCoach = "health-and-wellbeing-coach"
    case careCoordinator = "care-coordinator"
    case otherService = "other-service"

    /// The short name staff use: SPLW, HWBC, CC.
    public var abbreviation: String {
        switch self {
        case .socialPrescribingLinkWorker: "SPLW"
        case .healthAndWellbeingCoach: "HWBC"
        case .careCoordinator: "CC"
        case .otherService: "service"
        }
    }

    /// The role as people say it.
    public var title: String {
        switch self {
        case .socialPrescribingLinkWorker: "Social Prescribing Link Worker"
        case .healthAndWellbeingCoach: "Health and Wellbeing Coach"
        case .careCoordinator: "Care Coordinator"
        case .otherService: "Other service"
        }
    }
}

/// PRSB Social Prescribing referral methods.
public enum ReferralMethod: String, Vocabulary {
    case fax, phone
    case secureMessaging = "secure-messaging"
    case secureEmail = "secure-email"
    case letter
    case eReferralService = "e-referral-service"
    case selfReferral = "self-referral"
}

/// Where a referral stands.
public enum ReferralStatus: String, Vocabulary {
    case draft, requested, accepted, rejected
    case inProgress = "in-progress"
    case completed, cancelled
    case declinedByPerson = "declined-by-person"
    case didNotAttend = "did-not-attend"

    /// The statuses a referral may move to from this one.
    ///
    /// Closed referrals can be reopened as `requested` (a re-referral), so that a missed
    /// appointment or a change of heart is recorded rather than lost.
    public var allowedNext: [ReferralStatus] {
        switch self {
        case .draft: [.requested, .cancelled]
        case .requested: [.accepted, .rejected, .cancelled, .declinedByPerson]
        case .accepted: [.inProgress, .completed, .cancelled, .declinedByPerson, .didNotAttend]
        case .inProgress: [.completed, .cancelled, .declinedByPerson, .didNotAttend]
        case .rejected, .completed, .cancelled, .declinedByPerson, .didNotAttend: [.requested]
        }
    }

    /// True once the referral needs nothing more unless reopened.
    public var isClosed: Bool {
        switch self {
        case .rejected, .completed, .cancelled, .declinedByPerson, .didNotAttend: true
        case .draft, .requested, .accepted, .inProgress: false
        }
    }
}

extension Referral: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        recipient = try object.read(CodingKeys.recipient)
        serviceName = try object.readIfPresent(CodingKeys.serviceName)
        reason = try object.read(CodingKeys.reason)
        needIDs = try object.read(CodingKeys.needIDs)
        goalIDs = try object.read(CodingKeys.goalIDs)
        method = try object.readIfPresent(CodingKeys.method)
        referrer = try object.readIfPresent(CodingKeys.referrer)
        status = try object.read(CodingKeys.status)
        history = try object.read(CodingKeys.history)
        responseDueOn = try object.readIfPresent(CodingKeys.responseDueOn)
    }
}

extension ReferralStatusChange: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        status = try object.read(CodingKeys.status)
        on = try object.read(CodingKeys.on)
    }
}

extension Referral: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 11)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.recipient, recipient)
        object.writeIfPresent(CodingKeys.serviceName, serviceName)
        object.write(CodingKeys.reason, reason)
        object.write(CodingKeys.needIDs, needIDs)
        object.write(CodingKeys.goalIDs, goalIDs)
        object.writeIfPresent(CodingKeys.method, method)
        object.writeIfPresent(CodingKeys.referrer, referrer)
        object.write(CodingKeys.status, status)
        object.write(CodingKeys.history, history)
        object.writeIfPresent(CodingKeys.responseDueOn, responseDueOn)
        return object.tree
    }
}

extension ReferralStatusChange: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 2)
        object.write(CodingKeys.status, status)
        object.write(CodingKeys.on, on)
        return object.tree
    }
}
