public import CarePlanCore

/// A signpost or referral from the plan to a community service.
public struct SocialPrescriptionLink: Codable, Equatable, Sendable {
    /// `L1`, `L2`...
    public var id: String
    /// The service: from the directory, or named freely.
    public var service: ServiceReference
    /// Signposted (told about it) or referred (passed on).
    public var kind: LinkKind
    /// The wider determinant or need it addresses.
    public var determinant: Determinant
    /// Plan needs it addresses (N1...).
    public var needIds: [String]
    /// Where it stands; always the last `history` status.
    public var status: LinkStatus
    /// Every step with its date, oldest first.
    public var history: [LinkStatusChange]
    /// When to check how it went.
    public var followUpOn: CalendarDate?
    /// How it went, in words.
    public var outcome: String?
    /// SNOMED CT codes that apply (referral made, referral declined).
    public var codes: [ClinicalCode]

    /// A new link in `status` on `date`.
    public init(
        id: String, service: ServiceReference, kind: LinkKind, determinant: Determinant, needIds: [String],
        status: LinkStatus, on date: CalendarDate, followUpOn: CalendarDate?
    ) {
        self.id = id
        self.service = service
        self.kind = kind
        self.determinant = determinant
        self.needIds = needIds
        self.status = status
        self.history = [LinkStatusChange(status: status, on: date)]
        self.followUpOn = followUpOn
        self.outcome = nil
        self.codes = []
        recode()
    }

    /// Sets `codes` from the kind and history: a referral records SNOMED CT 871731000000106;
    /// a declined one also 871711000000103.
    mutating func recode() {
        var codes: [ClinicalCode] = []
        if kind == .referral, history.contains(where: { $0.status != .suggested }) {
            codes.append(.socialPrescribingReferral)
        }
        if history.contains(where: { $0.status == .declined }) {
            codes.append(.socialPrescribingDeclined)
        }
        self.codes = codes
    }
}

/// A service, by its directory id where it has one.
public struct ServiceReference: Codable, Equatable, Sendable {
    /// The service's id in the directory, if it came from there.
    public var directoryId: String?
    /// The service's name.
    public var name: String

    /// A reference.
    public init(directoryId: String?, name: String) {
        self.directoryId = directoryId
        self.name = name
    }
}

/// One step in a link's life.
public struct LinkStatusChange: Codable, Equatable, Sendable {
    /// The status.
    public var status: LinkStatus
    /// The day.
    public var on: CalendarDate
}

/// A coded concept (SNOMED CT).
public struct ClinicalCode: Codable, Equatable, Sendable {
    /// The code system URI.
    public var system: String
    /// The code.
    public var code: String
    /// Its term.
    public var display: String

    /// SNOMED CT 871731000000106 Referral to social prescribing service.
    public static let socialPrescribingReferral = ClinicalCode(
        system: "http://snomed.info/sct", code: "871731000000106", display: "Referral to social prescribing service")
    /// SNOMED CT 871711000000103 Social prescribing declined.
    public static let socialPrescribingDeclined = ClinicalCode(
        system: "http://snomed.info/sct", code: "871711000000103", display: "Social prescribing declined")
}

/// Signpost or referral.
public enum LinkKind: String, Vocabulary {
    case signpost, referral
}

/// The wider determinants of health a link can address.
public enum Determinant: String, Vocabulary {
    case housing
    case moneyAndDebt = "money-and-debt"
    case lonelinessAndIsolation = "loneliness-and-isolation"
    case employment
    case physicalActivity = "physical-activity"
    case mentalWellbeing = "mental-wellbeing"
    case carers, transport, language
    case foodAndNutrition = "food-and-nutrition"
    case learningAndSkills = "learning-and-skills"
    case other
}

/// Where a social-prescription link stands.
public enum LinkStatus: String, Vocabulary {
    case suggested, referred, accepted, declined, attended
    case didNotAttend = "did-not-attend"
    case completed

    /// Where a link may go next; a closed link can be suggested again.
    public var allowedNext: [LinkStatus] {
        switch self {
        case .suggested: [.referred, .accepted, .declined, .attended]
        case .referred: [.accepted, .declined, .didNotAttend, .attended]
        case .accepted: [.attended, .didNotAttend, .declined, .completed]
        case .attended: [.attended, .didNotAttend, .completed]
        case .didNotAttend: [.attended, .referred, .declined, .completed]
        case .declined, .completed: [.suggested, .referred]
        }
    }
}
