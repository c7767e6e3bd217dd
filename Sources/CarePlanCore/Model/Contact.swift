/// A professional involved in the person's care (PRSB "Professional contacts").
public struct ProfessionalContact: Codable, Hashable, Sendable, Identifiable {
    /// `C1`, `C2`... (shared with personal contacts).
    public var id: EntryID
    /// Their name.
    public var name: String
    /// Their role ("Social Prescribing Link Worker", "Practice Nurse").
    public var role: String
    /// Their team.
    public var team: String?
    /// Their organisation.
    public var organisation: String?
    /// Telephone.
    public var phone: String?
    /// Email.
    public var email: String?
    /// The person's main point of contact.
    public var isKeyWorker: Bool

    /// A professional contact.
    public init(
        id: EntryID, name: String, role: String, team: String? = nil, organisation: String? = nil,
        phone: String? = nil, email: String? = nil, isKeyWorker: Bool = false
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.team = team
        self.organisation = organisation
        self.phone = phone
        self.email = email
        self.isKeyWorker = isKeyWorker
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, team, organisation, phone, email, isKeyWorker = "keyWorker"
    }
}

/// Someone close to the person (PRSB "Personal contacts").
public struct PersonalContact: Codable, Hashable, Sendable, Identifiable {
    /// `C1`, `C2`... (shared with professional contacts).
    public var id: EntryID
    /// Their name.
    public var name: String
    /// How they are related ("daughter", "neighbour").
    public var relationship: String?
    /// The parts they play: carer, next of kin, emergency contact.
    public var roles: [PersonalContactRole]
    /// Telephone.
    public var phone: String?
    /// Email.
    public var email: String?

    /// A personal contact.
    public init(
        id: EntryID, name: String, relationship: String? = nil, roles: [PersonalContactRole] = [],
        phone: String? = nil, email: String? = nil
    ) {
        self.id = id
        self.name = name
        self.relationship = relationship
        self.roles = roles
        self.phone = phone
        self.email = email
    }
}

/// The parts a personal contact can play.
public enum PersonalContactRole: String, Vocabulary {
    case carer
    case nextOfKin = "next-of-kin"
    case emergencyContact = "emergency-contact"
}

extension ProfessionalContact: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        name = try object.read(CodingKeys.name)
        role = try object.read(CodingKeys.role)
        team = try object.readIfPresent(CodingKeys.team)
        organisation = try object.readIfPresent(CodingKeys.organisation)
        phone = try object.readIfPresent(CodingKeys.phone)
        email = try object.readIfPresent(CodingKeys.email)
        isKeyWorker = try object.read(CodingKeys.isKeyWorker)
    }
}

extension PersonalContact: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        id = try object.read(CodingKeys.id)
        name = try object.read(CodingKeys.name)
        relationship = try object.readIfPresent(CodingKeys.relationship)
        roles = try object.read(CodingKeys.roles)
        phone = try object.readIfPresent(CodingKeys.phone)
        email = try object.readIfPresent(CodingKeys.email)
    }
}

extension ProfessionalContact: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 8)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.name, name)
        object.write(CodingKeys.role, role)
        object.writeIfPresent(CodingKeys.team, team)
        object.writeIfPresent(CodingKeys.organisation, organisation)
        object.writeIfPresent(CodingKeys.phone, phone)
        object.writeIfPresent(CodingKeys.email, email)
        object.write(CodingKeys.isKeyWorker, isKeyWorker)
        return object.tree
    }
}

extension PersonalContact: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 6)
        object.write(CodingKeys.id, id)
        object.write(CodingKeys.name, name)
        object.writeIfPresent(CodingKeys.relationship, relationship)
        object.write(CodingKeys.roles, roles)
        object.writeIfPresent(CodingKeys.phone, phone)
        object.writeIfPresent(CodingKeys.email, email)
        return object.tree
    }
}
