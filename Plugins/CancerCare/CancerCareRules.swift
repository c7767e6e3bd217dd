import CarePlanCore

/// Checks referrals, appointments and assessments: ids, links and the order of dates.
struct CancerCareRules: PlanRule {
    func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if plan.extensions[LegacyPathwayUpgrade.legacyModule]?[LegacyPathwayUpgrade.legacyKey] != nil {
            issues.append(
                .init(
                    .error, at: FieldPath("extensions").appending(LegacyPathwayUpgrade.legacyModule).appending(LegacyPathwayUpgrade.legacyKey),
                    "cannot be moved to cancer care: it needs referredOn, and its dates must be like 2026-12-31"))
        }
        guard let section = try? SectionCodec.read(CancerCareSection.self, from: plan) else { return issues }
        let base = FieldPath("extensions").appending(CancerCareSection.moduleID)
        var seen: Set<String> = []
        for (index, referral) in section.referrals.enumerated() {
            let path = base.appending("referrals").appending(index)
            if !seen.insert(referral.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(referral.id) is used twice")) }
            var previous = referral.referredOn
            let steps: [(String, CalendarDate?)] = [
                ("outcome", referral.outcome?.communicatedOn), ("decisionToTreatOn", referral.decisionToTreatOn),
                ("firstTreatmentOn", referral.firstTreatmentOn),
            ]
            for (name, date) in steps {
                guard let date else { continue }
                if date < previous { issues.append(.init(.error, at: path.appending(name), "is before an earlier step of the pathway")) }
                previous = date
            }
            if referral.outcome?.result == .ruledOut, referral.decisionToTreatOn != nil || referral.firstTreatmentOn != nil {
                issues.append(.init(.error, at: path.appending("outcome"), "cancer is ruled out, but a treatment is recorded"))
            }
            if let diagnosed = referral.diagnosedOn {
                for step in AfterDiagnosis.allCases {
                    if let done = step.doneOn(referral), done < diagnosed {
                        issues.append(.init(.error, at: path, "the \(step.rawValue) is before the diagnosis was told"))
                    }
                }
            }
        }
        let referrals = Set(section.referrals.map(\.id))
        for (index, appointment) in section.appointments.enumerated() {
            let path = base.appending("appointments").appending(index)
            if !seen.insert(appointment.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(appointment.id) is used twice")) }
            if !referrals.contains(appointment.referralId) {
                issues.append(.init(.error, at: path.appending("referralId"), "belongs to referral \(appointment.referralId), which is not in the plan"))
            }
            if appointment.bookings.isEmpty { issues.append(.init(.error, at: path.appending("bookings"), "needs at least one booking")) }
            if appointment.what.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(.init(.error, at: path.appending("what"), "must not be empty")) }
        }
        let actions = Set(plan.actions.map(\.id.description))
        for (index, assessment) in section.assessments.enumerated() {
            let path = base.appending("assessments").appending(index)
            if !seen.insert(assessment.id).inserted { issues.append(.init(.error, at: path.appending("id"), "id \(assessment.id) is used twice")) }
            if let referral = assessment.referralId, !referrals.contains(referral) {
                issues.append(.init(.error, at: path.appending("referralId"), "follows referral \(referral), which is not in the plan"))
            }
            for (number, concern) in assessment.concerns.enumerated() {
                let concernPath = path.appending("concerns").appending(number)
                if !(0...10).contains(concern.score) { issues.append(.init(.error, at: concernPath.appending("score"), "must be 0 to 10")) }
                if let action = concern.actionId, !actions.contains(action) {
                    issues.append(.init(.error, at: concernPath.appending("actionId"), "links to action \(action), which is not in the plan"))
                }
            }
        }
        return issues
    }
}
