package import CarePlanCore
package import CarePlanStore
import Foundation

/// Which engine a test runs on. Store and end-to-end tests take both as arguments.
package enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    package var description: String { rawValue }
}

/// The PostgreSQL server scripts/test starts for the suite (CAREPLAN_TEST_POSTGRES, with the
/// superuser's password in CAREPLAN_TEST_PGPASSWORD). Each test gets a database of its own.
package enum TestPostgres {
    /// The server's superuser address (no password), or a reason there is none.
    static func server() throws -> (url: String, password: String) {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["CAREPLAN_TEST_POSTGRES"], let password = environment["CAREPLAN_TEST_PGPASSWORD"] else {
            throw TestPostgresError(
                "no PostgreSQL server for the team store tests: run them with bash scripts/test, which starts one "
                    + "(or set CAREPLAN_TEST_POSTGRES and CAREPLAN_TEST_PGPASSWORD)")
        }
        return (url, password)
    }

    /// True on the server scripts/test starts and removes after the run (it sets
    /// CAREPLAN_TEST_PGDATA): there a template may be left behind; on a developer's own server
    /// nothing is.
    static var isThrowaway: Bool { ProcessInfo.processInfo.environment["CAREPLAN_TEST_PGDATA"] != nil }

    /// psql, as installed with the server.
    static var psqlPath: String {
        let bin = ProcessInfo.processInfo.environment["CAREPLAN_TEST_PGBIN"] ?? "/usr/bin"
        return FileManager.default.isExecutableFile(atPath: bin + "/psql") ? bin + "/psql" : "/usr/bin/psql"
    }
}

/// Why a PostgreSQL test could not set itself up.
package struct TestPostgresError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}

