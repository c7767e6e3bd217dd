/// One problem found in a plan: where it is, what was expected, and how serious it is.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// Errors stop a plan being stored; warnings are shown and the plan is kept.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The field the problem is in.
    public var path: FieldPath
    /// What is wrong and what was expected, without the person's personal details.
    public var message: String

    /// An issue of `severity` at `path`.
    public init(_ severity: Severity, at path: FieldPath, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// `path: message`, prefixed with `warning: ` for warnings.
    public var description: String {
        severity == .warning ? "warning: \(path): \(message)" : "\(path): \(message)"
    }
}

extension Array where Element == ValidationIssue {
    /// True when any issue is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
