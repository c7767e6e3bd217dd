/// Where the shell's lines come from: readline, standard input, a script, or a test.
public protocol LineReader {
    /// The next line without its newline, or nil at the end of input.
    mutating func readLine(prompt: String) -> String?
}

/// Lines given up front, for tests and `-c`.
public struct ScriptedLineReader: LineReader {
    private var lines: [String]

    /// A reader that returns `lines` in order, then nil.
    public init(_ lines: [String]) {
        self.lines = lines
    }

    public mutating func readLine(prompt: String) -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// Lines from standard input with no prompt and no echo, for pipes and scripts.
public struct StandardInputReader: LineReader {
    /// A reader of standard input.
    public init() {}

    public mutating func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
