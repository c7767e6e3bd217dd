import CarePlanCore

/// Health coaching in FHIR: each Patient Activation Measure as an Observation (level, and the
/// score as a number). Coaching goals and sessions travel in the plan's module section.
struct HealthCoachingFHIR: PlanFHIRContribution {
    func resources(for plan: Plan, context: FHIRExportContext) -> [FHIRResource] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan) else { return [] }
        return section.activation.map { record in
            var components: [JSONValue] = [.object(["code": .object(["text": .string("PAM level")]), "valueInteger": .integer(Int64(record.level))])]
            if let score = record.score {
                components.append(.object(["code": .object(["text": .string("PAM score")])].merging(FHIR.scoreValue(score)) { $1 }))
            }
            return FHIRResource(
                key: "Observation/\(record.id)",
                resource: .object([
                    "resourceType": .string("Observation"),
                    "meta": .object(["profile": .array([.string(FHIR.ukCore("Observation"))])]),
                    "identifier": .array([.object(["system": .string(FHIR.entryIDSystem), "value": .string(record.id)])]),
                    "status": .string("final"),
                    "code": .object(["text": .string("Patient Activation Measure")]),
                    "subject": .object(["reference": .string(context.patient)]),
                    "effectiveDateTime": .string(record.takenOn.description),
                    "component": .array(components),
                ]))
        }
    }
}
