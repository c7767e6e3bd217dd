import CarePlanCore

/// A dated step of a suspected cancer referral's pathway.
enum CancerPathwayStep: String, Vocabulary {
    case decision, treatment
    case support, contact, review

    /// What the step records, for messages.
    var noun: String {
        switch self {
        case .decision: "decision to treat"
        case .treatment: "first treatment"
        case .support: AfterDiagnosis.supportConversation.rawValue
        case .contact: AfterDiagnosis.threeMonthContact.rawValue
        case .review: AfterDiagnosis.careReview.rawValue
        }
    }
}

/// The cancer care module's edits, built here rather than in its commands, so the same
/// change and checks serve any front end.
extension PlanEdit {
    /// Records a suspected cancer referral made on `day`.
    static func referSuspectedCancer(
        site: TumourSiteGroup, route: CancerReferralRoute, on day: CalendarDate, referrer: String?
    ) -> PlanEdit {
        .section(CancerCareSection.self, "suspected cancer referral") { section, _, _ in
            let id = section.issueID("U")
            section.referrals.append(SuspectedCancerReferral(id: id, route: route, site: site, referredOn: day, referrer: referrer))
            return "add suspected cancer referral \(id) (\(site.label), \(route.label)) made \(day)"
        }
    }

    /// Records the outcome told to the person on `day`: it stops the Faster Diagnosis clock.
    static func recordCancerOutcome(_ id: String, _ result: CancerOutcomeResult, on day: CalendarDate) -> PlanEdit {
        .section(CancerCareSection.self, "outcome of \(id)") { section, _, _ throws(PlanEditError) in
            let index = try section.referralIndex(id)
            guard day >= section.referrals[index].referredOn else {
                throw PlanEditError("\(id) was made on \(section.referrals[index].referredOn); the outcome cannot be told before it")
            }
            if result == .ruledOut, section.referrals[index].decisionToTreatOn != nil || section.referrals[index].firstTreatmentOn != nil {
                throw PlanEditError("\(id) has a decision to treat or a treatment recorded; cancer cannot be ruled out")
            }
            section.referrals[index].outcome = CancerOutcome(result: result, communicatedOn: day)
            return "\(id) \(result.label), told \(day)"
        }
    }

    /// Records a step after the outcome: the decision to treat, first treatment, or the
    /// support given after a diagnosis.
    static func recordCancerStep(_ id: String, _ step: CancerPathwayStep, on day: CalendarDate) -> PlanEdit {
        .section(CancerCareSection.self, "\(step.noun) of \(id)") { section, _, _ throws(PlanEditError) in
            let index = try section.referralIndex(id)
            var referral = section.referrals[index]
            guard let outcome = referral.outcome else {
                throw PlanEditError("\(id) has no outcome yet; record it first (cancer outcome \(id) diagnosed DATE)")
            }
            guard outcome.result != .ruledOut else { throw PlanEditError("cancer was ruled out for \(id); there is no \(step.noun) to record") }
            guard day >= outcome.communicatedOn else {
                throw PlanEditError("the \(step.noun) cannot be before the outcome was told (\(outcome.communicatedOn))")
            }
            switch step {
            case .decision:
                if let treatment = referral.firstTreatmentOn, treatment < day {
                    throw PlanEditError("the decision to treat cannot be after the first treatment (\(treatment))")
                }
                referral.decisionToTreatOn = day
            case .treatment:
                if let decision = referral.decisionToTreatOn, day < decision {
                    throw PlanEditError("the first treatment cannot be before the decision to treat (\(decision))")
                }
                referral.firstTreatmentOn = day
            case .support: referral.supportConversationOn = day
            case .contact: referral.threeMonthContactOn = day
            case .review: referral.careReviewOn = day
            }
            section.referrals[index] = referral
            return "\(id) \(step.noun) \(day)"
        }
    }

    /// Books a test or appointment on a referral's pathway for `day`.
    static func bookCancerTest(_ what: String, for referral: String, place: String?, on day: CalendarDate) -> PlanEdit {
        .section(CancerCareSection.self, "test") { section, _, context throws(PlanEditError) in
            _ = try section.referralIndex(referral)
            let id = section.issueID("P")
            section.appointments.append(
                PathwayAppointment(
                    id: id, referralId: referral, what: what, place: place,
                    bookings: [AppointmentBooking(on: day, bookedOn: context.today)], resultsCommunicatedOn: nil))
            return "book \(id): \(what) on \(day)"
        }
    }

    /// Records whether the person went to the appointment now booked. It is dated with the
    /// appointment day, which must have come.
    static func recordAttendance(_ id: String, _ attendance: Attendance) -> PlanEdit {
        .section(CancerCareSection.self, "\(id) \(attendance.label)") { section, _, context throws(PlanEditError) in
            let index = try section.appointmentIndex(id)
            guard var booking = section.appointments[index].current else { throw PlanEditError("\(id) has no booking") }
            guard booking.on <= context.today else {
                throw PlanEditError("\(id) is booked for \(booking.on), which has not come yet (today is \(context.today))")
            }
            if let recorded = booking.attendance {
                throw PlanEditError("\(id) on \(booking.on) is already recorded as \(recorded.label); rebook it for a new day first")
            }
            booking.attendance = attendance
            section.appointments[index].bookings[section.appointments[index].bookings.count - 1] = booking
            return "\(id) \(attendance.label) on \(booking.on)"
        }
    }

