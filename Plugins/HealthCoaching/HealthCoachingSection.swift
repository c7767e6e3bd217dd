package import CarePlanCore

/// The health coaching part of a plan (`extensions["health-coaching"]`): SMART coaching goals,
/// the session log, and patient activation as entered.
package struct HealthCoachingSection: PluginSection, SectionIDIssuer {
    package static let moduleID = "health-coaching"

    /// Coaching goals, `CG1`, `CG2`...
    package var goals: [CoachingGoal]
    /// Sessions, oldest first, `CS1`, `CS2`...
    package var sessions: [CoachingSession]
    /// Patient Activation Measure records, `PA1`...
    package var activation: [ActivationRecord]
    /// The last number issued per id prefix; never reused.
    package var lastIssuedIds: [String: Int]

    package init() {
        goals = []
        sessions = []
        activation = []
        lastIssuedIds = [:]
    }

}

/// A goal the person sets with their coach, made SMART.
package struct CoachingGoal: Codable, Equatable, Sendable {
    /// `CG1`...
    package var id: String
    /// What exactly, in the person's words.
    package var what: String
    /// How it is measured.
    package var measure: String?
    /// The target ("5 days a week").
    package var target: String?
    /// By when.
    package var byDate: CalendarDate?
    /// How much it matters, 0-10.
    package var importance: Int?
    /// How confident the person is, 0-10.
    package var confidence: Int?
    /// Stage of change.
    package var stage: StageOfChange?
    /// The plan goal it serves (G1...).
    package var planGoalId: String?
    /// Plan needs it addresses (N1...).
    package var needIds: [String]
}

/// Stages of change (transtheoretical model).
package enum StageOfChange: String, Vocabulary {
    case precontemplation, contemplation, preparation, action, maintenance
}

/// One coaching session.
package struct CoachingSession: Codable, Equatable, Sendable {
    /// `CS1`...
    package var id: String
    /// When.
    package var heldOn: CalendarDate
    /// How long, in minutes.
    package var durationMinutes: Int?
    /// In person, phone, video or group.
    package var mode: SessionMode
    /// Progress on each goal reviewed.
    package var reviews: [GoalReview]
    /// What went well.
    package var wins: String?
    /// What got in the way.
    package var barriers: String?
    /// Agreed next steps.
    package var nextSteps: String?
    /// The next session.
    package var nextSessionOn: CalendarDate?
}

/// How a session was held.
package enum SessionMode: String, Vocabulary {
    case inPerson = "in-person"
    case phone, video, group
}

/// Progress on one goal at one session: 0-10 as the person rates it, and/or a Goal
/// Attainment Scaling score from -2 to +2 (0 is the expected outcome).
package struct GoalReview: Codable, Equatable, Sendable {
    /// The coaching goal (CG1...).
    package var goalId: String
    /// Progress, 0-10.
    package var progress: Int?
    /// GAS, -2...+2.
    package var gas: Int?
}

/// Patient Activation Measure, as entered (the scoring is proprietary).
package struct ActivationRecord: Codable, Equatable, Sendable {
    /// `PA1`...
    package var id: String
    /// When.
    package var takenOn: CalendarDate
    /// Level 1 (disengaged) to 4 (maintaining).
    package var level: Int
    /// The score as entered.
    package var score: String?
}
