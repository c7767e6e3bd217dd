public import Foundation

/// Reads back the FHIR R4 bundles careplan writes (see docs/fhir.md). Every field the mapping
/// covers comes back as it was. A bundle that holds a resource careplan would leave out (one
/// another system added, such as its own ServiceRequest or Task), or more than one person, is
/// refused naming the entry: importing the rest would lose it without a word.
public struct FHIRImporter: Sendable {
    let contributions: [any PlanFHIRContribution]
    /// This deployment's canonical base, if set.
    let base: FHIRBase?

    /// An importer; `plugins` read their modules' resources.
    public init(plugins: PluginHost = .none) {
        contributions = plugins.registrar.fhirContributions
        base = plugins.settings.fhirBase
    }

    /// The plan in a bundle (JSON bytes).
    public func plan(from data: Data) throws(FHIRImportError) -> Plan {
        // Like plan JSON: bytes that are not UTF-8 are refused, never replaced and stored.
        if let offset = PlanJSON.firstInvalidUTF8Offset(data) {
            throw FHIRImportError("(document): not valid UTF-8 text (bad byte at offset \(offset))")
        }
        let bundle: JSONValue
        do {
            bundle = try JSONParser.parse(data)
        } catch {
            throw FHIRImportError("(document): not valid JSON: \(error)")
        }
        return try plan(fromBundle: bundle)
    }

    /// The plan in a bundle.
    public func plan(fromBundle sent: JSONValue) throws(FHIRImportError) -> Plan {
        // careplan's URLs under whichever base the sending deployment set.
        let bundle = FHIRBase.internalised(sent, configured: base)
        guard bundle["resourceType"]?.stringValue == "Bundle" else { throw FHIRImportError("resourceType: expected a FHIR Bundle") }
        var byURL: [String: JSONValue] = [:]
        var resources: [JSONValue] = []
        for (index, entry) in (bundle["entry"]?.arrayValue ?? []).enumerated() {
            guard let resource = entry["resource"], resource["resourceType"]?.stringValue != nil else {
                throw FHIRImportError("entry[\(index)].resource: missing or has no resourceType")
            }
            if let url = entry["fullUrl"]?.stringValue { byURL[url] = resource }
            resources.append(resource)
        }
        func first(_ type: String) -> JSONValue? { resources.first { $0["resourceType"]?.stringValue == type } }
        guard let carePlan = first("CarePlan") else { throw FHIRImportError("the bundle has no CarePlan") }
        guard let patient = first("Patient") else { throw FHIRImportError("the bundle has no Patient") }
        try Self.refuseWhatWouldBeLeftOut(resources, patient: patient, byURL: byURL)
        let planID =
            carePlan["identifier"]?.arrayValue.first { $0["system"]?.stringValue == FHIR.planIDSystem }?["value"]?.stringValue
            ?? bundle["identifier"]?["value"]?.stringValue
        guard let planID, Plan.isValidID(planID) else { throw FHIRImportError("CarePlan.identifier: no careplan plan id") }

        var entryIDs: [String: String] = [:]
        for (url, resource) in byURL {
            if let id = resource.careplanEntryID { entryIDs[url] = id }
        }
        let context = FHIRImportContext(entryIDs: entryIDs)

        var plan = Plan(id: planID, person: try person(patient, byURL: byURL))
        guard let status = carePlan["status"]?.stringValue.flatMap(PlanStatus.init(rawValue:)) else {
            throw FHIRImportError("CarePlan.status: expected draft, active, on-hold, completed or revoked")
        }
        plan.status = status
        plan.recordedBy = carePlan["author"]?["display"]?.stringValue
        plan.personalContacts = try personalContacts(patient)
        try CarePlanExtensions.read(carePlan, into: &plan)

        for resource in resources {
            switch resource["resourceType"]?.stringValue {
            case "Condition": if resource.careplanEntryID?.hasPrefix("N") == true { plan.needs.append(try need(resource)) }
            case "Goal": if resource.careplanEntryID?.hasPrefix("G") == true { plan.goals.append(try goal(resource, context)) }
            case "ServiceRequest":
                if let id = resource.careplanEntryID, id.hasPrefix("R") {
                    plan.referrals.append(try referral(resource, task: referralTask(id, in: resources), context))
                }
            default: break
            }
        }
        plan.professionalContacts = try professionalContacts(first("CareTeam"), byURL: byURL)
        for (index, activity) in (carePlan["activity"]?.arrayValue ?? []).enumerated() where activity["detail"] != nil {
            plan.actions.append(try action(activity, at: index, context))
        }
        for (index, note) in (carePlan["note"]?.arrayValue ?? []).enumerated() {
            guard let idText = note.careplanExtension("entry-id")?["valueString"]?.stringValue, let id = EntryID(idText),
                let written = note["time"]?.stringValue.flatMap({ CalendarDate($0.prefix(10)) })
            else {
                throw FHIRImportError("CarePlan.note[\(index)]: needs a careplan entry id and a date")
            }
            plan.notes.append(
                Note(
                    id: id, writtenOn: written, author: note["authorString"]?.stringValue ?? note["authorReference"]?["display"]?.stringValue,
                    text: note["text"]?.stringValue ?? ""))
        }
        for contribution in contributions {
            try contribution.read(resources, context: context, into: &plan)
        }
        return plan
    }

