import CarePlanCore

/// Care coordination in FHIR: each coordination task as a Task (focused on the referral it
/// chases, where there is one). Tracked items and pathway dates travel in the module section.
struct CareCoordinationFHIR: PlanFHIRContribution {
    func resources(for plan: Plan, context: FHIRExportContext) -> [FHIRResource] {
        guard let section = try? SectionCodec.read(CareCoordinationSection.self, from: plan) else { return [] }
        return section.tasks.map { task in
            let status: String =
                switch task.status {
                case .toDo: "requested"
                case .inProgress: "in-progress"
                case .waiting: "on-hold"
                case .done: "completed"
                case .cancelled: "cancelled"
                }
            let priority: String =
                switch task.priority {
                case .low, .normal: "routine"
                case .high: "urgent"
                case .urgent: "asap"
                }
            var members: [String: JSONValue] = [
                "resourceType": .string("Task"),
                "meta": .object(["profile": .array([.string(FHIR.ukCore("Task"))])]),
                "identifier": .array([.object(["system": .string(FHIR.entryIDSystem), "value": .string(task.id)])]),
                "status": .string(status), "businessStatus": .object(["text": .string(task.status.rawValue)]),
                "intent": .string("plan"), "priority": .string(priority),
                "description": .string(task.title),
                "for": .object(["reference": .string(context.patient)]),
                "owner": .object(["display": .string(task.owner)]),
            ]
            if let referral = task.referralId { members["focus"] = .object(["reference": .string(context.referral(referral))]) }
            if let due = task.dueOn { members["restriction"] = .object(["period": .object(["end": .string(due.description)])]) }
            if let first = task.history.first { members["authoredOn"] = .string(first.on.description) }
            if let last = task.history.last { members["lastModified"] = .string(last.on.description) }
            if let note = task.completionNote { members["note"] = .array([.object(["text": .string(note)])]) }
            return FHIRResource(key: "Task/\(task.id)", resource: .object(members), isActivity: true)
        }
    }
}
