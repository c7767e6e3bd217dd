import CarePlanCore
import Foundation

/// Reads plan files from disk and reports their problems as `FILE: path: message` lines.
enum PlanFiles {
    enum Outcome {
        case valid(Plan, warnings: [ValidationIssue], canonical: Data?)
        case invalid([ValidationIssue])
    }

    static func read(_ file: String, today: CalendarDate, plugins: PluginHost) -> Outcome {
        let data: Data
        do {
            data = try BoundedFile.read(file, limit: BoundedFile.Limit.plan)
        } catch {
            return .invalid([ValidationIssue(.error, at: .root, "cannot read the file: \(error.reason)")])
        }
        do {
            let checked = try PlanJSON.check(data, today: today, plugins: plugins)
            return .valid(checked.plan, warnings: checked.warnings, canonical: checked.canonical)
        } catch {
            return .invalid(error.issues)
        }
    }

    /// Reads a FHIR R4 Bundle written by careplan, then checks the plan it holds like any other.
    static func readFHIR(_ file: String, today: CalendarDate, plugins: PluginHost) -> Outcome {
        let data: Data
        do {
            data = try BoundedFile.read(file, limit: BoundedFile.Limit.fhirBundle)
        } catch {
            return .invalid([ValidationIssue(.error, at: .root, "cannot read the file: \(error.reason)")])
        }
        do {
            let plan = try FHIRImporter(plugins: plugins).plan(from: data)
            let checked = try PlanJSON.check(PlanJSON.encode(plan), today: today, plugins: plugins)
            return .valid(checked.plan, warnings: checked.warnings, canonical: checked.canonical)
        } catch let error as FHIRImportError {
            return .invalid([ValidationIssue(.error, at: .root, "FHIR: \(error.message)")])
        } catch let error as PlanDocumentError {
            return .invalid(error.issues)
        } catch {
            return .invalid([ValidationIssue(.error, at: .root, "could not be read")])
        }
    }

    /// Prints each issue as `file: issue` on standard error.
    static func report(_ issues: [ValidationIssue], in file: String) {
        for issue in issues {
            printError("\(TerminalSafe.sanitize(file)): \(issue)")
        }
    }
}