    /// Refuses a bundle holding a second person or plan, or any resource careplan did not write:
    /// the plan is read from careplan's own resources (each carries a careplan entry id) and
    /// from the CarePlan, Patient, CareTeam and the Patient's practice, so anything else would
    /// be dropped on import.
    private static func refuseWhatWouldBeLeftOut(
        _ resources: [JSONValue], patient: JSONValue, byURL: [String: JSONValue]
    ) throws(FHIRImportError) {
        for type in ["Patient", "CarePlan", "CareTeam"] {
            let count = resources.count { $0["resourceType"]?.stringValue == type }
            if count > 1 {
                throw FHIRImportError(
                    "the bundle holds \(count) \(type) resources; careplan imports one person's plan from a bundle")
            }
        }
        let practice = patient["generalPractitioner"]?.arrayValue.first?["reference"]?.stringValue.flatMap { byURL[$0] }
        let leftOut = resources.indices.filter { index in
            let resource = resources[index]
            if resource.careplanEntryID != nil { return false }
            switch resource["resourceType"]?.stringValue {
            case "CarePlan", "Patient", "CareTeam": return false
            case "Organization": return resource != practice
            default: return true
            }
        }
        guard let index = leftOut.first else { return }
        let type = resources[index]["resourceType"]?.stringValue ?? "resource"
        let others = leftOut.count > 1 ? " (and \(leftOut.count - 1) more)" : ""
        throw FHIRImportError(
            "entry[\(index)] (\(type))\(others): not written by careplan (no careplan entry id), so importing would leave it out; nothing imported"
        )
    }

    // MARK: - Resources

    private func person(_ patient: JSONValue, byURL: [String: JSONValue]) throws(FHIRImportError) -> Person {
        let names = patient["name"]?.arrayValue ?? []
        guard let name = (names.first { $0["use"]?.stringValue == "official" } ?? names.first)?["text"]?.stringValue else {
            throw FHIRImportError("Patient.name: no name text")
        }
        var person = Person(name: name)
        person.preferredName = names.first { $0["use"]?.stringValue == "usual" }?["text"]?.stringValue
        if let nhs = patient["identifier"]?.arrayValue.first(where: { $0["system"]?.stringValue == FHIR.nhsNumberSystem })?["value"]?.stringValue {
            guard let number = NHSNumber(nhs) else { throw FHIRImportError("Patient.identifier: the NHS number fails the Modulus 11 check") }
            person.nhsNumber = number
        }
        person.gender = patient["gender"]?.stringValue.flatMap(Gender.init(rawValue:))
        person.readDemographics(from: patient)
        person.dateOfBirth = try date(patient["birthDate"], "Patient.birthDate")
        if let address = patient["address"]?.arrayValue.first {
            person.address = Address(lines: (address["line"]?.arrayValue ?? []).compactMap(\.stringValue), postcode: address["postalCode"]?.stringValue)
        }
        let telecom = patient["telecom"]?.arrayValue ?? []
        person.phone = telecom.first { $0["system"]?.stringValue == "phone" }?["value"]?.stringValue
        person.email = telecom.first { $0["system"]?.stringValue == "email" }?["value"]?.stringValue
        person.communicationNeeds = patient.careplanExtension("communication-needs")?["valueString"]?.stringValue
        if let reference = patient["generalPractitioner"]?.arrayValue.first?["reference"]?.stringValue,
            let organization = byURL[reference], let practiceName = organization["name"]?.stringValue
        {
            let ods = organization["identifier"]?.arrayValue.first { $0["system"]?.stringValue == FHIR.odsSystem }?["value"]?.stringValue
            person.gpPractice = GPPractice(name: practiceName, odsCode: ods)
        }
        return person
    }

