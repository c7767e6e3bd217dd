import CarePlanCore
import Foundation
import PostgresNIO

/// Making and upgrading the team store's schema (`careplan store init` and `store upgrade`).
public enum TeamStoreSetup {
    /// Creates the schema in a database that has none, with the PCN that holds the plans and
    /// the login running this as its first admin, all in one transaction: it happens entirely
    /// or not at all.
    ///
    /// The login needs the right to create schemas in the database and roles on the server
    /// (CREATEROLE), as the database's owner or an administrator has.
    public static func initialise(
        _ server: PostgresAddress, organisationCode: String, organisationName: String, adminName: String
    ) throws(StoreError) {
        let link = try PostgresLink(server)
        do {
            let present = try link.query("SELECT to_regnamespace('careplan') IS NOT NULL").first?.decode(Bool.self) ?? false
            if present {
                let version = (try? link.query("SELECT max(version) FROM careplan.schema_version").first?.decode(Int?.self)) ?? nil
                throw StoreError.cannotOpen(
                    path: server.description,
                    reason: "database \(server.database) already has a careplan schema (v\(version ?? 0)); nothing was changed"
                        + ((version ?? 0) < PostgresSchema.latest ? ": bring it up to date with careplan store upgrade" : ""))
            }
            try link.transaction {
                for statement in PostgresSchema.migrations[0] { try link.query(PostgresQuery(unsafeSQL: statement)) }
                for (key, value) in sectionDefaults() {
                    try link.query("INSERT INTO careplan.section_default (key, value) VALUES (\(key), \(value)::jsonb)")
                }
                try link.query(
                    "INSERT INTO careplan.organisation (code, name, kind) VALUES (\(organisationCode), \(organisationName), 'pcn')")
                try link.query(
                    """
                    INSERT INTO careplan.staff (login, display_name, role, organisation)
                    VALUES (session_user, \(adminName), 'admin', \(organisationCode))
                    """)
                for statement in PostgresSchema.migrations.dropFirst().joined() { try link.query(PostgresQuery(unsafeSQL: statement)) }
                try link.query("UPDATE careplan.schema_version SET version = \(PostgresSchema.latest)")
            }
        } catch let error as StoreError {
            throw error
        } catch let failure as PostgresFailure {
            throw failure.storeError(server)
        } catch {
            throw StoreError.cannotOpen(path: server.description, reason: "\(error)")
        }
    }

    /// Applies the migrations a store lacks, each in its own transaction.
    /// - Returns: the versions before and after.
    @discardableResult
    public static func upgrade(_ server: PostgresAddress) throws(StoreError) -> (from: Int, to: Int) {
        let link = try PostgresLink(server)
        do {
            let present = try link.query("SELECT to_regclass('careplan.schema_version') IS NOT NULL").first?.decode(Bool.self) ?? false
            guard present else {
                throw StoreError.cannotOpen(
                    path: server.description, reason: "database \(server.database) has no careplan schema: make it with careplan store init")
            }
            let from = try link.query("SELECT max(version) FROM careplan.schema_version").first?.decode(Int?.self) ?? 0
            if from > PostgresSchema.latest {
                throw StoreError.newerStore(path: server.description, storeVersion: "v\(from)", understood: "v\(PostgresSchema.latest)")
            }
            for version in from..<PostgresSchema.latest {
                try link.transaction {
                    for statement in PostgresSchema.migrations[version] { try link.query(PostgresQuery(unsafeSQL: statement)) }
                    try link.query("UPDATE careplan.schema_version SET version = \(version + 1)")
                }
            }
            return (from, PostgresSchema.latest)
        } catch let error as StoreError {
            throw error
        } catch let failure as PostgresFailure {
            throw failure.storeError(server)
        } catch {
            throw StoreError.cannotOpen(path: server.description, reason: "\(error)")
        }
    }

    /// The schema version a database holds (nil when it has no careplan schema), and the newest
    /// this careplan understands.
    public static func versions(_ server: PostgresAddress) throws(StoreError) -> (store: Int?, understood: Int) {
        let link = try PostgresLink(server)
        do {
            let present = try link.query("SELECT to_regclass('careplan.schema_version') IS NOT NULL").first?.decode(Bool.self) ?? false
            let version = present ? try link.query("SELECT max(version) FROM careplan.schema_version").first?.decode(Int?.self) ?? 0 : nil
            return (version, PostgresSchema.latest)
        } catch let failure as PostgresFailure {
            throw failure.storeError(server)
        } catch {
            throw StoreError.cannotOpen(path: server.description, reason: "\(error)")
        }
    }

    /// Each top-level plan section's value in an empty plan (nil: left out when empty), for
    /// what a partner sees of a section not shared with it.
    static func sectionDefaults() -> [(String, String?)] {
        let empty = Plan(id: "CP-EMPTY", person: Person(name: "-"))
        guard case .object(let members) = PlanJSON.tree(of: empty) else { return [] }
        return PostgresSchema.coreSections.map { key in
            (key, members[key].map { String(decoding: PlanJSON.encode($0), as: UTF8.self) })
        }
    }
}
