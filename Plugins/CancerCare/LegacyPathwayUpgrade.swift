import CarePlanCore

/// Moves a cancer pathway saved by careplan 0.1, where care coordination held it
/// (`extensions["care-coordination"].cancerPathway`: four dates), into this module as a
/// suspected cancer referral. Its route and site were never recorded, and 0.1's "diagnosed"
/// date meant "diagnosed or ruled out": the outcome is `diagnosed` when a decision to treat
/// or a treatment follows it, else `not-recorded`, for staff to settle. A pathway that cannot
/// be read is left where it is, and the module's rule names the problem.
struct LegacyPathwayUpgrade: PlanUpgrade {
    static let legacyModule = "care-coordination"
    static let legacyKey = "cancerPathway"

    let marker = "\"\(LegacyPathwayUpgrade.legacyKey)\""

    func upgrade(_ plan: inout Plan) -> Bool {
        guard case .object(var coordination)? = plan.extensions[Self.legacyModule], let legacy = coordination[Self.legacyKey],
            let referral = Self.referral(from: legacy),
            var section = try? SectionCodec.read(CancerCareSection.self, from: plan)
        else { return false }
        var moved = referral
        moved.id = section.issueID("U")
        section.referrals.append(moved)
        coordination.removeValue(forKey: Self.legacyKey)
        plan.extensions[Self.legacyModule] = .object(coordination)
        do {
            try SectionCodec.write(section, into: &plan)
        } catch {
            return false
        }
        return true
    }

    /// The referral a 0.1 pathway describes (its id still to be issued), or nil when the
    /// dates cannot be read.
    static func referral(from legacy: JSONValue) -> SuspectedCancerReferral? {
        func date(_ key: String) -> CalendarDate?? {
            guard let value = legacy[key] else { return .some(nil) }
            guard let text = value.stringValue, let date = CalendarDate(text) else { return nil }
            return .some(date)
        }
        guard case .object = legacy, let referredOn = date("referredOn") ?? nil, let diagnosed = date("diagnosedOn"),
            let decision = date("decisionToTreatOn"), let treatment = date("treatmentStartedOn")
        else { return nil }
        var referral = SuspectedCancerReferral(id: "", route: nil, site: nil, referredOn: referredOn)
        if let diagnosed {
            referral.outcome = CancerOutcome(result: decision != nil || treatment != nil ? .diagnosed : .notRecorded, communicatedOn: diagnosed)
        }
        referral.decisionToTreatOn = decision
        referral.firstTreatmentOn = treatment
        return referral
    }
}
