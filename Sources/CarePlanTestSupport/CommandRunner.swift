package import Foundation

/// Runs a built executable as a subprocess and captures what it prints.
package struct CommandRunner: Sendable {
    /// What a run produced.
    package struct Result: Sendable {
        /// Exit status (or 128 + signal).
        package var status: Int32
        /// Standard output as text.
        package var stdout: String
        /// Standard error as text.
        package var stderr: String

        /// A result from its parts.
        package init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The executable.
    package let executable: URL

    /// A runner for the product `name` built alongside the tests (.build/<config>/name).
    package init(product name: String) {
        // The test bundle runs from the build products folder, beside the executables.
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.appendingPathComponent(name),
            bundle.deletingLastPathComponent().appendingPathComponent(name),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name),
        ]
        executable = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// A runner for any executable.
    package init(executable: URL) {
        self.executable = executable
    }

    /// Runs with `arguments`, feeding `stdin`, with `environment` added to a minimal one.
    package func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
        currentDirectory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var base = [
            "PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "LANG": "C.UTF-8",
            "CAREPLAN_AUTHOR": "test", "CAREPLAN_NOW": "2026-11-21T10:00:00Z", "CAREPLAN_FHIR_BASE": Fixtures.fhirBaseURL,
        ]
        base.merge(environment) { $1 }
        process.environment = base
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a chatty process cannot block on a full pipe.
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe on a background thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
