/// How careplan statuses map onto FHIR R4 code lists (and back, where FHIR is coarser the
/// exact careplan value travels in an extension or businessStatus).
enum FHIRStatusMap {
    static func carePlan(_ status: PlanStatus) -> String {
        status.rawValue  // draft, active, on-hold, completed, revoked are all CarePlan.status codes
    }

    static func serviceRequest(_ status: ReferralStatus) -> String {
        switch status {
        case .draft: "draft"
        case .requested, .accepted, .inProgress: "active"
        case .completed: "completed"
        case .rejected, .cancelled, .declinedByPerson, .didNotAttend: "revoked"
        }
    }

    static func task(_ status: ReferralStatus) -> String {
        switch status {
        case .draft: "draft"
        case .requested: "requested"
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .inProgress: "in-progress"
        case .completed: "completed"
        case .cancelled, .declinedByPerson: "cancelled"
        case .didNotAttend: "failed"
        }
    }

    static func conditionClinical(_ status: NeedStatus) -> String {
        switch status {
        case .open, .inProgress: "active"
        case .resolved: "resolved"
        case .noLongerAConcern: "inactive"
        }
    }
}