/// A database of its own on the test server, with the careplan schema made by `store init`'s
/// code, its PCN `PCN1` and an admin login; logins for staff are made on request.
package final class TestTeamDatabase: @unchecked Sendable {
    package let name: String
    /// The part of every address before the login: host and port.
    private let hostAndPort: String
    private let adminPassword: String
    private let adminLogin: String
    /// Logins made for this database (their names carry the database's suffix).
    private var passwords: [String: String] = [:]
    private let suffix: String
    private let home: TemporaryDirectory

    /// A new database with the schema; its admin is "Ada Admin" of PCN1 (Calder PCN).
    package init() throws {
        let (url, password) = try TestPostgres.server()
        guard let components = URLComponents(string: url), let host = components.host, let port = components.port,
            let user = components.user
        else { throw TestPostgresError("CAREPLAN_TEST_POSTGRES is not an address: \(url)") }
        let server = "\(host):\(port)"
        hostAndPort = server
        adminPassword = password
        adminLogin = user
        suffix = Self.newSuffix()
        name = "careplan_test_\(suffix)"
        home = try TemporaryDirectory()
        if TestPostgres.isThrowaway {
            let template = try SchemaTemplate.shared.name {
                let template = "careplan_test_template_\(Self.newSuffix())"
                try Self.makeSchema(in: template, admin: user, at: server, password: password)
                return template
            }
            try psqlAsAdmin(database: "postgres", "CREATE DATABASE \(name) TEMPLATE \(template)")
        } else {
            try Self.makeSchema(in: name, admin: user, at: server, password: password)
        }
        passwords[adminLogin] = adminPassword
    }

    /// Makes database `name` with the schema made by `store init`'s code.
    private static func makeSchema(in name: String, admin: String, at hostAndPort: String, password: String) throws {
        let home = try TemporaryDirectory()
        try psqlAsAdmin(admin, at: hostAndPort, password: password, database: "postgres", "CREATE DATABASE \(name)")
        let address = try PostgresAddress(
            url: "postgresql://\(admin)@\(hostAndPort)/\(name)", environment: ["PGPASSWORD": password, "HOME": home.url.path])
        try TeamStoreSetup.initialise(address, organisationCode: "PCN1", organisationName: "Calder PCN", adminName: "Ada Admin")
    }

    private static func newSuffix() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased())
    }

    deinit {
        // The suite's server is thrown away after the run; a server of the developer's own is
        // left as it was found.
        _ = try? Self.psql(
            url: "postgresql://\(adminLogin)@\(hostAndPort)/postgres", password: adminPassword,
            "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// The admin login.
    package var admin: String { adminLogin }

    /// The environment a process needs to log in as `login`: its password in PGPASSWORD.
    package func environment(for login: String) -> [String: String] {
        ["PGPASSWORD": passwords[login] ?? "", "HOME": home.url.path]
    }

    /// The store address for `login` (no password in it).
    package func url(for login: String) -> String {
        "postgresql://\(login)@\(hostAndPort)/\(name)"
    }

    /// Opens the store as `login`.
    package func open(as login: String, dueItems: DueItemIndex = .coreOnly) throws -> PlanStore {
        let environment = environment(for: login)
        return try PlanStore(
            address: try StoreAddress.parse(url(for: login), environment: environment, allowPassword: false), dueItems: dueItems,
            environment: environment)
    }

    /// Makes a database login, not on the staff list; returns the login's name.
    package func addLogin(_ short: String) throws -> String {
        let login = "\(short)_\(suffix)"
        let password = UUID().uuidString
        try psqlAsAdmin(database: name, "CREATE ROLE \(login) LOGIN PASSWORD '\(password)'")
        passwords[login] = password
        return login
    }

    /// Makes a database login and puts it on the staff list; returns the login's name.
    @discardableResult
    package func addStaff(
        _ short: String, name displayName: String, role: String = "SPLW", organisation: String = "PCN1"
    ) throws -> String {
        let login = try addLogin(short)
        try open(as: adminLogin).team?.setStaff(login: login, displayName: displayName, role: role, organisation: organisation)
        return login
    }

    /// Adds an organisation (a partner unless `kind` says pcn).
    package func addOrganisation(_ code: String, name: String, kind: String = "partner") throws {
        try open(as: adminLogin).team?.addOrganisation(code: code, name: name, kind: kind)
    }

    /// Runs `sql` in psql as `login`; returns its exit status, output and errors.
    package func psql(as login: String, _ sql: String) throws -> CommandRunner.Result {
        try Self.psql(url: url(for: login), password: passwords[login] ?? "", sql)
    }

    @discardableResult
    private func psqlAsAdmin(database: String, _ sql: String) throws -> CommandRunner.Result {
        try Self.psqlAsAdmin(adminLogin, at: hostAndPort, password: adminPassword, database: database, sql)
    }

    /// Runs `sql` in psql as the server's admin; a failure throws with psql's errors.
    @discardableResult
    private static func psqlAsAdmin(
        _ admin: String, at hostAndPort: String, password: String, database: String, _ sql: String
    ) throws -> CommandRunner.Result {
        let result = try psql(url: "postgresql://\(admin)@\(hostAndPort)/\(database)", password: password, sql)
        guard result.status == 0 else { throw TestPostgresError("psql failed: \(result.stderr)") }
        return result
    }

    private static func psql(url: String, password: String, _ sql: String) throws -> CommandRunner.Result {
        try CommandRunner(executable: URL(fileURLWithPath: TestPostgres.psqlPath)).run(
            [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql], environment: ["PGPASSWORD": password])
    }
}

/// Stores on one engine for store tests: each author has a store of their own on the same
/// data (a connection to the same file, or a login of their own on the same database), so
/// every engine records each change under the right name.
package final class TestStores: @unchecked Sendable {
    package let engine: TestEngine
    package let folder: TemporaryDirectory
    package let database: TestTeamDatabase?
    private let dueItems: DueItemIndex
    private var stores: [String: PlanStore] = [:]

    package init(_ engine: TestEngine, dueItems: DueItemIndex = .coreOnly) throws {
        self.engine = engine
        self.dueItems = dueItems
        folder = try TemporaryDirectory()
        database = engine == .postgres ? try TestTeamDatabase() : nil
    }

    /// The store as `author` sees it.
    package func store(_ author: String = "Alex Author") throws -> PlanStore {
        if let store = stores[author] { return store }
        let store: PlanStore
        if let database {
            let login = try database.addStaff(
                String(author.lowercased().filter { $0.isASCII && $0.isLetter }.prefix(20)), name: author)
            store = try database.open(as: login, dueItems: dueItems)
        } else {
            store = try PlanStore(path: folder.path("store.sqlite"), dueItems: dueItems)
        }
        stores[author] = store
        return store
    }
}

/// On the suite's throwaway server, each test's database is a copy (CREATE DATABASE …
/// TEMPLATE) of one given the schema once per run by `store init`'s code: copying costs a
/// fraction of making the schema again, which was most of the server's work in a test run.
private final class SchemaTemplate: @unchecked Sendable {
    static let shared = SchemaTemplate()
    private let lock = NSLock()
    private var made: Result<String, any Error>?

    /// The template's name, made by `make` on first use; a failure is reported to every test.
    func name(making make: () throws -> String) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = Result { try make() } }
        return try made!.get()
    }
}
