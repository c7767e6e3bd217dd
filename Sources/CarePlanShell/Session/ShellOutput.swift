/// Where the shell writes: results to one stream, errors to another.
public protocol ShellOutput: AnyObject {
    /// Writes text (with its own newlines) to the result stream.
    func write(_ text: String)
    /// Writes one error line (no newline) to the error stream.
    func error(_ line: String)
}

/// Collects output in memory, for tests and transcripts.
public final class BufferedOutput: ShellOutput {
    /// Everything written, with errors marked `error: `, in order.
    public private(set) var transcript = ""
    /// Results only.
    public private(set) var results = ""
    /// Error lines only.
    public private(set) var errors: [String] = []

    /// An empty buffer.
    public init() {}

    public func write(_ text: String) {
        results += text
        transcript += text
    }

    public func error(_ line: String) {
        errors.append(line)
        transcript += "error: \(line)\n"
    }
}
