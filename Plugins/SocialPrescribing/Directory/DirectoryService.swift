/// A community service in the directory, in the shape of Open Referral UK (HSDS 3.0),
/// flattened to what a link worker searches and reads.
public struct DirectoryService: Codable, Equatable, Sendable {
    /// The service id (HSDS `service.id`).
    public var id: String
    /// The service name.
    public var name: String
    /// The organisation that runs it.
    public var organization: String?
    /// What it offers.
    public var description: String?
    /// active, inactive, defunct or temporarily closed.
    public var status: ServiceStatus
    /// Categories (taxonomy terms), such as "Loneliness", "Money and debt".
    public var categories: [String]
    /// Areas served ("Westshire", "Hebden Row").
    public var areas: [String]
    /// Where it happens, in words.
    public var address: String?
    /// The postcode of its location.
    public var postcode: String?
    /// Telephone.
    public var phone: String?
    /// Email.
    public var email: String?
    /// Web address.
    public var url: String?
    /// Who can use it.
    public var eligibility: String?
    /// What it costs.
    public var fees: String?
    /// How to get in.
    public var applicationProcess: String?
    /// When it runs, in words ("Tuesdays 10:00-12:00").
    public var schedule: String?
}

/// HSDS service status.
public enum ServiceStatus: String, Codable, Sendable, CaseIterable {
    case active, inactive, defunct
    case temporarilyClosed = "temporarily closed"
}
