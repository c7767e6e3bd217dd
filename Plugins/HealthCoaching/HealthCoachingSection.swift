public import CarePlanCore

/// The health coaching part of a plan (`extensions["health-coaching"]`): SMART coaching goals,
/// the session log, and patient activation as entered.
public struct HealthCoachingSection: PluginSection, SectionIDIssuer {
    public static let moduleID = "health-coaching"

    /// Coaching goals, `CG1`, `CG2`...
    public var goals: [CoachingGoal]
    /// Sessions, oldest first, `CS1`, `CS2`...
    public var sessions: [CoachingSession]
    /// Patient Activation Measure records, `PA1`...
    public var activation: [ActivationRecord]
    /// The last number issued per id prefix; never reused.
    public var lastIssuedIds: [String: Int]

    public init() {
        goals = []
        sessions = []
        activation = []
        lastIssuedIds = [:]
    }

}

/// A goal the person sets with their coach, made SMART.
public struct CoachingGoal: Codable, Equatable, Sendable {
    /// `CG1`...
    public var id: String
    /// What exactly, in the person's words.
    public var what: String
    /// How it is measured.
    public var measure: String?
    /// The target ("5 days a week").
    public var target: String?
    /// By when.
    public var byDate: CalendarDate?
    /// How much it matters, 0-10.
    public var importance: Int?
    /// How confident the person is, 0-10.
    public var confidence: Int?
    /// Stage of change.
    public var stage: StageOfChange?
    /// The plan goal it serves (G1...).
    public var planGoalId: String?
    /// Plan needs it addresses (N1...).
    public var needIds: [String]
}

/// Stages of change (transtheoretical model).
public enum StageOfChange: String, Vocabulary {
    case precontemplation, contemplation, preparation, action, maintenance
}

/// One coaching session.
public struct CoachingSession: Codable, Equatable, Sendable {
    /// `CS1`...
    public var id: String
    /// When.
    public var heldOn: CalendarDate
    /// How long, in minutes.
    public var durationMinutes: Int?
    /// In person, phone, video or group.
    public var mode: SessionMode
    /// Progress on each goal reviewed.
    public var reviews: [GoalReview]
    /// What went well.
    public var wins: String?
    /// What got in the way.
    public var barriers: String?
    /// Agreed next steps.
    public var nextSteps: String?
    /// The next session.
    public var nextSessionOn: CalendarDate?
}

/// How a session was held.
public enum SessionMode: String, Vocabulary {
    case inPerson = "in-person"
    case phone, video, group
}

/// Progress on one goal at one session: 0-10 as the person rates it, and/or a Goal
/// Attainment Scaling score from -2 to +2 (0 is the expected outcome).
public struct GoalReview: Codable, Equatable, Sendable {
    /// The coaching goal (CG1...).
    public var goalId: String
    /// Progress, 0-10.
    public var progress: Int?
    /// GAS, -2...+2.
    public var gas: Int?
}

/// Patient Activation Measure, as entered (the scoring is proprietary).
public struct ActivationRecord: Codable, Equatable, Sendable {
    /// `PA1`...
    public var id: String
    /// When.
    public var takenOn: CalendarDate
    /// Level 1 (disengaged) to 4 (maintaining).
    public var level: Int
    /// The score as entered.
    public var score: String?
}
