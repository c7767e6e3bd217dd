/// Writes a plan as a FHIR R4 Bundle of type `collection` (see docs/fhir.md for the mapping).
///
/// Every reference resolves inside the bundle through `urn:uuid:` fullUrls, which are derived
/// from the plan and entry ids, so the same plan always gives the same bundle.
public struct FHIRExporter: Sendable {
    let contributions: [any PlanFHIRContribution]
    /// The deployment's canonical base; careplan's stand-in when none is set.
    let base: FHIRBase?

    /// An exporter; `plugins` add their modules' resources, and their settings name the
    /// canonical base careplan's URLs start with.
    public init(plugins: PluginHost = .none) {
        contributions = plugins.registrar.fhirContributions
        base = plugins.settings.fhirBase
    }

    /// The bundle.
    public func bundle(for plan: Plan) -> JSONValue {
        let bundle = build(plan)
        return base?.published(bundle) ?? bundle
    }

    private func build(_ plan: Plan) -> JSONValue {
        let identity = FHIRIdentity(planID: plan.id)
        let context = FHIRExportContext(
            identity: identity, patient: identity.url("Patient"), carePlan: identity.url("CarePlan"), contacts: plan.professionalContacts)
        var resources: [FHIRResource] = []
        if let practice = plan.person.gpPractice {
            resources.append(FHIRResource(key: "Organization/gp", resource: organization(practice)))
        }
        resources.append(FHIRResource(key: "Patient", resource: patient(plan, context)))
        resources += plan.needs.map { FHIRResource(key: "Condition/\($0.id)", resource: condition($0, context)) }
        resources += plan.goals.map { FHIRResource(key: "Goal/\($0.id)", resource: goal($0, context)) }
        for referral in plan.referrals {
            resources.append(FHIRResource(key: "ServiceRequest/\(referral.id)", resource: serviceRequest(referral, context), isActivity: true))
            resources.append(FHIRResource(key: "Task/\(referral.id)", resource: referralTask(referral, context)))
        }
        for episode in plan.episodes {
            resources.append(FHIRResource(key: "Task/\(episode.id)", resource: episodeTask(episode, context)))
        }
        for contact in plan.professionalContacts {
            resources.append(FHIRResource(key: "Practitioner/\(contact.id)", resource: practitioner(contact)))
        }
        if !plan.professionalContacts.isEmpty {
            resources.append(FHIRResource(key: "CareTeam", resource: careTeam(plan, context)))
        }
        for contribution in contributions {
            resources += contribution.resources(for: plan, context: context)
        }
        let activities = resources.filter(\.isActivity).map { JSONValue.object(["reference": FHIR.reference(identity.url($0.key))]) }
        resources.insert(FHIRResource(key: "CarePlan", resource: carePlan(plan, context, extraActivities: activities)), at: 0)

        let entries: [JSONValue] = resources.map { item in
            var resource = FHIRNarrative.adding(to: item.resource)
            if case .object(var members) = resource {
                members["id"] = .string(identity.id(item.key))
                resource = .object(members)
            }
            return .object(["fullUrl": .string(identity.url(item.key)), "resource": resource])
        }
        return .object([
            "resourceType": .string("Bundle"),
            "type": .string("collection"),
            "identifier": .object(["system": .string(FHIR.planIDSystem), "value": .string(plan.id)]),
            "entry": .array(entries),
        ])
    }

    // MARK: - Resources

    private func meta(_ profile: String?) -> JSONValue? {
        profile.map { .object(["profile": .array([.string(FHIR.ukCore($0))])]) }
    }

    private func telecom(phone: String?, email: String?) -> JSONValue? {
        FHIR.list([
            phone.map { .object(["system": .string("phone"), "value": .string($0)]) },
            email.map { .object(["system": .string("email"), "value": .string($0)]) },
        ])
    }

    private func organization(_ practice: GPPractice) -> JSONValue {
        FHIR.object([
            "resourceType": .string("Organization"), "meta": meta("Organization"), "name": .string(practice.name),
            "identifier": practice.odsCode.map { .array([.object(["system": .string(FHIR.odsSystem), "value": .string($0)])]) },
        ])
    }

