/// A need, concern or problem, in the person's words (PRSB "Needs, concerns or problems").
public struct Need: Codable, Hashable, Sendable, Identifiable {
    /// `N1`, `N2`...
    public var id: EntryID
    /// The person's words.
    public var description: String
    /// Which area of life it is about (Holistic Needs Assessment domains).
    public var domain: NeedDomain
    /// How much it worries the person, 0 (not at all) to 10 (extremely).
    public var concernScore: Int?
    /// Whether it is still open.
    public var status: NeedStatus
    /// When it was raised.
    public var raisedOn: CalendarDate?

    /// An open need.
    public init(
        id: EntryID, description: String, domain: NeedDomain, concernScore: Int? = nil,
        status: NeedStatus = .open, raisedOn: CalendarDate? = nil
    ) {
        self.id = id
        self.description = description
        self.domain = domain
        self.concernScore = concernScore
        self.status = status
        self.raisedOn = raisedOn
    }
}

/// Areas of life a need can sit in (after the Macmillan Holistic Needs Assessment).
public enum NeedDomain: String, Vocabulary {
    case physical
    case emotional
    case practical
    case financial
    case familyAndRelationships = "family-and-relationships"
    case spiritual
    case lifestyleAndInformation = "lifestyle-and-information"
    case housingAndSocial = "housing-and-social"
}

/// Where a need stands.
public enum NeedStatus: String, Vocabulary {
    case open
    case inProgress = "in-progress"
    case resolved
    case noLongerAConcern = "no-longer-a-concern"
}

extension Need: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        description = try object.read(CodingKeys.description)
        domain = try object.read(CodingKeys.domain)
        concernScore = try object.readIfPresent(CodingKeys.concernScore)
        status = try object.read(CodingKeys.status)
        raisedOn = try object.readIfPresent(CodingKeys.raisedOn)
    }
}

extension Need: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 6)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.description, description)
        object.write(CodingKeys.domain, domain)
        object.writeIfPresent(CodingKeys.concernScore, concernScore)
        object.write(CodingKeys.status, status)
        object.writeIfPresent(CodingKeys.raisedOn, raisedOn)
        return object.tree
    }
}
