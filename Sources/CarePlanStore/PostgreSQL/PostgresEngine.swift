import CarePlanCore
import Foundation
import PostgresNIO

/// The team store (PostgreSQL): one database for a PCN's staff and the partners it shares with.
///
/// The database decides who may see and change what (row-level security, see
/// `PostgresSchema`) and stamps every revision and audit row with the login; this engine only
/// asks. A partner organisation's login reads shared plans through `shared_revision`, which
/// holds only the shared sections, and may not change them.
final class PostgresEngine: StoreEngine, @unchecked Sendable {
    let link: PostgresLink
    let dueItems: DueItemIndex
    /// Who the login is, from the staff list.
    let identity: StaffIdentity
    let isReadOnly: Bool
    let localFolder: String
    var location: String { link.server.description }
    /// Where revision bodies are read: the table for the plan's holders, the scoped view for partners.
    let revisions: String

    init(_ server: PostgresAddress, dueItems: DueItemIndex, environment: [String: String]) throws(StoreError) {
        link = try PostgresLink(server)
        self.dueItems = dueItems
        localFolder = FilePathText.folder(of: StoreLocation.defaultPath(environment: environment.filter { $0.key != "CAREPLAN_STORE" }))
        do {
            try Self.checkSchema(link)
            guard let identity = try Self.identity(link) else { throw Self.notOnStaffList(server) }
            self.identity = identity
        } catch let failure as PostgresFailure {
            throw failure.storeError(server)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: server.description, reason: "\(error)")
        }
        isReadOnly = identity.organisationKind == "partner" || identity.role == "manager"
        revisions = identity.organisationKind == "partner" ? "careplan.shared_revision" : "careplan.revision"
        if !isReadOnly {
            do {
                try rebuildIndexIfNeeded()
            } catch {
                throw storeError(error)
            }
        }
    }

    /// Refuses a database without the schema, or with one older or newer than this careplan's.
    static func checkSchema(_ link: PostgresLink) throws {
        let found = try link.query("SELECT to_regnamespace('careplan') IS NOT NULL")
        guard try found.first?.decode(Bool.self) == true else {
            throw StoreError.cannotOpen(
                path: link.server.description,
                reason: "database \(link.server.database) has no careplan schema: make it with careplan store init")
        }
        guard try link.query("SELECT has_schema_privilege('careplan', 'USAGE')").first?.decode(Bool.self) == true else {
            throw notOnStaffList(link.server)
        }
        let version = try link.query("SELECT max(version) FROM careplan.schema_version").first?.decode(Int?.self) ?? 0
        if version > PostgresSchema.latest {
            throw StoreError.newerStore(path: link.server.description, storeVersion: "v\(version)", understood: "v\(PostgresSchema.latest)")
        }
        if version < PostgresSchema.latest {
            throw StoreError.cannotOpen(
                path: link.server.description,
                reason: "it has schema v\(version), and this careplan needs v\(PostgresSchema.latest); nothing was changed: "
                    + "bring it up to date with careplan store upgrade")
        }
    }

    static func notOnStaffList(_ server: PostgresAddress) -> StoreError {
        StoreError.notPermitted(
            reason: "login \(server.user) is not on this team store's staff list: ask the team's admin to add it "
                + "(careplan staff add \(server.user) --name NAME --role ROLE --organisation CODE)")
    }

    static func identity(_ link: PostgresLink) throws -> StaffIdentity? {
        let rows = try link.query(
            """
            SELECT session_user::text, s.display_name, s.role, s.organisation, o.name, o.kind
            FROM careplan.staff s JOIN careplan.organisation o ON o.code = s.organisation WHERE s.login = session_user
            """)
        return try rows.first.map(StaffIdentity.init(row:))
    }

    /// The store error for anything a call threw.
    func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let failure = error as? PostgresFailure { return failure.storeError(link.server) }
        return .unavailable(location: location, reason: "\(error)")
    }

    /// Runs `work`, turning what it throws into store errors.
    @discardableResult
    func mapped<T>(_ work: () throws -> T) throws(StoreError) -> T {
        do {
            return try work()
        } catch {
            throw storeError(error)
        }
    }

    /// The channel on which changes to `planID` are announced.
    static func channel(for planID: String) -> String { "careplan plan \(planID)" }

    func integrityCheck() throws -> String {
        try mapped {
            let orphans =
                try link.query(
                    """
                    SELECT count(*) FROM careplan.plan p
                    WHERE NOT EXISTS (SELECT 1 FROM careplan.revision r WHERE r.plan_id = p.id AND r.number = p.head_revision)
                    """
                ).first?.decode(Int.self) ?? 0
            return orphans == 0 ? "ok" : "\(orphans) plans have no head revision"
        }
    }
}

/// A staff member, as the team store knows the login.
public struct StaffIdentity: Sendable, Equatable {
    /// From a row of login, display name, role, organisation code, name and kind.
    init(row: PostgresRow) throws {
        (login, displayName, role, organisationCode, organisationName, organisationKind) = try row.decode(
            (String, String, String, String, String, String).self)
    }

    /// The database login.
    public var login: String
    /// The name revisions and the audit show.
    public var displayName: String
    /// SPLW, HWBC, CC, manager or admin.
    public var role: String
    /// The organisation's code, name and kind (pcn or partner).
    public var organisationCode: String
    public var organisationName: String
    public var organisationKind: String
}
