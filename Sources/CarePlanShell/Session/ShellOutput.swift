import CarePlanCore

/// Where the shell writes: results to one stream, errors to another.
package protocol ShellOutput: AnyObject {
    /// Writes text (with its own newlines) to the result stream.
    func write(_ text: String)
    /// Writes one error line (no newline) to the error stream.
    func error(_ line: String)
    /// True when results go to a terminal that may be decorated (not NO_COLOR, not piped).
    var decorated: Bool { get }
}

extension ShellOutput {
    package var decorated: Bool { false }
}

/// Collects output in memory, for tests and transcripts.
package final class BufferedOutput: ShellOutput {
    /// Everything written, with errors marked `error: `, in order.
    package private(set) var transcript = ""
    /// Results only.
    package private(set) var results = ""
    /// Error lines only.
    package private(set) var errors: [String] = []

    /// An empty buffer.
    package init() {}

    package func write(_ text: String) {
        results += text
        transcript += text
    }

    package func error(_ line: String) {
        errors.append(line)
        transcript += "error: \(line)\n"
    }
}

/// The one funnel every shell output passes through: control characters and escape sequences
/// from stored, imported or typed text are shown as `\u{1B}`-style text, so nothing a plan,
/// a directory file or a colleague's name holds can act on the terminal (clear the screen,
/// set the clipboard with OSC 52, hide a link with OSC 8). Newlines are kept.
final class EscapingOutput: ShellOutput {
    let inner: any ShellOutput

    init(_ inner: any ShellOutput) {
        self.inner = inner
    }

    func write(_ text: String) {
        inner.write(TerminalSafe.sanitize(text, keepNewlines: true))
    }

    func error(_ line: String) {
        inner.error(TerminalSafe.sanitize(line))
    }
}
