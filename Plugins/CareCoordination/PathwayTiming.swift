package import CarePlanCore

/// Days elapsed against the cancer waiting-time standards, judged on dates alone.
package struct PathwayTiming: Equatable, Sendable {
    /// One standard's state.
    package struct Standard: Equatable, Sendable {
        /// "28-day Faster Diagnosis", "31-day", "62-day".
        package var name: String
        /// The limit in days.
        package var limit: Int
        /// Days from the start to the end event, or to today while it has not happened.
        package var days: Int?
        /// Where it stands.
        package var state: State
    }

    /// A standard's state: not started yet, on track, at risk (within a week of the limit),
    /// breached, or met.
    package enum State: String, Sendable {
        case notStarted = "not started"
        case onTrack = "on track"
        case atRisk = "at risk"
        case breached
        case met
    }

    /// The three standards, in pathway order.
    package var standards: [Standard]
    /// The patient tracking list bucket of days waited from referral: 0-28, 29-62, 63-104, 104+.
    package var bucket: String?

    /// How long before a limit a still-open standard counts as at risk.
    package static let atRiskWindow = 7

    /// Timing of `pathway` as of `today`.
    package init(_ pathway: CancerPathway, today: CalendarDate) {
        standards = [
            Self.judge("28-day Faster Diagnosis", limit: 28, from: pathway.referredOn, to: pathway.diagnosedOn, today: today),
            Self.judge("31-day decision to treatment", limit: 31, from: pathway.decisionToTreatOn, to: pathway.treatmentStartedOn, today: today),
            Self.judge("62-day referral to treatment", limit: 62, from: pathway.referredOn, to: pathway.treatmentStartedOn, today: today),
        ]
        if pathway.treatmentStartedOn == nil {
            let waited = pathway.referredOn.days(until: today)
            bucket =
                switch waited {
                case ..<29: "0-28 days"
                case 29...62: "29-62 days"
                case 63...104: "63-104 days"
                default: "104+ days"
                }
        }
    }

    static func judge(_ name: String, limit: Int, from start: CalendarDate?, to end: CalendarDate?, today: CalendarDate) -> Standard {
        guard let start else { return Standard(name: name, limit: limit, days: nil, state: .notStarted) }
        if let end {
            let days = start.days(until: end)
            return Standard(name: name, limit: limit, days: days, state: days <= limit ? .met : .breached)
        }
        let days = start.days(until: today)
        let state: State = days > limit ? .breached : days >= limit - atRiskWindow ? .atRisk : .onTrack
        return Standard(name: name, limit: limit, days: days, state: state)
    }
}