    private func personalContacts(_ patient: JSONValue) throws(FHIRImportError) -> [PersonalContact] {
        try (patient["contact"]?.arrayValue ?? []).enumerated().map { index, contact throws(FHIRImportError) in
            guard let idText = contact.careplanExtension("entry-id")?["valueString"]?.stringValue, let id = EntryID(idText) else {
                throw FHIRImportError("Patient.contact[\(index)]: no careplan entry id")
            }
            var roles: [PersonalContactRole] = []
            var relationship: String?
            for concept in contact["relationship"]?.arrayValue ?? [] {
                if let role = FHIRRelationship.role(concept) {
                    roles.append(role)
                } else {
                    relationship = concept["text"]?.stringValue ?? concept["coding"]?.arrayValue.first?["display"]?.stringValue
                }
            }
            let telecom = contact["telecom"]?.arrayValue ?? []
            return PersonalContact(
                id: id, name: contact["name"]?["text"]?.stringValue ?? "", relationship: relationship, roles: roles,
                phone: telecom.first { $0["system"]?.stringValue == "phone" }?["value"]?.stringValue,
                email: telecom.first { $0["system"]?.stringValue == "email" }?["value"]?.stringValue)
        }
    }

    private func need(_ condition: JSONValue) throws(FHIRImportError) -> Need {
        let id = try entryID(condition, "Condition")
        guard let domain = condition.careplanExtension("need-domain")?["valueString"]?.stringValue.flatMap(NeedDomain.init(rawValue:)) else {
            throw FHIRImportError("Condition \(id).extension[need-domain]: missing or unknown")
        }
        let clinical = condition["clinicalStatus"]?["coding"]?.arrayValue.first?["code"]?.stringValue
        let status =
            condition.careplanExtension("need-status")?["valueString"]?.stringValue.flatMap(NeedStatus.init(rawValue:))
            ?? (clinical == "resolved" ? .resolved : clinical == "inactive" ? .noLongerAConcern : .open)
        return Need(
            id: id, description: condition["code"]?["text"]?.stringValue ?? "", domain: domain,
            concernScore: condition.careplanExtension("concern-score")?["valueInteger"]?.intValue, status: status,
            raisedOn: try date(condition["recordedDate"], "Condition \(id).recordedDate"))
    }

    private func goal(_ resource: JSONValue, _ context: FHIRImportContext) throws(FHIRImportError) -> Goal {
        let id = try entryID(resource, "Goal")
        guard let lifecycle = resource["lifecycleStatus"]?.stringValue.flatMap(GoalLifecycleStatus.init(rawValue:)) else {
            throw FHIRImportError("Goal \(id).lifecycleStatus: missing or unknown")
        }
        let target = resource["target"]?.arrayValue.first
        return Goal(
            id: id, description: resource["description"]?["text"]?.stringValue ?? "",
            needIDs: (resource["addresses"]?.arrayValue ?? []).compactMap { context.entryID(of: $0) }.compactMap(EntryID.init),
            importance: resource.careplanExtension("importance")?["valueInteger"]?.intValue,
            confidence: resource.careplanExtension("confidence")?["valueInteger"]?.intValue,
            targetDate: try date(target?["dueDate"], "Goal \(id).target.dueDate"),
            lifecycleStatus: lifecycle,
            achievementStatus: resource["achievementStatus"]?["coding"]?.arrayValue.first?["code"]?.stringValue
                .flatMap(GoalAchievementStatus.init(rawValue:)),
            // careplan 0.1 sent the measure as detailString; it now sends target.measure.
            measure: target?["measure"]?["text"]?.stringValue ?? target?["detailString"]?.stringValue,
            outcome: resource["outcomeCode"]?.arrayValue.first?["text"]?.stringValue)
    }

    private func referralTask(_ id: String, in resources: [JSONValue]) -> JSONValue? {
        resources.first { $0["resourceType"]?.stringValue == "Task" && $0.careplanEntryID == id }
    }