    private func patient(_ plan: Plan, _ context: FHIRExportContext) -> JSONValue {
        let person = plan.person
        var names: [JSONValue] = [.object(["use": .string("official"), "text": .string(person.name)])]
        if let preferred = person.preferredName { names.append(.object(["use": .string("usual"), "text": .string(preferred)])) }
        let contacts: [JSONValue] = plan.personalContacts.map { contact in
            var relationships: [JSONValue] = contact.roles.map(FHIRRelationship.concept)
            if let relationship = contact.relationship { relationships.append(FHIRRelationship.concept(words: relationship)) }
            return FHIR.object([
                "extension": .array([FHIR.extensionString("entry-id", contact.id.description)].compactMap { $0 }),
                "relationship": FHIR.list(relationships),
                "name": .object(["text": .string(contact.name)]),
                "telecom": telecom(phone: contact.phone, email: contact.email),
            ])
        }
        return FHIR.object([
            "resourceType": .string("Patient"), "meta": meta("Patient"),
            "extension": FHIR.list([
                FHIR.extensionString("communication-needs", person.communicationNeeds),
                FHIR.extensionString("sex-at-birth", person.sexAtBirth?.rawValue),
                FHIR.extensionString("gender-identity", person.genderIdentity?.rawValue),
                person.ethnicCategory.map { category in
                    .object([
                        "url": .string(FHIR.ethnicCategoryExtension),
                        "valueCodeableConcept": FHIR.concept(system: FHIR.ethnicCategorySystem, code: category.rawValue, display: category.label),
                    ])
                },
            ]),
            "identifier": person.nhsNumber.map { .array([.object(["system": .string(FHIR.nhsNumberSystem), "value": .string($0.digits)])]) },
            "name": .array(names),
            "gender": person.gender.map { .string($0.rawValue) },
            "birthDate": person.dateOfBirth.map { .string($0.description) },
            "address": person.address.map { address in
                .array([FHIR.object(["line": FHIR.list(address.lines.map { .string($0) }), "postalCode": address.postcode.map { .string($0) }])])
            },
            "telecom": telecom(phone: person.phone, email: person.email),
            "generalPractitioner": person.gpPractice.map { _ in .array([FHIR.reference(context.identity.url("Organization/gp"))]) },
            "contact": FHIR.list(contacts),
        ])
    }

    private func condition(_ need: Need, _ context: FHIRExportContext) -> JSONValue {
        FHIR.object([
            "resourceType": .string("Condition"), "meta": meta("Condition"),
            "identifier": FHIR.entryIdentifier(need.id.description),
            "extension": FHIR.list([
                FHIR.extensionString("need-domain", need.domain.rawValue), FHIR.extensionString("need-status", need.status.rawValue),
                FHIR.extensionInteger("concern-score", need.concernScore),
            ]),
            "clinicalStatus": FHIR.concept(
                system: "http://terminology.hl7.org/CodeSystem/condition-clinical",
                code: FHIRStatusMap.conditionClinical(need.status), display: FHIRStatusMap.conditionClinical(need.status)),
            "category": .array([
                FHIR.concept(
                    system: "http://terminology.hl7.org/CodeSystem/condition-category",
                    code: "problem-list-item", display: "Problem List Item")
            ]),
            "code": FHIR.concept(text: need.description),
            "subject": FHIR.reference(context.patient),
            "recordedDate": need.raisedOn.map { .string($0.description) },
        ])
    }

    private func goal(_ goal: Goal, _ context: FHIRExportContext) -> JSONValue {
        let target: JSONValue? =
            goal.targetDate == nil && goal.measure == nil
            ? nil
            : .array([
                // How it is measured is Goal.target.measure; careplan has no separate target
                // value, so no detail[x] is sent (FHIR rule gol-1: a detail needs a measure).
                FHIR.object([
                    "dueDate": goal.targetDate.map { .string($0.description) },
                    "measure": goal.measure.map { FHIR.concept(text: $0) },
                ])
            ])
        return FHIR.object([
            "resourceType": .string("Goal"),
            "identifier": FHIR.entryIdentifier(goal.id.description),
            "extension": FHIR.list([FHIR.extensionInteger("importance", goal.importance), FHIR.extensionInteger("confidence", goal.confidence)]),
            "lifecycleStatus": .string(goal.lifecycleStatus.rawValue),
            "achievementStatus": goal.achievementStatus.map {
                FHIR.concept(system: "http://terminology.hl7.org/CodeSystem/goal-achievement", code: $0.rawValue, display: $0.label)
            },
            "description": FHIR.concept(text: goal.description),
            "subject": FHIR.reference(context.patient),
            "target": target,
            "addresses": FHIR.list(goal.needIDs.map { FHIR.reference(context.need($0.description)) }),
            "outcomeCode": goal.outcome.map { .array([FHIR.concept(text: $0)]) },
        ])
    }

