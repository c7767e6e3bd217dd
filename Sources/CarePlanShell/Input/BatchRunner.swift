/// Runs lines from a reader through a session, as sqlite3 and psql run scripts: each error is
/// reported with where it came from (`script.cp:3:`), and `bail` stops at the first failure.
package struct BatchRunner {
    /// Where the lines come from, for error messages ("script.cp", "stdin"); nil when typed.
    package var sourceName: String?
    /// Stop at the first failing command.
    package var bail: Bool

    /// A runner.
    package init(sourceName: String?, bail: Bool) {
        self.sourceName = sourceName
        self.bail = bail
    }

    /// Runs until the input ends, `quit`, or (with bail) a failure.
    /// - Returns: true if every command succeeded.
    @discardableResult
    package func run(_ session: ShellSession, reader: inout some LineReader) -> Bool {
        var allSucceeded = true
        var lineNumber = 0
        session.deliverNews()
        while !session.wantsToQuit, let line = reader.readLine(prompt: session.prompt) {
            lineNumber += 1
            session.location = sourceName.map { "\($0):\(lineNumber)" }
            let succeeded = session.execute(line)
            session.location = nil
            // Between commands: what colleagues changed, and the plan now open watched.
            session.deliverNews()
            if !succeeded {
                allSucceeded = false
                if bail { break }
            }
        }
        return allSucceeded
    }
}
