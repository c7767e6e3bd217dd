package import CarePlanCore

/// Where a suspected cancer referral stands against the waiting-time standards in force in
/// England since 1 October 2023, judged on dates alone: the 28-day Faster Diagnosis Standard
/// (referral to the outcome being told), 31 days from the decision to treat to first treatment,
/// and 62 days from referral to first treatment. The 31- and 62-day standards apply only once
/// cancer is diagnosed. Days are counted from the referral day (day 0), so an outcome told on
/// day 28 meets the standard and one on day 29 does not.
package struct CancerStandards: Equatable, Sendable {
    /// One standard.
    package struct Standard: Equatable, Sendable {
        /// Which.
        package var kind: Kind
        /// Days from its start to its end, or to today while it runs; nil before it starts.
        package var days: Int?
        /// The last day that meets it, once started.
        package var limitOn: CalendarDate?
        /// Where it stands.
        package var state: State

        /// The limit in days.
        package var limit: Int { kind.limit }
    }

    /// The three standards.
    package enum Kind: String, CaseIterable, Sendable {
        case fasterDiagnosis = "28-day Faster Diagnosis"
        case decisionToTreatment = "31-day decision to treatment"
        case referralToTreatment = "62-day referral to treatment"

        /// The limit in days.
        package var limit: Int {
            switch self {
            case .fasterDiagnosis: 28
            case .decisionToTreatment: 31
            case .referralToTreatment: 62
            }
        }
    }

    /// A standard's state.
    package enum State: String, Sendable {
        /// Cancer was ruled out, or is not diagnosed yet (31 and 62 days).
        case notApplicable = "does not apply"
        /// Applies, but its start has not happened (31 days before the decision to treat).
        case notStarted = "not started"
        case onTrack = "on track"
        /// Running, and within the at-risk margin of its limit.
        case atRisk = "at risk"
        case breached
        case met
    }

    /// How many days before a limit a running standard counts as at risk, unless the
    /// deployment sets another (`CAREPLAN_CANCER_AT_RISK_DAYS`).
    package static let defaultAtRiskDays = 5

    /// The Faster Diagnosis, 31-day and 62-day standards, in that order.
    package var standards: [Standard]

    /// `referral` as of `today`, at risk within `atRiskDays` of a limit.
    package init(_ referral: SuspectedCancerReferral, today: CalendarDate, atRiskDays: Int = defaultAtRiskDays) {
        let diagnosed = referral.outcome.map { $0.result != .ruledOut } ?? false
        let ruledOut = referral.outcome?.result == .ruledOut
        func judge(_ kind: Kind, from start: CalendarDate?, to end: CalendarDate?, applies: Bool) -> Standard {
            // Before an outcome the 62-day count is shown, as it will apply if cancer is found.
            guard let start, applies || !ruledOut else {
                return Standard(kind: kind, days: nil, limitOn: nil, state: applies ? .notStarted : .notApplicable)
            }
            let limitOn = start.adding(days: kind.limit)
            let days = start.days(until: end ?? today)
            guard applies else { return Standard(kind: kind, days: days, limitOn: limitOn, state: .notApplicable) }
            let state: State
            if end != nil {
                state = days <= kind.limit ? .met : .breached
            } else {
                state = days > kind.limit ? .breached : days >= kind.limit - atRiskDays ? .atRisk : .onTrack
            }
            return Standard(kind: kind, days: days, limitOn: limitOn, state: state)
        }
        standards = [
            judge(.fasterDiagnosis, from: referral.referredOn, to: referral.outcome?.communicatedOn, applies: true),
            judge(.decisionToTreatment, from: referral.decisionToTreatOn, to: referral.firstTreatmentOn, applies: diagnosed),
            judge(.referralToTreatment, from: referral.referredOn, to: referral.firstTreatmentOn, applies: diagnosed),
        ]
    }

    /// The standard of `kind`.
    package subscript(_ kind: Kind) -> Standard {
        standards.first { $0.kind == kind } ?? Standard(kind: kind, days: nil, limitOn: nil, state: .notApplicable)
    }
}

/// What primary care owes a person after a cancer diagnosis, with when each falls due.
package enum AfterDiagnosis: String, CaseIterable, Sendable {
    /// QOF CAN005: a discussion of the support available, within 93 days of diagnosis.
    case supportConversation = "support conversation"
    /// A contact about three months after diagnosis.
    case threeMonthContact = "three-month contact"
    /// QOF CAN004: a cancer care review within 12 months of diagnosis.
    case careReview = "cancer care review"

    /// The day it is due, counted from the day the diagnosis was told.
    package func due(after diagnosis: CalendarDate) -> CalendarDate? {
        switch self {
        case .supportConversation: diagnosis.adding(days: 93)
        case .threeMonthContact: diagnosis.addingMonths(3)
        case .careReview: diagnosis.addingMonths(12)
        }
    }

    /// The day it was done, if it was.
    package func doneOn(_ referral: SuspectedCancerReferral) -> CalendarDate? {
        switch self {
        case .supportConversation: referral.supportConversationOn
        case .threeMonthContact: referral.threeMonthContactOn
        case .careReview: referral.careReviewOn
        }
    }
}

extension CalendarDate {
    /// The same day `months` later, or the month's last day when it is shorter (31 January
    /// plus one month is 28 or 29 February).
    package func addingMonths(_ months: Int) -> CalendarDate? {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        var candidate = day
        while candidate > 28, CalendarDate(year: newYear, month: newMonth, day: candidate) == nil { candidate -= 1 }
        return CalendarDate(year: newYear, month: newMonth, day: candidate)
    }
}
