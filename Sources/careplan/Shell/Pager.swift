import Foundation

/// Shows text a page at a time on a terminal, as git and psql do: through `$PAGER` (else
/// `less -FRX`, which exits at once when the text fits) when the text is taller than the
/// terminal; straight out otherwise, or when no pager can be started.
enum Pager {
    static func show(_ text: String, environment: [String: String]) {
        let rows = terminalRows(environment: environment)
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let command = environment["PAGER"].map { $0.trimmingCharacters(in: .whitespaces) } ?? "less -FRX"
        guard lineCount >= rows - 1, !command.isEmpty, command != "cat" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var childEnvironment = environment
        childEnvironment["LESS"] = childEnvironment["LESS"] ?? "FRX"
        process.environment = childEnvironment
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // The pager may quit before reading everything (q in less): a broken pipe is fine.
        let previous = signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        signal(SIGPIPE, previous)
    }

    static func terminalRows(environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row >= 5 { return Int(size.ws_row) }
        return environment["LINES"].flatMap(Int.init) ?? 24
    }
}
