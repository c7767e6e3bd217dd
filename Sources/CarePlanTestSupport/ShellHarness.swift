package import CarePlanCore
package import CarePlanShell
package import CarePlanStore
package import Foundation

/// A shell session on a fresh store with a fixed clock and predictable plan ids: the one
/// harness the test targets share, with whichever role modules a test loads.
package final class ShellHarness {
    /// The scratch folder holding the store.
    package let folder: TemporaryDirectory
    /// The store.
    package let store: PlanStore
    /// The engine the store runs on.
    package let engine: TestEngine
    /// The team store's database, when the engine is PostgreSQL.
    package let database: TestTeamDatabase?
    private let host: PluginHost
    private let clock: @Sendable () -> Date
    /// Everything the session printed.
    package let output = BufferedOutput()
    /// The session.
    package let session: ShellSession

    /// A harness whose plan ids are `CP-TEST1`, `CP-TEST2`... (or another prefix).
    /// - Parameters:
    ///   - plugins: the role modules to load.
    ///   - now: the clock; `Fixtures.now` unless a test needs another day.
    ///   - planIDPrefix: the new plans' ids before their number.
    package convenience init(
        author: String = "sam", plugins: [any CarePlanPlugin] = [], now: Date = Fixtures.now,
        planIDPrefix: String = "CP-TEST", engine: TestEngine = .sqlite
    ) throws {
        try self.init(author: author, plugins: plugins, clock: { now }, planIDPrefix: planIDPrefix, engine: engine)
    }

    /// A harness whose clock is `clock`, for stories that move through the days
    /// (`TestClock`).
    ///   - engine: SQLite (a file in a scratch folder) or PostgreSQL (a database of its own on
    ///     the test server, with `author` as a staff login of PCN1).
    package convenience init(
        author: String = "sam", plugins: [any CarePlanPlugin] = [], clock: @escaping @Sendable () -> Date,
        planIDPrefix: String = "CP-TEST", engine: TestEngine = .sqlite
    ) throws {
        let folder = try TemporaryDirectory()
        let host = try PluginHost(plugins, settings: DeploymentSettings(fhirBase: Fixtures.fhirBase))
        switch engine {
        case .sqlite:
            try self.init(
                folder: folder, store: try PlanStore(path: folder.path("store.sqlite"), dueItems: host.dueItemIndex), database: nil,
                host: host, author: author, clock: clock, planIDPrefix: planIDPrefix)
        case .postgres:
            let database = try TestTeamDatabase()
            let login = try database.addStaff(Self.loginName(author), name: author)
            try self.init(
                folder: folder, store: try database.open(as: login, dueItems: host.dueItemIndex), database: database, host: host,
                author: author, clock: clock, planIDPrefix: planIDPrefix)
        }
    }

    /// A colleague's session on the same store: another login on the team store, another
    /// connection to the same file on SQLite. Plan ids it makes start with `planIDPrefix`.
    package func colleague(_ author: String, planIDPrefix: String = "CP-COLL") throws -> ShellHarness {
        if let database {
            let login = try database.addStaff(Self.loginName(author), name: author)
            return try ShellHarness(
                folder: folder, store: try database.open(as: login, dueItems: host.dueItemIndex), database: database, host: host,
                author: author, clock: clock, planIDPrefix: planIDPrefix)
        }
        return try ShellHarness(
            folder: folder, store: try PlanStore(path: store.path, dueItems: host.dueItemIndex), database: nil, host: host,
            author: author, clock: clock, planIDPrefix: planIDPrefix)
    }

    private static func loginName(_ author: String) -> String {
        let letters = author.lowercased().filter { $0.isASCII && $0.isLetter }
        return letters.isEmpty ? "staff" : String(letters.prefix(20))
    }

    private init(
        folder: TemporaryDirectory, store: PlanStore, database: TestTeamDatabase?, host: PluginHost, author: String,
        clock: @escaping @Sendable () -> Date, planIDPrefix: String
    ) throws {
        self.folder = folder
        self.store = store
        self.database = database
        self.engine = database == nil ? .sqlite : .postgres
        self.host = host
        self.clock = clock
        var next = 0
        session = ShellSession(
            store: store, registry: try StandardCommands.registry(plugins: host.plugins), plugins: host,
            output: output, author: author, width: 80, now: clock,
            timeZone: TimeZone(identifier: "Europe/London") ?? .current,
            makePlanID: {
                next += 1
                return "\(planIDPrefix)\(next)"
            })
        session.checksReusedBytes = true
    }

    /// Runs lines as a script; returns whether all succeeded.
    @discardableResult
    package func run(_ lines: [String], source: String? = "test", bail: Bool = false) -> Bool {
        var reader = ScriptedLineReader(lines)
        return BatchRunner(sourceName: source, bail: bail).run(session, reader: &reader)
    }

    /// Runs lines as a script, stopping at the first failure when `bail` is true.
    @discardableResult
    package func run(bail: Bool, _ lines: [String]) -> Bool {
        run(lines, bail: bail)
    }

    /// The open plan (fails the test with a thrown error when none is open).
    package func plan() throws -> Plan {
        try session.openPlan().plan
    }
}
