/// When the plan will be reviewed, who is responsible, and the reviews already held.
public struct ReviewSchedule: Codable, Hashable, Sendable {
    /// The next planned review.
    public var nextReviewOn: CalendarDate?
    /// How often reviews happen, in weeks.
    public var intervalWeeks: Int?
    /// Who is responsible for the review.
    public var responsible: String?
    /// Reviews held, oldest first.
    public var held: [ReviewRecord]

    /// No review planned yet.
    public init(
        nextReviewOn: CalendarDate? = nil, intervalWeeks: Int? = nil, responsible: String? = nil,
        held: [ReviewRecord] = []
    ) {
        self.nextReviewOn = nextReviewOn
        self.intervalWeeks = intervalWeeks
        self.responsible = responsible
        self.held = held
    }
}

/// A review that took place.
public struct ReviewRecord: Codable, Hashable, Sendable, Identifiable {
    /// `V1`, `V2`...
    public var id: EntryID
    /// When it was held.
    public var heldOn: CalendarDate
    /// Who held it.
    public var heldBy: String?
    /// What was said and decided.
    public var summary: String?

    /// A review held on `date`.
    public init(id: EntryID, heldOn date: CalendarDate, heldBy: String? = nil, summary: String? = nil) {
        self.id = id
        self.heldOn = date
        self.heldBy = heldBy
        self.summary = summary
    }
}

extension ReviewSchedule: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        nextReviewOn = try object.readIfPresent(CodingKeys.nextReviewOn)
        intervalWeeks = try object.readIfPresent(CodingKeys.intervalWeeks)
        responsible = try object.readIfPresent(CodingKeys.responsible)
        held = try object.read(CodingKeys.held)
    }
}

extension ReviewRecord: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        heldOn = try object.read(CodingKeys.heldOn)
        heldBy = try object.readIfPresent(CodingKeys.heldBy)
        summary = try object.readIfPresent(CodingKeys.summary)
    }
}

extension ReviewSchedule: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 4)
        object.writeIfPresent(CodingKeys.nextReviewOn, nextReviewOn)
        object.writeIfPresent(CodingKeys.intervalWeeks, intervalWeeks)
        object.writeIfPresent(CodingKeys.responsible, responsible)
        object.write(CodingKeys.held, held)
        return object.tree
    }
}

extension ReviewRecord: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 4)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.heldOn, heldOn)
        object.writeIfPresent(CodingKeys.heldBy, heldBy)
        object.writeIfPresent(CodingKeys.summary, summary)
        return object.tree
    }
}
