/// Something someone will do towards a goal (PRSB "Actions and activities").
public struct Action: Codable, Hashable, Sendable, Identifiable {
    /// `A1`, `A2`...
    public var id: EntryID
    /// What will be done.
    public var description: String
    /// Who will do it.
    public var assignee: Assignee?
    /// When it should be done by.
    public var dueDate: CalendarDate?
    /// FHIR `CarePlan.activity.detail.status`.
    public var status: ActionStatus
    /// The goal it works towards.
    public var goalID: EntryID?
    /// When it should next be looked at.
    public var reviewDate: CalendarDate?

    /// A not-started action.
    public init(
        id: EntryID, description: String, assignee: Assignee? = nil, dueDate: CalendarDate? = nil,
        status: ActionStatus = .notStarted, goalID: EntryID? = nil, reviewDate: CalendarDate? = nil
    ) {
        self.id = id
        self.description = description
        self.assignee = assignee
        self.dueDate = dueDate
        self.status = status
        self.goalID = goalID
        self.reviewDate = reviewDate
    }

    enum CodingKeys: String, CodingKey {
        case id, description, assignee, dueDate, status, goalID = "goalId", reviewDate
    }
}

/// Who carries out an action: the person themselves, a carer, or a professional.
public struct Assignee: Codable, Hashable, Sendable {
    /// Their name ("Me", "Priya Shah").
    public var name: String
    /// Their role ("Care Coordinator").
    public var role: String?
    /// Their team or organisation.
    public var team: String?

    /// Someone by name.
    public init(name: String, role: String? = nil, team: String? = nil) {
        self.name = name
        self.role = role
        self.team = team
    }
}

/// FHIR R4 `CarePlan.activity.detail.status`.
public enum ActionStatus: String, Vocabulary {
    case notStarted = "not-started"
    case scheduled
    case inProgress = "in-progress"
    case onHold = "on-hold"
    case completed, cancelled, stopped, unknown
    case enteredInError = "entered-in-error"

    /// True once nothing more will happen.
    public var isClosed: Bool {
        switch self {
        case .completed, .cancelled, .stopped, .enteredInError: true
        default: false
        }
    }
}

extension Action: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        description = try object.read(CodingKeys.description)
        assignee = try object.readIfPresent(CodingKeys.assignee)
        dueDate = try object.readIfPresent(CodingKeys.dueDate)
        status = try object.read(CodingKeys.status)
        goalID = try object.readIfPresent(CodingKeys.goalID)
        reviewDate = try object.readIfPresent(CodingKeys.reviewDate)
    }
}

extension Assignee: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        name = try object.read(CodingKeys.name)
        role = try object.readIfPresent(CodingKeys.role)
        team = try object.readIfPresent(CodingKeys.team)
    }
}

extension Action: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 7)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.description, description)
        object.writeIfPresent(CodingKeys.assignee, assignee)
        object.writeIfPresent(CodingKeys.dueDate, dueDate)
        object.write(CodingKeys.status, status)
        object.writeIfPresent(CodingKeys.goalID, goalID)
        object.writeIfPresent(CodingKeys.reviewDate, reviewDate)
        return object.tree
    }
}

extension Assignee: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.name, name)
        object.writeIfPresent(CodingKeys.role, role)
        object.writeIfPresent(CodingKeys.team, team)
        return object.tree
    }
}
