/// A referral one of our services received, and its life: the answer, the calls made to
/// reach the person, the first contact and the contacts after it, the discharge, and any
/// reopening. One person may have several episodes over time.
public struct ReferralEpisode: Codable, Hashable, Sendable, Identifiable {
    /// `E1`...
    public var id: EntryID
    /// Which of our services received it: SPLW, HWBC or CC.
    public var service: ReferralRecipient
    /// The day it was received.
    public var receivedOn: CalendarDate
    /// Who sent it.
    public var source: ReferralSource
    /// The referrer's name.
    public var referrerName: String?
    /// The referrer's organisation (a practice, a hospital team, a charity).
    public var referrerOrganisation: String?
    /// Why, in the referrer's words.
    public var reason: String
    /// The area of life the referral is about, for counting referrals by reason.
    public var reasonDomain: NeedDomain?
    /// Routine or urgent.
    public var urgency: ReferralUrgency
    /// When the service should answer by (14 days after receipt unless set).
    public var responseDueOn: CalendarDate
    /// Accepted or declined, once answered.
    public var answer: EpisodeAnswer?
    /// The first contact with the person: the end of the wait.
    public var firstContactOn: CalendarDate?
    /// Every contact, oldest first.
    public var contacts: [EpisodeContact]
    /// Every attempt to reach the person, oldest first.
    public var attempts: [ContactAttempt]
    /// The discharge, once closed.
    public var discharge: EpisodeDischarge?
    /// Each time a closed episode was reopened, oldest first.
    public var reopenings: [EpisodeReopening]
    /// The codes recorded for the GP record, when they were recorded.
    public var codes: [RecordedCode]
    /// The sender's address for its ServiceRequest, when it came by FHIR: the Task careplan
    /// exports for this episode names it, so the referrer's system can follow the answer.
    public var requestReference: String?
    /// The referral in this plan that another role in the team sent, when it came from one:
    /// answering and discharging this episode moves that referral on, so the sender sees it.
    public var fromReferral: EntryID?

    /// Days to answer a referral unless another day is set.
    public static let defaultResponseDays = 14

    /// An episode received on `receivedOn`.
    public init(
        id: EntryID, service: ReferralRecipient, receivedOn: CalendarDate, source: ReferralSource, reason: String,
        urgency: ReferralUrgency = .routine, responseDueOn: CalendarDate? = nil
    ) {
        self.id = id
        self.service = service
        self.receivedOn = receivedOn
        self.source = source
        self.reason = reason
        self.urgency = urgency
        self.responseDueOn = responseDueOn ?? receivedOn.adding(days: Self.defaultResponseDays) ?? receivedOn
        self.contacts = []
        self.attempts = []
        self.reopenings = []
        self.codes = []
    }

    /// Where the episode stands.
    public var state: EpisodeState {
        if discharge != nil { return .discharged }
        guard let answer else { return .awaitingAnswer }
        if answer.decision == .declined { return .declined }
        return firstContactOn == nil ? .accepted : .inContact
    }

    /// Days from receipt to the first contact, once made.
    public var daysWaited: Int? { firstContactOn.map { receivedOn.days(until: $0) } }

    /// Attempts that did not reach the person since the last one that did, or the last
    /// contact: three or more suggest discharging as lost contact.
    public var failedAttemptsInARow: Int {
        var count = 0
        for attempt in attempts.reversed() {
            if attempt.outcome == .spoke { break }
            count += 1
        }
        return count
    }
}

/// Where a referral episode stands.
public enum EpisodeState: String, Sendable {
    case awaitingAnswer = "awaiting an answer"
    case accepted
    case inContact = "in contact"
    case declined
    case discharged
}

/// Who sent a referral.
public enum ReferralSource: String, Vocabulary {
    case gp
    case selfReferral = "self"
    case hospital
    case voluntarySector = "voluntary-sector"
    case localAuthority = "local-authority"
    case team
    case other

    public var label: String {
        switch self {
        case .gp: "GP"
        case .selfReferral: "self-referral"
        case .team: "another role in the team"
        default: rawValue.replacingOccurrences(of: "-", with: " ")
        }
    }
}

/// How soon a referral should be answered.
public enum ReferralUrgency: String, Vocabulary {
    case routine, urgent
}