    private func serviceRequest(_ referral: Referral, _ context: FHIRExportContext) -> JSONValue {
        let code: JSONValue =
            referral.recipient == .socialPrescribingLinkWorker
            ? FHIR.concept(system: FHIR.snomed, code: "871731000000106", display: "Referral to social prescribing service")
            : FHIR.concept(text: "Referral to \(referral.recipient == .otherService ? referral.serviceName ?? "service" : referral.recipient.title)")
        return FHIR.object([
            "resourceType": .string("ServiceRequest"), "meta": meta("ServiceRequest"),
            "identifier": FHIR.entryIdentifier(referral.id.description),
            "extension": FHIR.list([
                FHIR.extensionString("referral-recipient", referral.recipient.rawValue),
                FHIR.extensionString("service-name", referral.serviceName),
                FHIR.extensionString("referral-method", referral.method?.rawValue),
            ]),
            "status": .string(FHIRStatusMap.serviceRequest(referral.status)),
            "intent": .string("order"),
            "code": code,
            "subject": FHIR.reference(context.patient),
            "authoredOn": referral.history.first.map { .string($0.on.description) },
            "requester": referral.referrer.map(context.person),
            "performer": .array([.object(["display": .string(referral.serviceName ?? referral.recipient.title)])]),
            "reasonCode": .array([FHIR.concept(text: referral.reason)]),
            "reasonReference": FHIR.list(referral.needIDs.map { FHIR.reference(context.need($0.description)) }),
            "supportingInfo": FHIR.list(referral.goalIDs.map { FHIR.reference(context.goal($0.description)) }),
        ])
    }

    private func referralTask(_ referral: Referral, _ context: FHIRExportContext) -> JSONValue {
        let history = FHIR.extensionComplex(
            "status-history",
            referral.history.map { step in
                FHIR.extensionComplex("step", [FHIR.extensionString("status", step.status.rawValue), FHIR.extensionDate("on", step.on)])
            })
        return FHIR.object([
            "resourceType": .string("Task"), "meta": meta("Task"),
            "identifier": FHIR.entryIdentifier(referral.id.description),
            "extension": .array([history]),
            "status": .string(FHIRStatusMap.task(referral.status)),
            "businessStatus": FHIR.concept(text: referral.status.rawValue),
            "intent": .string("order"),
            "focus": FHIR.reference(context.referral(referral.id.description)),
            "for": FHIR.reference(context.patient),
            "authoredOn": referral.history.first.map { .string($0.on.description) },
            "lastModified": referral.history.last.map { .string($0.on.description) },
            "restriction": referral.responseDueOn.map { .object(["period": .object(["end": .string($0.description)])]) },
        ])
    }

    /// A referral we received, as the Task the referrer's system follows (HL7 SDOH Clinical
    /// Care): its status and reason, and what has been delivered so far. The sender's
    /// ServiceRequest is named by its address as an identifier, since it is not in the bundle.
    private func episodeTask(_ episode: ReferralEpisode, _ context: FHIRExportContext) -> JSONValue {
        let status: String
        var reason: String?
        switch episode.state {
        case .awaitingAnswer: status = "received"
        case .accepted: status = "accepted"
        case .inContact: status = "in-progress"
        case .declined:
            status = "rejected"
            reason = episode.answer?.reason?.label
        case .discharged:
            status = "completed"
            reason = episode.discharge?.reason.label
        }
        var outputs: [JSONValue] = []
        if let first = episode.firstContactOn {
            outputs.append(.object(["type": FHIR.concept(text: "first contact"), "valueDate": .string(first.description)]))
        }
        let attended = episode.contacts.filter(\.attended).count
        if attended > 0 {
            outputs.append(.object(["type": FHIR.concept(text: "contacts attended"), "valueInteger": .integer(Int64(attended))]))
        }
        // What it answers: our own referral in this bundle when another role in the team
        // sent it, else the sender's ServiceRequest when it came by FHIR.
        let focus: JSONValue =
            episode.fromReferral.map { FHIR.reference(context.referral($0.description)) }
            ?? episode.requestReference.map { address in
                .object(["identifier": .object(["system": .string("urn:ietf:rfc:3986"), "value": .string(address)]), "type": .string("ServiceRequest")])
            } ?? .object(["display": .string(episode.reason)])
        return FHIR.object([
            "resourceType": .string("Task"), "meta": meta("Task"),
            "identifier": FHIR.entryIdentifier(episode.id.description),
            "status": .string(status),
            "statusReason": reason.map { FHIR.concept(text: $0) },
            "businessStatus": FHIR.concept(text: episode.state.rawValue),
            "intent": .string("order"),
            "priority": .string(episode.urgency == .urgent ? "urgent" : "routine"),
            "description": .string(episode.reason),
            "reasonCode": episode.reasonDomain.map {
                FHIR.concept(system: FHIR.careplanBase + "/CodeSystem/need-domain", code: $0.rawValue, display: $0.label)
            },
            "focus": focus,
            "for": FHIR.reference(context.patient),
            "authoredOn": .string(episode.receivedOn.description),
            "owner": .object(["display": .string(episode.service.title)]),
            "restriction": .object(["period": .object(["end": .string(episode.responseDueOn.description)])]),
            "output": outputs.isEmpty ? nil : .array(outputs),
        ])
    }

