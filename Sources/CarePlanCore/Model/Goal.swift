/// A goal or hope, in the person's words, with how it will be measured.
public struct Goal: Codable, Hashable, Sendable, Identifiable {
    /// `G1`, `G2`...
    public var id: EntryID
    /// The person's words.
    public var description: String
    /// The needs this goal addresses.
    public var needIDs: [EntryID]
    /// How much it matters to the person, 1 to 10.
    public var importance: Int?
    /// How confident the person is of reaching it, 1 to 10.
    public var confidence: Int?
    /// When the person hopes to reach it.
    public var targetDate: CalendarDate?
    /// FHIR `Goal.lifecycleStatus`.
    public var lifecycleStatus: GoalLifecycleStatus
    /// FHIR `Goal.achievementStatus`.
    public var achievementStatus: GoalAchievementStatus?
    /// How progress is measured ("walk to the shop without stopping").
    public var measure: String?
    /// The outcome, once there is one, in the person's words.
    public var outcome: String?

    /// A proposed goal.
    public init(
        id: EntryID, description: String, needIDs: [EntryID] = [], importance: Int? = nil,
        confidence: Int? = nil, targetDate: CalendarDate? = nil,
        lifecycleStatus: GoalLifecycleStatus = .proposed,
        achievementStatus: GoalAchievementStatus? = nil, measure: String? = nil,
        outcome: String? = nil
    ) {
        self.id = id
        self.description = description
        self.needIDs = needIDs
        self.importance = importance
        self.confidence = confidence
        self.targetDate = targetDate
        self.lifecycleStatus = lifecycleStatus
        self.achievementStatus = achievementStatus
        self.measure = measure
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey {
        case id, description, needIDs = "needIds", importance, confidence, targetDate,
            lifecycleStatus, achievementStatus, measure, outcome
    }
}

/// FHIR R4 `Goal.lifecycleStatus`.
public enum GoalLifecycleStatus: String, Vocabulary {
    case proposed, planned, accepted, active
    case onHold = "on-hold"
    case completed, cancelled
    case enteredInError = "entered-in-error"
    case rejected
}

/// FHIR R4 `Goal.achievementStatus`.
public enum GoalAchievementStatus: String, Vocabulary {
    case inProgress = "in-progress"
    case improving, worsening
    case noChange = "no-change"
    case achieved, sustaining
    case notAchieved = "not-achieved"
    case noProgress = "no-progress"
    case notAttainable = "not-attainable"
}

extension Goal: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        description = try object.read(CodingKeys.description)
        needIDs = try object.read(CodingKeys.needIDs)
        importance = try object.readIfPresent(CodingKeys.importance)
        confidence = try object.readIfPresent(CodingKeys.confidence)
        targetDate = try object.readIfPresent(CodingKeys.targetDate)
        lifecycleStatus = try object.read(CodingKeys.lifecycleStatus)
        achievementStatus = try object.readIfPresent(CodingKeys.achievementStatus)
        measure = try object.readIfPresent(CodingKeys.measure)
        outcome = try object.readIfPresent(CodingKeys.outcome)
    }
}

extension Goal: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 10)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.description, description)
        object.write(CodingKeys.needIDs, needIDs)
        object.writeIfPresent(CodingKeys.importance, importance)
        object.writeIfPresent(CodingKeys.confidence, confidence)
        object.writeIfPresent(CodingKeys.targetDate, targetDate)
        object.write(CodingKeys.lifecycleStatus, lifecycleStatus)
        object.writeIfPresent(CodingKeys.achievementStatus, achievementStatus)
        object.writeIfPresent(CodingKeys.measure, measure)
        object.writeIfPresent(CodingKeys.outcome, outcome)
        return object.tree
    }
}