    private func referral(_ request: JSONValue, task: JSONValue?, _ context: FHIRImportContext) throws(FHIRImportError) -> Referral {
        let id = try entryID(request, "ServiceRequest")
        guard let recipient = request.careplanExtension("referral-recipient")?["valueString"]?.stringValue.flatMap(ReferralRecipient.init(rawValue:)) else {
            throw FHIRImportError("ServiceRequest \(id).extension[referral-recipient]: missing or unknown")
        }
        var history: [ReferralStatusChange] = []
        for step in Parts(task?.careplanExtension("status-history") ?? .null).all("step").map(Parts.init) {
            guard let status = step.string("status").flatMap(ReferralStatus.init(rawValue:)), let on = try step.date("on") else {
                throw FHIRImportError("Task \(id).extension[status-history]: a step needs a status and a date")
            }
            history.append(ReferralStatusChange(status: status, on: on))
        }
        guard let last = history.last, let first = history.first else {
            throw FHIRImportError("Task \(id): the referral's status history is missing")
        }
        var referral = Referral(
            id: id, recipient: recipient, serviceName: request.careplanExtension("service-name")?["valueString"]?.stringValue,
            reason: request["reasonCode"]?.arrayValue.first?["text"]?.stringValue ?? "",
            needIDs: (request["reasonReference"]?.arrayValue ?? []).compactMap { context.entryID(of: $0) }.compactMap(EntryID.init),
            goalIDs: (request["supportingInfo"]?.arrayValue ?? []).compactMap { context.entryID(of: $0) }.compactMap(EntryID.init),
            method: request.careplanExtension("referral-method")?["valueString"]?.stringValue.flatMap(ReferralMethod.init(rawValue:)),
            referrer: request["requester"]?["display"]?.stringValue, status: last.status, on: first.on,
            responseDueOn: try date(task?["restriction"]?["period"]?["end"], "Task \(id).restriction.period.end"))
        referral.history = history
        return referral
    }

    private func professionalContacts(_ careTeam: JSONValue?, byURL: [String: JSONValue]) throws(FHIRImportError) -> [ProfessionalContact] {
        try (careTeam?["participant"]?.arrayValue ?? []).enumerated().map { index, participant throws(FHIRImportError) in
            guard let url = participant["member"]?["reference"]?.stringValue, let practitioner = byURL[url] else {
                throw FHIRImportError("CareTeam.participant[\(index)].member: does not resolve in the bundle")
            }
            let id = try entryID(practitioner, "Practitioner")
            let telecom = practitioner["telecom"]?.arrayValue ?? []
            return ProfessionalContact(
                id: id, name: practitioner["name"]?.arrayValue.first?["text"]?.stringValue ?? "",
                role: participant["role"]?.arrayValue.first?["text"]?.stringValue ?? "",
                team: participant.careplanExtension("team")?["valueString"]?.stringValue,
                organisation: participant["onBehalfOf"]?["display"]?.stringValue,
                phone: telecom.first { $0["system"]?.stringValue == "phone" }?["value"]?.stringValue,
                email: telecom.first { $0["system"]?.stringValue == "email" }?["value"]?.stringValue,
                isKeyWorker: participant.careplanExtension("key-worker")?["valueBoolean"] == .bool(true))
        }
    }

    private func action(_ activity: JSONValue, at index: Int, _ context: FHIRImportContext) throws(FHIRImportError) -> Action {
        guard let idText = activity.careplanExtension("entry-id")?["valueString"]?.stringValue, let id = EntryID(idText),
            let detail = activity["detail"],
            let status = detail["status"]?.stringValue.flatMap(ActionStatus.init(rawValue:))
        else {
            throw FHIRImportError("CarePlan.activity[\(index)]: needs a careplan entry id and a status")
        }
        let assignee = detail["performer"]?.arrayValue.first?["display"]?.stringValue.map { name in
            Assignee(
                name: name, role: activity.careplanExtension("assignee-role")?["valueString"]?.stringValue,
                team: activity.careplanExtension("assignee-team")?["valueString"]?.stringValue)
        }
        return Action(
            id: id, description: detail["description"]?.stringValue ?? "", assignee: assignee,
            dueDate: try date(detail["scheduledPeriod"]?["end"], "CarePlan.activity[\(index)].detail.scheduledPeriod.end"),
            status: status, goalID: context.entryID(of: detail["goal"]?.arrayValue.first).flatMap(EntryID.init),
            reviewDate: try date(activity.careplanExtension("review-date")?["valueDate"], "CarePlan.activity[\(index)].extension[review-date]"))
    }

    private func entryID(_ resource: JSONValue, _ type: String) throws(FHIRImportError) -> EntryID {
        guard let text = resource.careplanEntryID, let id = EntryID(text) else {
            throw FHIRImportError("\(type).identifier: no careplan entry id")
        }
        return id
    }

    private func date(_ value: JSONValue?, _ field: String) throws(FHIRImportError) -> CalendarDate? {
        guard let text = value?.stringValue else { return nil }
        guard let date = CalendarDate(text.prefix(10)) else { throw FHIRImportError("\(field): expected a date like 2026-12-31, got \(Quoted(text))") }
        return date
    }
}
