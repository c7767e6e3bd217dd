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
        planIDPrefix: String = "CP-TEST"
    ) throws {
        try self.init(author: author, plugins: plugins, clock: { now }, planIDPrefix: planIDPrefix)
    }

    /// A harness whose clock is `clock`, for stories that move through the days
    /// (`TestClock`).
    package init(
        author: String = "sam", plugins: [any CarePlanPlugin] = [], clock: @escaping @Sendable () -> Date,
        planIDPrefix: String = "CP-TEST"
    ) throws {
        folder = try TemporaryDirectory()
        let host = try PluginHost(plugins)
        store = try PlanStore(path: folder.path("store.sqlite"), dueItems: host.dueItemIndex)
        var next = 0
        session = ShellSession(
            store: store, registry: try StandardCommands.registry(plugins: host.plugins), plugins: host,
            output: output, author: author, width: 80, now: clock,
            timeZone: TimeZone(identifier: "Europe/London") ?? .current,
            makePlanID: {
                next += 1
                return "\(planIDPrefix)\(next)"
            })
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
