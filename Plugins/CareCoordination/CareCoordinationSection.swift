public import CarePlanCore

/// The care coordination part of a plan (`extensions["care-coordination"]`): tasks,
/// appointments and tests being tracked, and cancer pathway dates.
public struct CareCoordinationSection: PluginSection, SectionIDIssuer {
    public static let moduleID = "care-coordination"

    /// Coordination tasks, `T1`, `T2`...
    public var tasks: [CoordinationTask]
    /// Appointments and tests being tracked, `K1`, `K2`...
    public var tracked: [TrackedItem]
    /// Cancer pathway dates, when the person is on one.
    public var cancerPathway: CancerPathway?
    /// The last number issued per id prefix; never reused.
    public var lastIssuedIds: [String: Int]

    public init() {
        tasks = []
        tracked = []
        cancerPathway = nil
        lastIssuedIds = [:]
    }

}

/// Something the coordinator (or a colleague) must do so nothing slips.
public struct CoordinationTask: Codable, Equatable, Sendable {
    /// `T1`...
    public var id: String
    /// What to do.
    public var title: String
    /// Who does it.
    public var owner: String
    /// When it is due.
    public var dueOn: CalendarDate?
    /// How urgent.
    public var priority: TaskPriority
    /// Where it stands.
    public var status: TaskStatus
    /// The plan referral it chases (R1...).
    public var referralId: String?
    /// The plan goal it serves (G1...).
    public var goalId: String?
    /// What was done, when done.
    public var completionNote: String?
    /// Every status change with its day and note, oldest first.
    public var history: [TaskStatusChange]

    /// A task; its history starts with its status on `createdOn`.
    public init(
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
public struct TaskStatusChange: Codable, Equatable, Sendable {
    /// The status.
    public var status: TaskStatus
    /// The day.
    public var on: CalendarDate
    /// Why (required when a done task is reopened).
    public var note: String?

    /// A step.
    public init(status: TaskStatus, on date: CalendarDate, note: String?) {
        self.status = status
        self.on = date
        self.note = note
    }
}

/// Task priority.
public enum TaskPriority: String, Vocabulary {
    case low, normal, high, urgent
}

/// Task status.
public enum TaskStatus: String, Vocabulary {
    case toDo = "to-do"
    case inProgress = "in-progress"
    case waiting, done, cancelled

    /// True once nothing more is expected.
    public var isClosed: Bool { self == .done || self == .cancelled }
}

/// An appointment or test being tracked.
public struct TrackedItem: Codable, Equatable, Sendable {
    /// `K1`...
    public var id: String
    /// What it is ("Colonoscopy").
    public var what: String
    /// Where.
    public var place: String?
    /// When (the appointment day, or when it should be booked by).
    public var on: CalendarDate?
    /// Where it stands.
    public var status: TrackedStatus
    /// Every change with its day.
    public var history: [TrackedStatusChange]
}

/// One step in a tracked item's life.
public struct TrackedStatusChange: Codable, Equatable, Sendable {
    /// The status.
    public var status: TrackedStatus
    /// The day.
    public var on: CalendarDate
}

/// Where an appointment or test stands.
public enum TrackedStatus: String, Vocabulary {
    case toBook = "to-book"
    case booked, attended
    case didNotAttend = "did-not-attend"
    case rebooked
    case resultReceived = "result-received"

    /// True while the coordinator still has something to chase.
    public var isOpen: Bool { self == .toBook || self == .booked || self == .rebooked || self == .didNotAttend }

    /// True for the steps that set an appointment day.
    public var isBooking: Bool { self == .booked || self == .rebooked }

    /// Where it may go next: a missed appointment is rebooked before it can be attended, and
    /// a result follows an attendance.
    public var allowedNext: [TrackedStatus] {
        switch self {
        case .toBook: [.booked]
        case .booked, .rebooked: [.attended, .didNotAttend, .rebooked, .toBook]
        case .didNotAttend: [.rebooked, .booked, .toBook]
        case .attended: [.resultReceived]
        case .resultReceived: []
        }
    }
}

/// Dates on a cancer pathway (England, from October 2023: 28-day Faster Diagnosis Standard,
/// 31-day decision to treat to treatment, 62-day referral to treatment).
public struct CancerPathway: Codable, Equatable, Sendable {
    /// Urgent suspected cancer (or screening) referral, or consultant upgrade.
    public var referredOn: CalendarDate
    /// Cancer diagnosed or ruled out.
    public var diagnosedOn: CalendarDate?
    /// Decision to treat.
    public var decisionToTreatOn: CalendarDate?
    /// First treatment.
    public var treatmentStartedOn: CalendarDate?

    /// Pathway dates; only the referral is required.
    public init(
        referredOn: CalendarDate, diagnosedOn: CalendarDate? = nil, decisionToTreatOn: CalendarDate? = nil,
        treatmentStartedOn: CalendarDate? = nil
    ) {
        self.referredOn = referredOn
        self.diagnosedOn = diagnosedOn
        self.decisionToTreatOn = decisionToTreatOn
        self.treatmentStartedOn = treatmentStartedOn
    }
}
