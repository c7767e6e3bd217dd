import CarePlanCore

/// Cancer care in FHIR R4: each suspected cancer referral as a ServiceRequest (active until the
/// outcome is told, then completed), and each test or appointment as a Task focused on it,
/// with its booking state. The whole section also travels verbatim in the CarePlan, so import
/// needs nothing from these views.
struct CancerCareFHIR: PlanFHIRContribution {
    func resources(for plan: Plan, context: FHIRExportContext) -> [FHIRResource] {
        guard let section = try? SectionCodec.read(CancerCareSection.self, from: plan) else { return [] }
        var resources: [FHIRResource] = []
        for referral in section.referrals {
            let site = referral.site.map { "Suspected \($0.label) cancer" } ?? "Suspected cancer"
            var members: [String: JSONValue] = [
                "resourceType": .string("ServiceRequest"),
                "meta": .object(["profile": .array([.string(FHIR.ukCore("ServiceRequest"))])]),
                "identifier": .array([.object(["system": .string(FHIR.entryIDSystem), "value": .string(referral.id)])]),
                "status": .string(referral.awaitsOutcome ? "active" : "completed"),
                "intent": .string("order"),
                "priority": .string(referral.route == .screening ? "routine" : "urgent"),
                "code": .object(["text": .string("Suspected cancer referral" + (referral.route.map { " (\($0.label))" } ?? ""))]),
                "reasonCode": .array([.object(["text": .string(site)])]),
                "subject": .object(["reference": .string(context.patient)]),
                "authoredOn": .string(referral.referredOn.description),
            ]
            if let referrer = referral.referrer { members["requester"] = .object(["display": .string(referrer)]) }
            if let outcome = referral.outcome {
                members["note"] = .array([
                    .object([
                        "text": .string("Outcome \(outcome.result.label), told \(outcome.communicatedOn)"), "time": .string(outcome.communicatedOn.description),
                    ])
                ])
            }
            resources.append(FHIRResource(key: "ServiceRequest/\(referral.id)", resource: .object(members), isActivity: true))
        }
        for appointment in section.appointments {
            guard let booking = appointment.current else { continue }
            let status: String
            let business: String
            switch booking.attendance {
            case nil:
                status = "accepted"
                business = appointment.bookings.count > 1 ? "rebooked" : "booked"
            case .attended?:
                status = "completed"
                business = appointment.resultsCommunicatedOn == nil ? "attended" : "results communicated"
            case .didNotAttend?:
                status = "failed"
                business = "did not attend"
            }
            var members: [String: JSONValue] = [
                "resourceType": .string("Task"),
                "meta": .object(["profile": .array([.string(FHIR.ukCore("Task"))])]),
                "identifier": .array([.object(["system": .string(FHIR.entryIDSystem), "value": .string(appointment.id)])]),
                "status": .string(status), "businessStatus": .object(["text": .string(business)]),
                "intent": .string("plan"),
                "description": .string(appointment.what + (appointment.place.map { " at \($0)" } ?? "")),
                "for": .object(["reference": .string(context.patient)]),
                "focus": .object(["reference": .string(context.referral(appointment.referralId))]),
                "executionPeriod": .object(["start": .string(booking.on.description)]),
                "authoredOn": .string((appointment.bookings.first?.bookedOn ?? booking.bookedOn).description),
            ]
            let missed = appointment.bookings.dropLast().filter { $0.attendance == .didNotAttend }
            if !missed.isEmpty {
                members["note"] = .array(missed.map { .object(["text": .string("Did not attend on \($0.on)")]) })
            }
            resources.append(FHIRResource(key: "Task/\(appointment.id)", resource: .object(members), isActivity: true))
        }
        return resources
    }
}