    private func practitioner(_ contact: ProfessionalContact) -> JSONValue {
        FHIR.object([
            "resourceType": .string("Practitioner"), "meta": meta("Practitioner"),
            "identifier": FHIR.entryIdentifier(contact.id.description),
            "name": .array([.object(["text": .string(contact.name)])]),
            "telecom": telecom(phone: contact.phone, email: contact.email),
        ])
    }

    private func careTeam(_ plan: Plan, _ context: FHIRExportContext) -> JSONValue {
        FHIR.object([
            "resourceType": .string("CareTeam"), "meta": meta("CareTeam"),
            "status": .string("active"),
            "subject": FHIR.reference(context.patient),
            "participant": .array(
                plan.professionalContacts.map { contact in
                    FHIR.object([
                        "extension": FHIR.list([FHIR.extensionString("team", contact.team), FHIR.extensionBool("key-worker", contact.isKeyWorker)]),
                        "role": .array([FHIR.concept(text: contact.role)]),
                        "member": FHIR.reference(context.identity.url("Practitioner/\(contact.id)")),
                        "onBehalfOf": contact.organisation.map { .object(["display": .string($0)]) },
                    ])
                }),
        ])
    }

    private func carePlan(_ plan: Plan, _ context: FHIRExportContext, extraActivities: [JSONValue]) -> JSONValue {
        let actions: [JSONValue] = plan.actions.map { action in
            FHIR.object([
                "extension": FHIR.list([
                    FHIR.extensionString("entry-id", action.id.description),
                    FHIR.extensionDate("review-date", action.reviewDate),
                    FHIR.extensionString("assignee-role", action.assignee?.role),
                    FHIR.extensionString("assignee-team", action.assignee?.team),
                ]),
                "detail": FHIR.object([
                    "status": .string(action.status.rawValue),
                    "description": .string(action.description),
                    "goal": action.goalID.map { .array([FHIR.reference(context.goal($0.description))]) },
                    "scheduledPeriod": action.dueDate.map { .object(["end": .string($0.description)]) },
                    "performer": action.assignee.map { .array([context.person($0.name)]) },
                ]),
            ])
        }
        let notes: [JSONValue] = plan.notes.map { note in
            FHIR.object([
                "extension": .array([FHIR.extensionString("entry-id", note.id.description)].compactMap { $0 }),
                // A Practitioner when the author is one of the professional contacts.
                "authorReference": note.author.flatMap { name in context.person(name)["reference"] == nil ? nil : context.person(name) },
                "authorString": note.author.flatMap { name in context.person(name)["reference"] == nil ? .string(name) : nil },
                "time": .string(note.writtenOn.description),
                "text": .string(note.text),
            ])
        }
        return FHIR.object([
            "resourceType": .string("CarePlan"), "meta": meta("CarePlan"),
            "identifier": .array([.object(["system": .string(FHIR.planIDSystem), "value": .string(plan.id)])]),
            "extension": FHIR.list(CarePlanExtensions.write(plan)),
            "status": .string(FHIRStatusMap.carePlan(plan.status)),
            "intent": .string("plan"),
            "title": .string("Personalised care and support plan"),
            "subject": FHIR.reference(context.patient),
            "author": plan.recordedBy.map(context.person),
            "addresses": FHIR.list(plan.needs.map { FHIR.reference(context.need($0.id.description)) }),
            "goal": FHIR.list(plan.goals.map { FHIR.reference(context.goal($0.id.description)) }),
            "careTeam": plan.professionalContacts.isEmpty ? nil : .array([FHIR.reference(context.identity.url("CareTeam"))]),
            "activity": FHIR.list(actions + extraActivities),
            "note": FHIR.list(notes),
        ])
    }
}
