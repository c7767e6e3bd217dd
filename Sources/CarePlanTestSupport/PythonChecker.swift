import Foundation

/// Runs a Python helper (an independent checker in Tests/Support) from the package root.
package enum PythonChecker {
    package static func run(_ arguments: [String], makeFolder: String? = nil, environment: [String: String] = [:]) throws -> CommandRunner.Result {
        if let makeFolder { try FileManager.default.createDirectory(atPath: makeFolder, withIntermediateDirectories: true) }
        let process = Process()
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        // scripts/test (the README's test command) keeps the Python checkers in .venv-test;
        // fall back to the system python3.
        let venv = Fixtures.packageRoot.appendingPathComponent(".venv-test/bin/python3")
        if FileManager.default.isExecutableFile(atPath: venv.path) {
            process.executableURL = venv
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
        }
        process.currentDirectoryURL = Fixtures.packageRoot
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var stderr = String(decoding: err, as: UTF8.self)
        if let missing = stderr.range(of: "ModuleNotFoundError: No module named ") {
            let module = stderr[missing.upperBound...].prefix { $0 != "\n" }
            stderr =
                "the Python checker module \(module) is missing: run the tests with `bash scripts/test`, "
                + "which installs the checkers into .venv-test\n"
        }
        return CommandRunner.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: stderr)
    }
}
