import CarePlanCore

/// What cancer care adds to the period report: suspected cancer referrals made, by route, and
/// how many met each waiting-time standard, counted in the period its clock stopped (the
/// outcome told for 28 days, the first treatment for 31 and 62).
struct CancerCareReport: ReportContribution {
    func counts(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [(section: String, item: String)] {
        guard let section = try? SectionCodec.read(CancerCareSection.self, from: plan) else { return [] }
        func within(_ day: CalendarDate?) -> Bool { day.map { $0 >= from && $0 <= to } ?? false }
        var counts: [(section: String, item: String)] = []
        for referral in section.referrals {
            if within(referral.referredOn) { counts.append(("cancer referrals made", referral.route?.rawValue ?? "route not recorded")) }
            // Judged as of the day each clock stopped: met or breached, never "at risk".
            if let told = referral.outcome?.communicatedOn, within(told) {
                counts.append(("cancer 28-day Faster Diagnosis", CancerStandards(referral, today: told)[.fasterDiagnosis].state.rawValue))
            }
            if let treated = referral.firstTreatmentOn, within(treated) {
                let standards = CancerStandards(referral, today: treated)
                for kind in [CancerStandards.Kind.decisionToTreatment, .referralToTreatment] where [.met, .breached].contains(standards[kind].state) {
                    counts.append(("cancer \(kind.rawValue)", standards[kind].state.rawValue))
                }
            }
        }
        return counts
    }
}
