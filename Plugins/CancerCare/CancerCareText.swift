import CarePlanCore

/// Cancer care in `show` and the text export, for staff: each referral with its standards
/// (day counts, at risk, breached), its tests with every booking, and needs assessments.
struct CancerCareText: PlanTextContribution {
    let title = "Cancer care"
    let atRiskDays: Int

    func lines(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(CancerCareSection.self, from: plan),
            !section.referrals.isEmpty || !section.assessments.isEmpty
        else { return [] }
        var lines: [String] = []
        for referral in section.referrals {
            lines += Self.referralLines(referral, in: section, style: style, atRiskDays: atRiskDays)
        }
        let wrapper = style.wrapper
        for assessment in section.assessments {
            let follows = assessment.referralId.map { " (\($0))" } ?? ""
            lines += wrapper.wrap(
                "\(style.tag(assessment.id))Holistic needs assessment \(style.date(assessment.heldOn))\(follows)", firstPrefix: "- ", restPrefix: "  ")
            for (number, concern) in assessment.concerns.enumerated() {
                let action = concern.actionId.map { " -> \($0)" } ?? ""
                lines += wrapper.wrap(
                    "\(number + 1). \(concern.domain.label), \(concern.score)/10: \(concern.concern)\(action)", firstPrefix: "  ", restPrefix: "     ")
            }
        }
        return lines
    }

    /// A referral, its standards as of `style.today`, what is due after a diagnosis, and its tests.
    static func referralLines(_ referral: SuspectedCancerReferral, in section: CancerCareSection, style: TextStyle, atRiskDays: Int) -> [String] {
        let wrapper = style.wrapper
        let site = referral.site.map { "suspected \($0.label) cancer" } ?? "suspected cancer (site not recorded)"
        let route = referral.route.map { " (\($0.label))" } ?? " (route not recorded)"
        let by = referral.referrer.map { " by \($0)" } ?? ""
        var lines = wrapper.wrap(
            "\(style.tag(referral.id))Referral for \(site)\(route), made \(style.date(referral.referredOn))\(by)", firstPrefix: "- ", restPrefix: "  ")
        if let outcome = referral.outcome {
            let what =
                switch outcome.result {
                case .diagnosed: "cancer diagnosed"
                case .ruledOut: "cancer ruled out"
                case .notRecorded: "told, diagnosed or ruled out not recorded (cancer outcome \(referral.id) diagnosed|ruled-out DATE)"
                }
            lines += wrapper.wrap("Outcome: \(what), told \(style.date(outcome.communicatedOn))", firstPrefix: "  ", restPrefix: "    ")
        } else {
            lines.append("  Outcome: not known yet")
        }
        var steps: [String] = []
        if let decision = referral.decisionToTreatOn { steps.append("decision to treat \(style.date(decision))") }
        if let treatment = referral.firstTreatmentOn { steps.append("first treatment \(style.date(treatment))") }
        if !steps.isEmpty { lines += wrapper.wrap(steps.joined(separator: ", ").capitalizedFirst, firstPrefix: "  ", restPrefix: "    ") }
        if let today = style.today {
            for standard in CancerStandards(referral, today: today, atRiskDays: atRiskDays).standards {
                let days = standard.days.map { "day \($0) of \(standard.limit)" } ?? "-"
                let name = standard.kind.rawValue.fitted(to: 30)
                lines.append("  \(name) \(days.fitted(to: 14)) \(standard.state.rawValue)")
            }
        }
        if let diagnosed = referral.diagnosedOn {
            let after = AfterDiagnosis.allCases.map { step in
                if let done = step.doneOn(referral) { return "\(step.rawValue) done \(style.date(done))" }
                return "\(step.rawValue) due \(step.due(after: diagnosed).map(style.date) ?? "-")"
            }
            lines += wrapper.wrap(after.joined(separator: "; ").capitalizedFirst, firstPrefix: "  ", restPrefix: "    ")
        }
        for appointment in section.appointments where appointment.referralId == referral.id {
            let place = appointment.place.map { " at \($0)" } ?? ""
            var story = appointment.bookings.map { booking in
                "\(style.date(booking.on)) \(booking.attendance?.label ?? "booked")"
            }
            if let results = appointment.resultsCommunicatedOn { story.append("results told \(style.date(results))") }
            lines += wrapper.wrap(
                "\(style.tag(appointment.id))\(appointment.what)\(place): \(story.joined(separator: "; "))"
                    + (appointment.isMissed ? " (MISSED: rebook it)" : ""),
                firstPrefix: "  * ", restPrefix: "    ")
        }
        return lines
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
