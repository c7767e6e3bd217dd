import CarePlanCore

/// Social prescribing in FHIR: each link as a ServiceRequest (SNOMED CT coded where it
/// applies), each wellbeing measure as an Observation (ONS4 as four components).
struct SocialPrescribingFHIR: PlanFHIRContribution {
    func resources(for plan: Plan, context: FHIRExportContext) -> [FHIRResource] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan) else { return [] }
        var resources: [FHIRResource] = []
        for link in section.links {
            let code: JSONValue = link.codes.first.map { concept($0) } ?? .object(["text": .string("Signpost to \(link.service.name)")])
            let status: String =
                switch link.status {
                case .suggested: "draft"
                case .referred, .accepted, .attended: "active"
                case .completed: "completed"
                case .declined, .didNotAttend: "revoked"
                }
            resources.append(
                FHIRResource(
                    key: "ServiceRequest/\(link.id)",
                    resource: object([
                        "resourceType": .string("ServiceRequest"),
                        "meta": .object(["profile": .array([.string(FHIR.ukCore("ServiceRequest"))])]),
                        "identifier": identifier(link.id),
                        "status": .string(status), "intent": .string(link.kind == .referral ? "order" : "proposal"),
                        "code": code,
                        "subject": .object(["reference": .string(context.patient)]),
                        "authoredOn": link.history.first.map { .string($0.on.description) },
                        "performer": .array([.object(["display": .string(link.service.name)])]),
                        "reasonCode": .array([.object(["text": .string(link.determinant.label)])]),
                        "reasonReference": link.needIds.isEmpty ? nil : .array(link.needIds.map { .object(["reference": .string(context.need($0))]) }),
                        "note": link.outcome.map { .array([.object(["text": .string($0)])]) },
                    ]), isActivity: true))
        }
        for measure in section.measures {
            var observation: [String: JSONValue?] = [
                "resourceType": .string("Observation"),
                "meta": .object(["profile": .array([.string(FHIR.ukCore("Observation"))])]),
                "identifier": identifier(measure.id), "status": .string("final"),
                "code": .object(["text": .string(measure.ons4 != nil ? "ONS4 personal wellbeing" : measure.label)]),
                "subject": .object(["reference": .string(context.patient)]),
                "effectiveDateTime": .string(measure.takenOn.description),
            ]
            if let ons4 = measure.ons4 {
                observation["component"] = .array(
                    ons4.items.map { item in
                        .object(["code": .object(["text": .string("ONS4 \(item.name)")]), "valueInteger": .integer(Int64(item.value))])
                    })
            } else {
                if let score = measure.rawScore {
                    for (key, value) in FHIR.scoreValue(score) { observation[key] = .some(value) }
                }
            }
            resources.append(FHIRResource(key: "Observation/\(measure.id)", resource: object(observation)))
        }
        return resources
    }

    private func concept(_ code: ClinicalCode) -> JSONValue {
        .object([
            "coding": .array([.object(["system": .string(code.system), "code": .string(code.code), "display": .string(code.display)])]),
            "text": .string(code.display),
        ])
    }

    private func identifier(_ id: String) -> JSONValue {
        .array([.object(["system": .string(FHIR.entryIDSystem), "value": .string(id)])])
    }

    private func object(_ members: [String: JSONValue?]) -> JSONValue {
        .object(members.compactMapValues { $0 })
    }
}