/// The service's answer to a referral.
public struct EpisodeAnswer: Codable, Hashable, Sendable {
    /// Accepted or declined.
    public var decision: EpisodeDecision
    /// The day.
    public var on: CalendarDate
    /// Why it was declined.
    public var reason: DeclineReason?

    /// An answer on `day`.
    public init(decision: EpisodeDecision, on day: CalendarDate, reason: DeclineReason? = nil) {
        self.decision = decision
        self.on = day
        self.reason = reason
    }
}

/// Accepted or declined.
public enum EpisodeDecision: String, Vocabulary {
    case accepted, declined
}

/// Why a referral was declined.
public enum DeclineReason: String, Vocabulary {
    case personDeclined = "person-declined"
    case notEligible = "not-eligible"
    case needsAnotherService = "needs-another-service"
    case alreadySupported = "already-supported"
    case other
}

/// A contact with the person in an episode.
public struct EpisodeContact: Codable, Hashable, Sendable {
    /// The day.
    public var on: CalendarDate
    /// How.
    public var mode: ContactMode
    /// How long, in minutes.
    public var durationMinutes: Int?
    /// False when the person did not attend.
    public var attended: Bool
}

/// How a contact was held.
public enum ContactMode: String, Vocabulary {
    case faceToFace = "face-to-face"
    case phone, video
    case homeVisit = "home-visit"
    case group
}

/// One attempt to reach the person.
public struct ContactAttempt: Codable, Hashable, Sendable {
    /// When, as RFC 3339 in UTC (`2026-11-21T10:05:00Z`).
    public var at: String
    /// What happened.
    public var outcome: AttemptOutcome
}

/// What an attempt to reach the person came to.
public enum AttemptOutcome: String, Vocabulary {
    case noAnswer = "no-answer"
    case leftMessage = "left-message"
    case spoke
    case wrongNumber = "wrong-number"
}

/// The end of an episode.
public struct EpisodeDischarge: Codable, Hashable, Sendable {
    /// The day.
    public var on: CalendarDate
    /// Why.
    public var reason: DischargeReason
    /// More, in words.
    public var note: String?

    /// A discharge on `day` for `reason`.
    public init(on day: CalendarDate, reason: DischargeReason, note: String? = nil) {
        self.on = day
        self.reason = reason
        self.note = note
    }
}

/// Why an episode ended.
public enum DischargeReason: String, Vocabulary {
    case goalsMet = "goals-met"
    case declinedFurtherSupport = "declined-further-support"
    case lostContact = "lost-contact"
    case movedAway = "moved-away"
    case referredOn = "referred-on"
    case died, other
}

/// A closed episode opened again.
public struct EpisodeReopening: Codable, Hashable, Sendable {
    /// The day.
    public var on: CalendarDate
    /// Why.
    public var note: String
    /// How it had closed: `discharged` or `declined`, with the day.
    public var closed: String
}

/// A code recorded for the GP record at a moment of the episode.
public struct RecordedCode: Codable, Hashable, Sendable {
    /// The code (SNOMED CT, or the PCN's own).
    public var code: String
    /// What it means.
    public var display: String
    /// The day it was recorded.
    public var on: CalendarDate

    /// SNOMED CT "Referral to social prescribing service", at the first contact of an accepted episode.
    public static func socialPrescribingReferral(on day: CalendarDate) -> Self {
        RecordedCode(code: "871731000000106", display: "Referral to social prescribing service", on: day)
    }

    /// SNOMED CT "Social prescribing declined", when the person declines.
    public static func socialPrescribingDeclined(on day: CalendarDate) -> Self {
        RecordedCode(code: "871711000000103", display: "Social prescribing declined", on: day)
    }
}

