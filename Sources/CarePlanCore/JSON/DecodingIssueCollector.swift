import Foundation

/// Gathers the problems found while decoding a plan, so one pass reports them all.
///
/// Value types that check their input (dates, NHS numbers, vocabularies) record a problem
/// here and decode a placeholder instead of throwing; the loader then fails with every
/// recorded problem. Without a collector they throw as usual.
final class DecodingIssueCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [ValidationIssue] = []

    static let userInfoKey = CodingUserInfoKey(rawValue: "careplan.decodingIssues")!

    func record(_ issue: ValidationIssue) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(issue)
    }

    var issues: [ValidationIssue] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

extension Decoder {
    /// Records `message` against the current field, or throws when nothing collects issues.
    func recordOrThrow(_ message: String) throws {
        let path = FieldPath(codingPath: codingPath)
        if let collector = userInfo[DecodingIssueCollector.userInfoKey] as? DecodingIssueCollector {
            collector.record(ValidationIssue(.error, at: path, message))
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: codingPath, debugDescription: message))
        }
    }
}
