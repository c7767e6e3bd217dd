package import CarePlanCore

/// A signpost or referral from the plan to a community service.
package struct SocialPrescriptionLink: Codable, Equatable, Sendable {
    /// `L1`, `L2`...
    package var id: String
    /// The service: from the directory, or named freely.
    package var service: ServiceReference
    /// Signposted (told about it) or referred (passed on).
    package var kind: LinkKind
    /// The wider determinant or need it addresses.
    package var determinant: Determinant
    /// Plan needs it addresses (N1...).
    package var needIds: [String]
    /// Where it stands; always the last `history` status.
    package var status: LinkStatus
    /// Every step with its date, oldest first.
    package var history: [LinkStatusChange]
    /// When to check how it went.
    package var followUpOn: CalendarDate?
    /// How it went, in words.
    package var outcome: String?
    /// SNOMED CT codes that apply (referral made, referral declined).
    package var codes: [ClinicalCode]

    /// A new link in `status` on `date`.
    package init(
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
package struct ServiceReference: Codable, Equatable, Sendable {
    /// The service's id in the directory, if it came from there.
    package var directoryId: String?
    /// The service's name.
    package var name: String

    /// A reference.
    package init(directoryId: String?, name: String) {
        self.directoryId = directoryId
        self.name = name
    }
}

/// One step in a link's life.
package struct LinkStatusChange: Codable, Equatable, Sendable {
    /// The status.
    package var status: LinkStatus
    /// The day.
    package var on: CalendarDate
}

/// A coded concept (SNOMED CT).
package struct ClinicalCode: Codable, Equatable, Sendable {
    /// The code system URI.
    package var system: String
    /// The code.
    package var code: String
    /// Its term.
    package var display: String

    /// SNOMED CT 871731000000106 Referral to social prescribing service.
    package static let socialPrescribingReferral = ClinicalCode(
        system: "http://snomed.info/sct", code: "871731000000106", display: "Referral to social prescribing service")
    /// SNOMED CT 871711000000103 Social prescribing declined.
    package static let socialPrescribingDeclined = ClinicalCode(
        system: "http://snomed.info/sct", code: "871711000000103", display: "Social prescribing declined")
}

/// Signpost or referral.
package enum LinkKind: String, Vocabulary {
    case signpost, referral
}

/// The wider determinants of health a link can address.
package enum Determinant: String, Vocabulary {
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
package enum LinkStatus: String, Vocabulary {
    case suggested, referred, accepted, declined, attended
    case didNotAttend = "did-not-attend"
    case completed

    /// Where a link may go next; a closed link can be suggested again.
    package var allowedNext: [LinkStatus] {
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
