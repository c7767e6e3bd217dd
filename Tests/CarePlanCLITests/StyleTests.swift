import CarePlanTestSupport
import Foundation
import Testing

@Suite("House style")
struct StyleTests {
    @Test("the code follows the repository's .swift-format configuration (swift format lint --strict)")
    func swiftFormat() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "format", "lint", "--strict", "--recursive", "Sources", "Plugins", "Tests", "Fuzz", "Package.swift"]
        process.currentDirectoryURL = Fixtures.packageRoot
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "run `swift format format -i -r Sources Plugins Tests Fuzz Package.swift`:\n\(report.prefix(2000))")
    }
}