    /// Books the test or appointment again for `day`, keeping every earlier booking as it was.
    static func rebookCancerTest(_ id: String, on day: CalendarDate) -> PlanEdit {
        .section(CancerCareSection.self, "rebook \(id)") { section, _, context throws(PlanEditError) in
            let index = try section.appointmentIndex(id)
            if section.appointments[index].current?.attendance == .attended {
                throw PlanEditError("\(id) was attended; book a new test with cancer test add instead")
            }
            section.appointments[index].bookings.append(AppointmentBooking(on: day, bookedOn: context.today))
            return "rebook \(id) for \(day)"
        }
    }

    /// Records that the results were told to the person on `day`.
    static func recordCancerResults(_ id: String, on day: CalendarDate) -> PlanEdit {
        .section(CancerCareSection.self, "results of \(id)") { section, _, _ throws(PlanEditError) in
            let index = try section.appointmentIndex(id)
            guard let booking = section.appointments[index].current, booking.attendance == .attended else {
                throw PlanEditError("\(id) is not recorded as attended; record that first")
            }
            guard day >= booking.on else { throw PlanEditError("the results cannot be told before the appointment (\(booking.on))") }
            section.appointments[index].resultsCommunicatedOn = day
            return "\(id) results told \(day)"
        }
    }

    /// Starts a holistic needs assessment held on `day`.
    static func addNeedsAssessment(on day: CalendarDate, referral: String?) -> PlanEdit {
        .section(CancerCareSection.self, "needs assessment") { section, _, _ throws(PlanEditError) in
            if let referral { _ = try section.referralIndex(referral) }
            let id = section.issueID("H")
            section.assessments.append(NeedsAssessment(id: id, referralId: referral, heldOn: day, concerns: []))
            return "add needs assessment \(id) (\(day))"
        }
    }

    /// Adds a concern, scored 0-10, to an assessment.
    static func addConcern(_ id: String, domain: ConcernDomain, score: Int, _ text: String) -> PlanEdit {
        .section(CancerCareSection.self, "concern in \(id)") { section, _, _ throws(PlanEditError) in
            let index = try section.assessmentIndex(id)
            guard (0...10).contains(score) else { throw PlanEditError("a concern is scored 0 to 10, not \(score)") }
            section.assessments[index].concerns.append(NeedsConcern(domain: domain, concern: text, score: score, actionId: nil))
            return "\(id) concern \(section.assessments[index].concerns.count) (\(domain.label), \(score))"
        }
    }

    /// Makes a care plan entry for a chosen concern: a plan action (on the worklist when it
    /// has a due date), linked from the concern.
    static func planConcern(_ id: String, concern number: Int, action text: String, who: Assignee?, due: CalendarDate?) -> PlanEdit {
        PlanEdit("care plan for \(id) concern \(number)") { plan, context throws(PlanEditError) in
            var section: CancerCareSection
            do {
                section = try SectionCodec.read(CancerCareSection.self, from: plan)
            } catch {
                throw PlanEditError("the \(CancerCareSection.moduleID) section of this plan cannot be read; fix it with import first")
            }
            let index = try section.assessmentIndex(id)
            let concerns = section.assessments[index].concerns
            guard concerns.indices.contains(number - 1) else {
                throw PlanEditError("\(id) has \(concerns.count) concern\(concerns.count == 1 ? "" : "s"); there is no concern \(number)")
            }
            if let existing = concerns[number - 1].actionId { throw PlanEditError("concern \(number) of \(id) already has action \(existing)") }
            let added = try PlanEdit.addAction(text, assignee: who, due: due).apply(to: plan, context: context)
            plan = added.plan
            guard let action = plan.actions.last?.id.description else { throw PlanEditError("the action could not be added") }
            section.assessments[index].concerns[number - 1].actionId = action
            do {
                try SectionCodec.write(section, into: &plan)
            } catch {
                throw PlanEditError("the \(CancerCareSection.moduleID) section could not be written")
            }
            return "\(id) concern \(number): add action \(action)"
        }
    }
}

extension CancerCareSection {
    func referralIndex(_ id: String) throws(PlanEditError) -> Int {
        guard let index = referrals.firstIndex(where: { $0.id == id }) else {
            throw PlanEditError("there is no suspected cancer referral \(id) in this plan")
        }
        return index
    }

    func appointmentIndex(_ id: String) throws(PlanEditError) -> Int {
        guard let index = appointments.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no test or appointment \(id) in this plan") }
        return index
    }

    func assessmentIndex(_ id: String) throws(PlanEditError) -> Int {
        guard let index = assessments.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no needs assessment \(id) in this plan") }
        return index
    }
}