extension ReferralEpisode: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        service = try object.read(CodingKeys.service)
        receivedOn = try object.read(CodingKeys.receivedOn)
        source = try object.read(CodingKeys.source)
        referrerName = try object.readIfPresent(CodingKeys.referrerName)
        referrerOrganisation = try object.readIfPresent(CodingKeys.referrerOrganisation)
        reason = try object.read(CodingKeys.reason)
        reasonDomain = try object.readIfPresent(CodingKeys.reasonDomain)
        urgency = try object.read(CodingKeys.urgency)
        responseDueOn = try object.read(CodingKeys.responseDueOn)
        answer = try object.readIfPresent(CodingKeys.answer)
        firstContactOn = try object.readIfPresent(CodingKeys.firstContactOn)
        contacts = try object.read(CodingKeys.contacts)
        attempts = try object.read(CodingKeys.attempts)
        discharge = try object.readIfPresent(CodingKeys.discharge)
        reopenings = try object.read(CodingKeys.reopenings)
        codes = try object.read(CodingKeys.codes)
        requestReference = try object.readIfPresent(CodingKeys.requestReference)
        fromReferral = try object.readIfPresent(CodingKeys.fromReferral)
    }
}

extension EpisodeAnswer: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        decision = try object.read(CodingKeys.decision)
        on = try object.read(CodingKeys.on)
        reason = try object.readIfPresent(CodingKeys.reason)
    }
}

extension EpisodeContact: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        on = try object.read(CodingKeys.on)
        mode = try object.read(CodingKeys.mode)
        durationMinutes = try object.readIfPresent(CodingKeys.durationMinutes)
        attended = try object.read(CodingKeys.attended)
    }
}

extension ContactAttempt: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        at = try object.read(CodingKeys.at)
        outcome = try object.read(CodingKeys.outcome)
    }
}

extension EpisodeDischarge: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        on = try object.read(CodingKeys.on)
        reason = try object.read(CodingKeys.reason)
        note = try object.readIfPresent(CodingKeys.note)
    }
}

extension EpisodeReopening: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        on = try object.read(CodingKeys.on)
        note = try object.read(CodingKeys.note)
        closed = try object.read(CodingKeys.closed)
    }
}

extension RecordedCode: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        code = try object.read(CodingKeys.code)
        display = try object.read(CodingKeys.display)
        on = try object.read(CodingKeys.on)
    }
}

extension ReferralEpisode: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 19)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.service, service)
        object.write(CodingKeys.receivedOn, receivedOn)
        object.write(CodingKeys.source, source)
        object.writeIfPresent(CodingKeys.referrerName, referrerName)
        object.writeIfPresent(CodingKeys.referrerOrganisation, referrerOrganisation)
        object.write(CodingKeys.reason, reason)
        object.writeIfPresent(CodingKeys.reasonDomain, reasonDomain)
        object.write(CodingKeys.urgency, urgency)
        object.write(CodingKeys.responseDueOn, responseDueOn)
        object.writeIfPresent(CodingKeys.answer, answer)
        object.writeIfPresent(CodingKeys.firstContactOn, firstContactOn)
        object.write(CodingKeys.contacts, contacts)
        object.write(CodingKeys.attempts, attempts)
        object.writeIfPresent(CodingKeys.discharge, discharge)
        object.write(CodingKeys.reopenings, reopenings)
        object.write(CodingKeys.codes, codes)
        object.writeIfPresent(CodingKeys.requestReference, requestReference)
        object.writeIfPresent(CodingKeys.fromReferral, fromReferral)
        return object.tree
    }
}

extension EpisodeAnswer: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.decision, decision)
        object.write(CodingKeys.on, on)
        object.writeIfPresent(CodingKeys.reason, reason)
        return object.tree
    }
}

extension EpisodeContact: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 4)
        object.write(CodingKeys.on, on)
        object.write(CodingKeys.mode, mode)
        object.writeIfPresent(CodingKeys.durationMinutes, durationMinutes)
        object.write(CodingKeys.attended, attended)
        return object.tree
    }
}

extension ContactAttempt: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 2)
        object.write(CodingKeys.at, at)
        object.write(CodingKeys.outcome, outcome)
        return object.tree
    }
}

extension EpisodeDischarge: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.on, on)
        object.write(CodingKeys.reason, reason)
        object.writeIfPresent(CodingKeys.note, note)
        return object.tree
    }
}

extension EpisodeReopening: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.on, on)
        object.write(CodingKeys.note, note)
        object.write(CodingKeys.closed, closed)
        return object.tree
    }
}

extension RecordedCode: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.code, code)
        object.write(CodingKeys.display, display)
        object.write(CodingKeys.on, on)
        return object.tree
    }
}
