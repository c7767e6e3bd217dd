package import CarePlanCore

/// The cancer care part of a plan (`extensions["cancer-care"]`): suspected cancer referrals
/// and their pathway, the tests and appointments on them, and holistic needs assessments.
package struct CancerCareSection: PluginSection, SectionIDIssuer {
    package static let moduleID = "cancer-care"

    /// Suspected cancer referrals, `U1`, `U2`...
    package var referrals: [SuspectedCancerReferral]
    /// Tests and appointments on a referral's pathway, `P1`, `P2`...
    package var appointments: [PathwayAppointment]
    /// Holistic needs assessments, `H1`, `H2`...
    package var assessments: [NeedsAssessment]
    /// The last number issued per id prefix; never reused.
    package var lastIssuedIds: [String: Int]

    package init() {
        referrals = []
        appointments = []
        assessments = []
        lastIssuedIds = [:]
    }
}

/// A referral for suspected cancer and what followed it: the outcome, treatment, and the
/// support primary care gives after a diagnosis.
package struct SuspectedCancerReferral: Codable, Equatable, Sendable {
    /// `U1`...
    package var id: String
    /// How the person was referred; nil for a pathway recorded before routes were (0.1).
    package var route: CancerReferralRoute?
    /// The suspected tumour site group; nil when not recorded (0.1 pathways).
    package var site: TumourSiteGroup?
    /// The day the referral was made (the clock start).
    package var referredOn: CalendarDate
    /// The referring clinician.
    package var referrer: String?
    /// Cancer diagnosed or ruled out, and the day the person was told.
    package var outcome: CancerOutcome?
    /// Decision to treat.
    package var decisionToTreatOn: CalendarDate?
    /// First treatment.
    package var firstTreatmentOn: CalendarDate?
    /// The conversation about the support available (QOF CAN005: within 93 days of diagnosis).
    package var supportConversationOn: CalendarDate?
    /// The contact made about three months after diagnosis.
    package var threeMonthContactOn: CalendarDate?
    /// The cancer care review (QOF CAN004: within 12 months of diagnosis).
    package var careReviewOn: CalendarDate?

    /// A referral made on `referredOn`.
    package init(
        id: String, route: CancerReferralRoute?, site: TumourSiteGroup?, referredOn: CalendarDate, referrer: String? = nil
    ) {
        self.id = id
        self.route = route
        self.site = site
        self.referredOn = referredOn
        self.referrer = referrer
    }

    /// The day cancer was diagnosed and the person told, when it was.
    package var diagnosedOn: CalendarDate? {
        guard let outcome, outcome.result != .ruledOut else { return nil }
        return outcome.communicatedOn
    }

    /// True while the outcome is not known: the referral must be safety-netted.
    package var awaitsOutcome: Bool { outcome == nil }
}

/// The outcome of a suspected cancer referral, as told to the person: it stops the Faster
/// Diagnosis clock.
package struct CancerOutcome: Codable, Equatable, Sendable {
    /// Diagnosed or ruled out.
    package var result: CancerOutcomeResult
    /// The day the person was told.
    package var communicatedOn: CalendarDate

    /// An outcome told on `communicatedOn`.
    package init(result: CancerOutcomeResult, communicatedOn: CalendarDate) {
        self.result = result
        self.communicatedOn = communicatedOn
    }
}

/// What a suspected cancer referral found.
package enum CancerOutcomeResult: String, Vocabulary {
    case diagnosed
    case ruledOut = "ruled-out"
    /// Told the outcome, but careplan 0.1 did not record which (a migrated pathway). The
    /// 31- and 62-day standards are shown for it: it errs towards tracking.
    case notRecorded = "not-recorded"
}

/// How a person was referred for suspected cancer (each starts the Faster Diagnosis clock).
package enum CancerReferralRoute: String, Vocabulary {
    case urgentSuspectedCancer = "urgent-suspected-cancer"
    case screening
    case breastSymptomatic = "breast-symptomatic"
    case nonSpecificSymptoms = "non-specific-symptoms"
}

/// The suspected tumour site groups of urgent suspected cancer referrals.
package enum TumourSiteGroup: String, Vocabulary {
    case brain, breast, children
    case gynaecological, haematological
    case headAndNeck = "head-and-neck"
    case lowerGastrointestinal = "lower-gastrointestinal"
    case lung, sarcoma, skin, testicular
    case upperGastrointestinal = "upper-gastrointestinal"
    case urological
    case other

    /// The site in words for the person ("the bowel" is a clinician's choice, not ours).
    package var plainName: String {
        switch self {
        case .lowerGastrointestinal: "lower digestive system"
        case .upperGastrointestinal: "upper digestive system"
        case .headAndNeck: "head and neck"
        case .children: "child's"
        default: label
        }
    }
}

/// A test or appointment on a referral's pathway, with every booking kept.
package struct PathwayAppointment: Codable, Equatable, Sendable {
    /// `P1`...
    package var id: String
    /// The referral it belongs to (`U1`).
    package var referralId: String
    /// What it is ("CT chest").
    package var what: String
    /// Where.
    package var place: String?
    /// Every booking, oldest first; a rebooking adds one and never changes a missed one.
    package var bookings: [AppointmentBooking]
    /// The day the results were communicated to the person.
    package var resultsCommunicatedOn: CalendarDate?

    /// The booking now in force.
    package var current: AppointmentBooking? { bookings.last }

    /// True while the last booking was missed and nothing new is booked.
    package var isMissed: Bool { current?.attendance == .didNotAttend }
}

/// One booking of a test or appointment.
package struct AppointmentBooking: Codable, Equatable, Sendable {
    /// The appointment day.
    package var on: CalendarDate
    /// The day it was booked (recorded).
    package var bookedOn: CalendarDate
    /// Attended or not, once known.
    package var attendance: Attendance?

    /// A booking for `on`, made on `bookedOn`.
    package init(on: CalendarDate, bookedOn: CalendarDate) {
        self.on = on
        self.bookedOn = bookedOn
    }
}

/// Whether the person went to an appointment.
package enum Attendance: String, Vocabulary {
    case attended
    case didNotAttend = "did-not-attend"
}

/// A holistic needs assessment: concerns the person scores 0-10 by domain, then a care plan
/// entry (a plan action) for each concern they choose to work on.
package struct NeedsAssessment: Codable, Equatable, Sendable {
    /// `H1`...
    package var id: String
    /// The referral it follows, if any.
    package var referralId: String?
    /// The day it was done.
    package var heldOn: CalendarDate
    /// The concerns, in the order raised.
    package var concerns: [NeedsConcern]
}

/// One concern in a holistic needs assessment.
package struct NeedsConcern: Codable, Equatable, Sendable {
    /// The domain.
    package var domain: ConcernDomain
    /// The concern in the person's words.
    package var concern: String
    /// How much it worries them, 0 (not at all) to 10.
    package var score: Int
    /// The plan action agreed for it (`A3`), once chosen.
    package var actionId: String?
}

/// The domains of a holistic needs assessment concerns checklist.
package enum ConcernDomain: String, Vocabulary {
    case physical, emotional, practical
    case family
    case spiritual, lifestyle, information
}
