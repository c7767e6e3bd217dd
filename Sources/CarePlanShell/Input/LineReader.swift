/// Where the shell's lines come from: readline, standard input, a script, or a test.
package protocol LineReader {
    /// The next line without its newline, or nil at the end of input.
    mutating func readLine(prompt: String) -> String?
}

/// Lines given up front, for tests and `-c`.
package struct ScriptedLineReader: LineReader {
    private var lines: [String]

    /// A reader that returns `lines` in order, then nil.
    package init(_ lines: [String]) {
        self.lines = lines
    }

    package mutating func readLine(prompt: String) -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// Lines from standard input with no prompt and no echo, for pipes and scripts.
package struct StandardInputReader: LineReader {
    /// A reader of standard input.
    package init() {}

    package mutating func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
