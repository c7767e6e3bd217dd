package import CarePlanCore

/// The care coordination part of a plan (`extensions["care-coordination"]`): tasks, and
/// appointments and tests being tracked. (careplan 0.1 kept cancer pathway dates here as
/// `cancerPathway`; the cancer care module moves them to its own section.)
package struct CareCoordinationSection: PluginSection, SectionIDIssuer {
    package static let moduleID = "care-coordination"

    /// Coordination tasks, `T1`, `T2`...
    package var tasks: [CoordinationTask]
    /// Appointments and tests being tracked, `K1`, `K2`...
    package var tracked: [TrackedItem]
    /// The last number issued per id prefix; never reused.
    package var lastIssuedIds: [String: Int]

    package init() {
        tasks = []
        tracked = []
        lastIssuedIds = [:]
    }

}

/// Something the coordinator (or a colleague) must do so nothing slips.
package struct CoordinationTask: Codable, Equatable, Sendable {
    /// `T1`...
    package var id: String
    /// What to do.
    package var title: String
    /// Who does it.
    package var owner: String
    /// When it is due.
    package var dueOn: CalendarDate?
    /// How urgent.
    package var priority: TaskPriority
    /// Where it stands.
    package var status: TaskStatus
    /// The plan referral it chases (R1...).
    package var referralId: String?
    /// The plan goal it serves (G1...).
    package var goalId: String?
    /// What was done, when done.
    package var completionNote: String?
    /// Every status change with its day and note, oldest first.
    package var history: [TaskStatusChange]

    /// A task; its history starts with its status on `createdOn`.
    package init(
        id: String, title: String, owner: String, dueOn: CalendarDate?, priority: TaskPriority = .normal,
        status: TaskStatus = .toDo, referralId: String? = nil, goalId: String? = nil, createdOn: CalendarDate
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.dueOn = dueOn
        self.priority = priority
        self.status = status
        self.referralId = referralId
        self.goalId = goalId
        self.completionNote = nil
        self.history = [TaskStatusChange(status: status, on: createdOn, note: nil)]
    }
}

/// One step in a task's life.
package struct TaskStatusChange: Codable, Equatable, Sendable {
    /// The status.
    package var status: TaskStatus
    /// The day.
    package var on: CalendarDate
    /// Why (required when a done task is reopened).
    package var note: String?

    /// A step.
    package init(status: TaskStatus, on date: CalendarDate, note: String?) {
        self.status = status
        self.on = date
        self.note = note
    }
}

/// Task priority.
package enum TaskPriority: String, Vocabulary {
    case low, normal, high, urgent
}

/// Task status.
package enum TaskStatus: String, Vocabulary {
    case toDo = "to-do"
    case inProgress = "in-progress"
    case waiting, done, cancelled

    /// True once nothing more is expected.
    package var isClosed: Bool { self == .done || self == .cancelled }
}

/// An appointment or test being tracked.
package struct TrackedItem: Codable, Equatable, Sendable {
    /// `K1`...
    package var id: String
    /// What it is ("Colonoscopy").
    package var what: String
    /// Where.
    package var place: String?
    /// When (the appointment day, or when it should be booked by).
    package var on: CalendarDate?
    /// Where it stands.
    package var status: TrackedStatus
    /// Every change with its day.
    package var history: [TrackedStatusChange]
}

/// One step in a tracked item's life.
package struct TrackedStatusChange: Codable, Equatable, Sendable {
    /// The status.
    package var status: TrackedStatus
    /// The day.
    package var on: CalendarDate
}

/// Where an appointment or test stands.
package enum TrackedStatus: String, Vocabulary {
    case toBook = "to-book"
    case booked, attended
    case didNotAttend = "did-not-attend"
    case rebooked
    case resultReceived = "result-received"

    /// True while the coordinator still has something to chase.
    package var isOpen: Bool { self == .toBook || self == .booked || self == .rebooked || self == .didNotAttend }

    /// True for the steps that set an appointment day.
    package var isBooking: Bool { self == .booked || self == .rebooked }

    /// Where it may go next: a missed appointment is rebooked before it can be attended, and
    /// a result follows an attendance.
    package var allowedNext: [TrackedStatus] {
        switch self {
        case .toBook: [.booked]
        case .booked, .rebooked: [.attended, .didNotAttend, .rebooked, .toBook]
        case .didNotAttend: [.rebooked, .booked, .toBook]
        case .attended: [.resultReceived]
        case .resultReceived: []
        }
    }
}

// Read straight from the parsed tree and written straight as one (see TreeReadable and
// TreeWritable in CarePlanCore): every plan check reads this section, the largest most
// caseloads hold. SectionReaderTests holds these to Codable.
extension CareCoordinationSection: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        tasks = try object.read(CodingKeys.tasks)
        tracked = try object.read(CodingKeys.tracked)
        lastIssuedIds = try object.read(CodingKeys.lastIssuedIds)
    }
}

extension CoordinationTask: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        title = try object.read(CodingKeys.title)
        owner = try object.read(CodingKeys.owner)
        dueOn = try object.readIfPresent(CodingKeys.dueOn)
        priority = try object.read(CodingKeys.priority)
        status = try object.read(CodingKeys.status)
        referralId = try object.readIfPresent(CodingKeys.referralId)
        goalId = try object.readIfPresent(CodingKeys.goalId)
        completionNote = try object.readIfPresent(CodingKeys.completionNote)
        history = try object.read(CodingKeys.history)
    }
}

extension TaskStatusChange: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        status = try object.read(CodingKeys.status)
        on = try object.read(CodingKeys.on)
        note = try object.readIfPresent(CodingKeys.note)
    }
}

extension TrackedItem: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        what = try object.read(CodingKeys.what)
        place = try object.readIfPresent(CodingKeys.place)
        on = try object.readIfPresent(CodingKeys.on)
        status = try object.read(CodingKeys.status)
        history = try object.read(CodingKeys.history)
    }
}

extension TrackedStatusChange: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        status = try object.read(CodingKeys.status)
        on = try object.read(CodingKeys.on)
    }
}

extension TaskPriority: TreeReadable, TreeWritable {}
extension TaskStatus: TreeReadable, TreeWritable {}
extension TrackedStatus: TreeReadable, TreeWritable {}

extension CareCoordinationSection: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.tasks, tasks)
        object.write(CodingKeys.tracked, tracked)
        object.write(CodingKeys.lastIssuedIds, lastIssuedIds)
        return object.tree
    }
}

extension CoordinationTask: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 10)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.title, title)
        object.write(CodingKeys.owner, owner)
        object.writeIfPresent(CodingKeys.dueOn, dueOn)
        object.write(CodingKeys.priority, priority)
        object.write(CodingKeys.status, status)
        object.writeIfPresent(CodingKeys.referralId, referralId)
        object.writeIfPresent(CodingKeys.goalId, goalId)
        object.writeIfPresent(CodingKeys.completionNote, completionNote)
        object.write(CodingKeys.history, history)
        return object.tree
    }
}

extension TaskStatusChange: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 3)
        object.write(CodingKeys.status, status)
        object.write(CodingKeys.on, on)
        object.writeIfPresent(CodingKeys.note, note)
        return object.tree
    }
}

extension TrackedItem: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 6)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.what, what)
        object.writeIfPresent(CodingKeys.place, place)
        object.writeIfPresent(CodingKeys.on, on)
        object.write(CodingKeys.status, status)
        object.write(CodingKeys.history, history)
        return object.tree
    }
}

extension TrackedStatusChange: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 2)
        object.write(CodingKeys.status, status)
        object.write(CodingKeys.on, on)
        return object.tree
    }
}
