import CarePlanCore

extension DueItemKind {
    /// A test or appointment missed and not yet rebooked, on the day it was missed.
    static let cancerMissedAppointment: Self = "cancer-missed-appointment"
    /// A suspected cancer referral with no outcome yet, on its Faster Diagnosis limit.
    static let cancerAwaitingOutcome: Self = "cancer-awaiting-outcome"
    /// The 31-day standard running, on its limit.
    static let cancer31Day: Self = "cancer-decision-to-treatment"
    /// The 62-day standard running, on its limit.
    static let cancer62Day: Self = "cancer-referral-to-treatment"
    /// A booked test or appointment, on its day.
    static let cancerAppointment: Self = "cancer-appointment"
    /// The support conversation after a diagnosis, on the day it is due (93 days).
    static let cancerSupportConversation: Self = "cancer-support-conversation"
    /// The contact about three months after a diagnosis.
    static let cancerThreeMonthContact: Self = "cancer-three-month-contact"
    /// The cancer care review, 12 months after a diagnosis.
    static let cancerCareReview: Self = "cancer-care-review"
}

/// What cancer care puts on the worklist: safety-netting first (missed appointments, then every
/// referral still waiting for an outcome, oldest first, so breaches lead), treatment limits
/// from the day they are at risk, booked tests on their day, and the support owed after a
/// diagnosis when it falls due. Every item belongs to the plan's key worker.
struct CancerCareDueItems: DueItemProvider {
    /// Where each kind goes, in worklist order.
    static func placements(atRiskDays: Int) -> KeyValuePairs<DueItemKind, WorklistPlacement> {
        [
            .cancerMissedAppointment: .group("Missed cancer tests and appointments", .any),
            .cancerAwaitingOutcome: .group("Suspected cancer awaiting an outcome", .any),
            .cancer31Day: .group("Cancer treatment limits at risk or passed", .within(days: atRiskDays)),
            .cancer62Day: .group("Cancer treatment limits at risk or passed", .within(days: atRiskDays)),
            .cancerAppointment: .work, .cancerSupportConversation: .work, .cancerThreeMonthContact: .work, .cancerCareReview: .work,
        ]
    }

    func dueItems(in plan: Plan) -> [DueItem] {
        guard let section = try? SectionCodec.read(CancerCareSection.self, from: plan) else { return [] }
        let source = CancerCareSection.moduleID
        // The key worker's, so safety-netting shows under their `worklist --mine`.
        let owner = plan.responsibleWorker
        var items: [DueItem] = []
        func item(_ entry: String, _ kind: DueItemKind, _ title: String, _ due: CalendarDate?) {
            guard let due else { return }
            items.append(DueItem(source: source, entryID: entry, kind: kind, title: title, owner: owner, dueOn: due))
        }
        for appointment in section.appointments {
            guard let booking = appointment.current else { continue }
            if booking.attendance == .didNotAttend {
                item(appointment.id, .cancerMissedAppointment, "\(appointment.what) missed, not rebooked", booking.on)
            } else if booking.attendance == nil {
                item(appointment.id, .cancerAppointment, "\(appointment.what) (\(appointment.referralId))", booking.on)
            }
        }
        for referral in section.referrals {
            let name = referral.site?.label ?? "pathway"
            if referral.awaitsOutcome {
                let missed = section.appointments.contains { $0.referralId == referral.id && $0.isMissed }
                item(
                    referral.id, .cancerAwaitingOutcome, "\(name): outcome due" + (missed ? " (missed test)" : ""),
                    referral.referredOn.adding(days: CancerStandards.Kind.fasterDiagnosis.limit))
                continue
            }
            guard let diagnosed = referral.diagnosedOn else { continue }
            if referral.firstTreatmentOn == nil {
                if let decision = referral.decisionToTreatOn {
                    item(referral.id, .cancer31Day, "\(name): 31-day treatment limit", decision.adding(days: 31))
                }
                item(referral.id, .cancer62Day, "\(name): 62-day treatment limit", referral.referredOn.adding(days: 62))
            }
            let kinds: [(AfterDiagnosis, DueItemKind)] = [
                (.supportConversation, .cancerSupportConversation), (.threeMonthContact, .cancerThreeMonthContact),
                (.careReview, .cancerCareReview),
            ]
            for (step, kind) in kinds where step.doneOn(referral) == nil {
                item(referral.id, kind, "\(name): \(step.rawValue)", step.due(after: diagnosed))
            }
        }
        return items
    }
}
