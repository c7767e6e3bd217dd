/// A community service in the directory, in the shape of Open Referral UK (HSDS 3.0),
/// flattened to what a link worker searches and reads.
package struct DirectoryService: Codable, Equatable, Sendable {
    /// The service id (HSDS `service.id`).
    package var id: String
    /// The service name.
    package var name: String
    /// The organisation that runs it.
    package var organization: String?
    /// What it offers.
    package var description: String?
    /// active, inactive, defunct or temporarily closed.
    package var status: ServiceStatus
    /// Categories (taxonomy terms), such as "Loneliness", "Money and debt".
    package var categories: [String]
    /// Areas served ("Westshire", "Hebden Row").
    package var areas: [String]
    /// Where it happens, in words.
    package var address: String?
    /// The postcode of its location.
    package var postcode: String?
    /// Telephone.
    package var phone: String?
    /// Email.
    package var email: String?
    /// Web address.
    package var url: String?
    /// Who can use it.
    package var eligibility: String?
    /// What it costs.
    package var fees: String?
    /// How to get in.
    package var applicationProcess: String?
    /// When it runs, in words ("Tuesdays 10:00-12:00").
    package var schedule: String?
}

/// HSDS service status.
package enum ServiceStatus: String, Codable, Sendable, CaseIterable {
    case active, inactive, defunct
    case temporarilyClosed = "temporarily closed"
}
