import CarePlanCore

/// What the person's own plan says about their cancer care: in plain words, what has happened
/// and what happens next, and who to call. Day counts, standards, at-risk and breach states
/// stay in the staff view.
struct CancerCarePersonText: PersonDocumentContribution {
    let title = "My tests and cancer care"

    func sentences(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(CancerCareSection.self, from: plan), !section.referrals.isEmpty else { return [] }
        var sentences: [String] = []
        for referral in section.referrals {
            sentences += story(of: referral, in: section, style: style)
        }
        sentences.append(whoToCall(plan))
        return sentences
    }

    private func story(of referral: SuspectedCancerReferral, in section: CancerCareSection, style: TextStyle) -> [String] {
        let site: String =
            switch referral.site {
            case nil, .other?, .children?: ""
            case let site?: " \(site.plainName)"
            }
        var sentences = ["On \(style.date(referral.referredOn)) I was referred for tests to check for\(site) cancer."]
        for appointment in section.appointments where appointment.referralId == referral.id {
            sentences += appointmentSentences(appointment, style: style)
        }
        if let outcome = referral.outcome {
            let told = style.date(outcome.communicatedOn)
            switch outcome.result {
            case .diagnosed: sentences.append("On \(told) I was told the tests found cancer.")
            case .ruledOut: sentences.append("On \(told) I was told the tests did not find cancer.")
            case .notRecorded: sentences.append("On \(told) I was told the results of my tests.")
            }
        } else {
            sentences.append("My care team will keep in touch until I have the results.")
        }
        if let treatment = referral.firstTreatmentOn { sentences.append("My treatment started on \(style.date(treatment)).") }
        if let diagnosed = referral.diagnosedOn {
            for step in AfterDiagnosis.allCases where step.doneOn(referral) == nil {
                guard let due = step.due(after: diagnosed).map(style.date) else { continue }
                switch step {
                case .supportConversation: sentences.append("My practice will talk with me about the support I can have, by \(due).")
                case .threeMonthContact: sentences.append("Someone from my practice will get in touch around \(due) to see how I am.")
                case .careReview: sentences.append("My practice will invite me to a cancer care review by \(due).")
                }
            }
        }
        return sentences
    }

    private func appointmentSentences(_ appointment: PathwayAppointment, style: TextStyle) -> [String] {
        let place = appointment.place.map { " at \($0)" } ?? ""
        var sentences: [String] = []
        let missed = appointment.bookings.filter { $0.attendance == .didNotAttend }
        for booking in missed {
            sentences.append("I missed my \(appointment.what) appointment\(place) on \(style.date(booking.on)).")
        }
        guard let current = appointment.current else { return sentences }
        switch current.attendance {
        case nil:
            sentences.append("My \(appointment.what)\(place) is on \(style.date(current.on)).")
        case .didNotAttend?:
            sentences.append("Someone will be in touch to arrange a new \(appointment.what) appointment.")
        case .attended?:
            sentences.append("I had my \(appointment.what)\(place) on \(style.date(current.on)).")
            if let results = appointment.resultsCommunicatedOn { sentences.append("The results were explained to me on \(style.date(results)).") }
        }
        return sentences
    }

    private func whoToCall(_ plan: Plan) -> String {
        if let worker = plan.professionalContacts.first(where: \.isKeyWorker) {
            let phone = worker.phone.map { " on \($0)" } ?? ""
            return "If I have questions about my tests or care, I can call \(worker.name) (\(worker.role))\(phone)."
        }
        if let practice = plan.person.gpPractice {
            return "If I have questions about my tests or care, I can call my GP practice, \(practice.name)."
        }
        return "If I have questions about my tests or care, I can call my GP practice."
    }
}
