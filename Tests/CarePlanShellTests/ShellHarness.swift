import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation

extension ShellHarness {
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
