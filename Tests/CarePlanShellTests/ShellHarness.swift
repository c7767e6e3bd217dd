import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation

/// A shell session on a fresh store with a fixed clock and predictable plan ids.
final class ShellHarness {
    let folder: TemporaryDirectory
    let store: PlanStore
    let output = BufferedOutput()
    let session: ShellSession

    init(author: String = "sam") throws {
        folder = try TemporaryDirectory()
        store = try PlanStore(path: folder.path("store.sqlite"))
        var next = 0
        session = ShellSession(store: store, registry: try StandardCommands.registry(), output: output, author: author,
                               width: 80, now: { Fixtures.now }, timeZone: TimeZone(identifier: "Europe/London") ?? .current,
                               makePlanID: {
                                   next += 1
                                   return "CP-TEST\(next)"
                               })
    }

    /// Runs lines as a script; returns whether all succeeded.
    @discardableResult
    func run(_ lines: [String], source: String? = "test") -> Bool {
        var reader = ScriptedLineReader(lines)
        return BatchRunner(sourceName: source, bail: false).run(session, reader: &reader)
    }

    static func fixture(_ name: String) throws -> URL {
        Fixtures.packageRoot.appendingPathComponent("Tests/CarePlanShellTests/Fixtures/\(name)")
    }

    static func scriptLines(_ name: String) throws -> [String] {
        try String(contentsOf: fixture(name), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
    }

    /// Compares `actual` with a checked-in file; CAREPLAN_RECORD=1 rewrites the file instead.
    static func matches(_ actual: Data, fixture name: String) throws -> Bool {
        let url = try fixture(name)
        if ProcessInfo.processInfo.environment["CAREPLAN_RECORD"] == "1" {
            try actual.write(to: url)
        }
        return (try? Data(contentsOf: url)) == actual
    }
}
