import ArgumentParser
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

/// A failure already explained to the user: prints `careplan: message` and exits 1.
struct Failure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}

/// Writes one line to standard error, with control characters made visible: a file name, a
/// field name or a message from a file can never act on the terminal.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((TerminalSafe.sanitize(line) + "\n").utf8))
}

/// Writes one line to standard output, with control characters made visible.
func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((TerminalSafe.sanitize(line, keepNewlines: true) + "\n").utf8))
}

extension ParsableCommand {
    /// Runs `body`, turning a `Failure` into a message and exit status 1.
    func reportingFailures(_ body: () throws -> Void) throws {
        try Self.reportingFailures(body)
    }

    /// Runs `body`, turning a `Failure` into a message and exit status 1.
    static func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as Failure {
            printError("careplan: \(failure.message)")
            throw ExitCode.failure
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("careplan: \(error)")
            throw ExitCode.failure
        }
    }
}

/// The one plan `query` names; when several match, lists them (id, name, date of birth) on
/// standard output to choose from, and fails naming only their ids.
func resolvePlan(_ query: String, in store: PlanStore) throws -> PlanSummary {
    do {
        return try store.resolve(query)
    } catch StoreError.ambiguous(let query, let candidates) {
        FileHandle.standardOutput.write(Data(PlanListing.choices(candidates).utf8))
        throw StoreError.ambiguous(query: query, candidates: candidates)
    }
}
