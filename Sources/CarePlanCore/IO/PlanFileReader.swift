import Foundation

/// What a plan file holds.
public enum PlanFileFormat: String, Vocabulary {
    /// careplan plan JSON.
    case json
    /// A FHIR R4 Bundle holding a CarePlan, as `export --format fhir` writes.
    case fhir
}

/// Reads plan files and checks them in full, for `validate` and for every import: each file
/// within its size limit, then its format, every field and the modules' rules.
public struct PlanFileReader: Sendable {
    /// A file that passed every check.
    public struct Accepted: Sendable {
        /// The file it came from, as given.
        public var file: String
        /// The checked plan, its warnings and its canonical bytes.
        public var checked: PlanJSON.CheckedPlan
    }

    /// The outcome of checking one file.
    public enum Checked: Sendable {
        /// Every check passed.
        case accepted(Accepted)
        /// Refused, with every problem found.
        case refused(file: String, issues: [ValidationIssue])
        /// A FHIR bundle another system sent: a referral for one of our services, or an update
        /// on a referral we sent.
        case message(file: String, message: InboundMessage)
    }

    /// The loaded modules, whose sections and rules are checked.
    public let plugins: PluginHost
    /// The day dates are judged against.
    public let today: CalendarDate

    /// When an accepted plan's canonical bytes are written: as it is checked (for an
    /// importer, on every core) or only if they are read (for a validator).
    public let canonicalBytes: PlanJSON.CanonicalBytes

    /// A reader checking against `plugins` as of `today`.
    public init(plugins: PluginHost, today: CalendarDate, canonicalBytes: PlanJSON.CanonicalBytes = .written) {
        self.plugins = plugins
        self.today = today
        self.canonicalBytes = canonicalBytes
    }

    /// Reads and checks one file.
    public func check(file: String, format: PlanFileFormat) -> Checked {
        let limit = format == .json ? BoundedFile.Limit.plan : BoundedFile.Limit.fhirBundle
        let data: Data
        do {
            data = try BoundedFile.read(file, limit: limit)
        } catch {
            return .refused(file: file, issues: [ValidationIssue(.error, at: .root, "cannot read the file: \(error.reason)")])
        }
        do {
            switch format {
            case .json:
                return .accepted(
                    Accepted(file: file, checked: try PlanJSON.check(data, today: today, plugins: plugins, canonicalBytes: canonicalBytes)))
            case .fhir:
                // Task updates name our referrals by the identifier systems we sent them with.
                if let sent = try? JSONParser.parse(data),
                    let message = try InboundMessage.read(FHIRBase.internalised(sent, configured: plugins.settings.fhirBase))
                {
                    return .message(file: file, message: message)
                }
                let plan = try FHIRImporter(plugins: plugins).plan(from: data)
                let checked = try PlanJSON.check(PlanJSON.encode(plan), today: today, plugins: plugins, canonicalBytes: canonicalBytes)
                return .accepted(Accepted(file: file, checked: checked))
            }
        } catch let error as PlanDocumentError {
            return .refused(file: file, issues: error.issues)
        } catch let error as FHIRImportError {
            return .refused(file: file, issues: [ValidationIssue(.error, at: .root, "FHIR: \(error.message)")])
        } catch {
            return .refused(file: file, issues: [ValidationIssue(.error, at: .root, "could not be read")])
        }
    }

    /// A problem found in `file`, as one line: `FILE: FIELD: REASON`.
    public static func line(_ issue: ValidationIssue, in file: String) -> String {
        "\(TerminalSafe.sanitize(file)): \(issue)"
    }

}
