/// PRSB "Agreed with person or legitimate representative".
public struct Agreement: Codable, Hashable, Sendable {
    /// Who agreed the plan.
    public var agreedBy: AgreedBy
    /// The representative's name, when a representative agreed.
    public var representativeName: String?
    /// The representative's relationship to the person.
    public var representativeRelationship: String?
    /// When it was agreed.
    public var agreedOn: CalendarDate
    /// The member of staff who recorded the agreement.
    public var recordedBy: String?

    /// An agreement on `date`.
    public init(
        agreedBy: AgreedBy, on date: CalendarDate, representativeName: String? = nil,
        representativeRelationship: String? = nil, recordedBy: String? = nil
    ) {
        self.agreedBy = agreedBy
        self.agreedOn = date
        self.representativeName = representativeName
        self.representativeRelationship = representativeRelationship
        self.recordedBy = recordedBy
    }
}

/// Who agreed a plan.
public enum AgreedBy: String, Vocabulary {
    case person
    case representative
}

/// Consent for sharing information (PRSB Social Prescribing standard).
public struct Consent: Codable, Hashable, Sendable {
    /// Given, declined or limited.
    public var status: ConsentStatus
    /// When it was recorded.
    public var recordedOn: CalendarDate
    /// What may be shared, and with whom; required when consent is limited.
    public var scope: String?
    /// The member of staff who recorded it.
    public var recordedBy: String?

    /// Consent recorded on `date`.
    public init(status: ConsentStatus, on date: CalendarDate, scope: String? = nil, recordedBy: String? = nil) {
        self.status = status
        self.recordedOn = date
        self.scope = scope
        self.recordedBy = recordedBy
    }
}

/// The person's answer on information sharing.
public enum ConsentStatus: String, Vocabulary {
    case given, declined, limited
}

extension Agreement: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        agreedBy = try object.read(CodingKeys.agreedBy)
        representativeName = try object.readIfPresent(CodingKeys.representativeName)
        representativeRelationship = try object.readIfPresent(CodingKeys.representativeRelationship)
        agreedOn = try object.read(CodingKeys.agreedOn)
        recordedBy = try object.readIfPresent(CodingKeys.recordedBy)
    }
}

extension Consent: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        status = try object.read(CodingKeys.status)
        recordedOn = try object.read(CodingKeys.recordedOn)
        scope = try object.readIfPresent(CodingKeys.scope)
        recordedBy = try object.readIfPresent(CodingKeys.recordedBy)
    }
}

extension Agreement: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 5)
        object.write(CodingKeys.agreedBy, agreedBy)
        object.writeIfPresent(CodingKeys.representativeName, representativeName)
        object.writeIfPresent(CodingKeys.representativeRelationship, representativeRelationship)
        object.write(CodingKeys.agreedOn, agreedOn)
        object.writeIfPresent(CodingKeys.recordedBy, recordedBy)
        return object.tree
    }
}

extension Consent: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 4)
        object.write(CodingKeys.status, status)
        object.write(CodingKeys.recordedOn, recordedOn)
        object.writeIfPresent(CodingKeys.scope, scope)
        object.writeIfPresent(CodingKeys.recordedBy, recordedBy)
        return object.tree
    }
}
