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
