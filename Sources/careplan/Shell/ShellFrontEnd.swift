import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

/// Starts the shell: interactive with readline on a terminal, line by line otherwise.
struct ShellFrontEnd {
    let context: CommandContext
    let commands: [String]
    let scriptFile: String?
    let bail: Bool
    let history: Bool

    /// Runs and returns whether every command succeeded.
    func run() throws -> Bool {
        let store = try context.openStore()
        let plugins = try context.pluginHost()
        let registry: CommandRegistry
        do {
            registry = try StandardCommands.registry(plugins: plugins.plugins)
        } catch {
            throw Failure("cannot start: \(error.message)")
        }
        let interactive = scriptFile == nil && commands.isEmpty && isatty(STDIN_FILENO) == 1
        let output = TerminalOutput(colour: isatty(STDOUT_FILENO) == 1 && context.environment["NO_COLOR"] == nil)
        let fixedNow = context.clock.now
        let usesFixedClock = context.environment["CAREPLAN_NOW"] != nil
        let session = ShellSession(
            store: store, registry: registry, plugins: plugins, output: output, author: context.author(on: store),
            width: TerminalSize.columns(environment: context.environment),
            now: { usesFixedClock ? fixedNow : Date() })

        if !commands.isEmpty {
            var reader = ScriptedLineReader(commands)
            return BatchRunner(sourceName: "-c", bail: bail).run(session, reader: &reader)
        }
        if let scriptFile {
            let data: Data
            do {
                data = try BoundedFile.read(scriptFile, limit: BoundedFile.Limit.script)
            } catch {
                throw Failure("cannot read \(scriptFile): \(error.reason)")
            }
            var reader = FileLineReader(data: data)
            return BatchRunner(sourceName: scriptFile, bail: bail).run(session, reader: &reader)
        }
        if interactive {
            let completer = Completer(session: session)
            var reader = ReadlineReader(
                historyPath: history ? HistoryFile.path(environment: context.environment) : nil,
                complete: completer.complete)
            if let news = session.news {
                reader.whileWaiting {
                    guard news.hasNews else { return nil }
                    // Clear the prompt line; the news goes there, the prompt below it.
                    output.write("\r\u{1B}[K")
                    session.deliverNews()
                    return session.prompt
                }
            }
            let asker = reader
            session.confirm = { question in
                let answer = asker.ask(TerminalSafe.sanitize(question) + " [y/N] ")?.trimmingCharacters(in: .whitespaces).lowercased()
                return answer == "y" || answer == "yes"
            }
            if isatty(STDOUT_FILENO) == 1 {
                let environment = context.environment
                session.pager = { text in Pager.show(text, environment: environment) }
            }
            output.write("careplan \(CarePlanVersion.current): personalised care and support plans. Type help, or quit.\n")
            BatchRunner(sourceName: nil, bail: false).run(session, reader: &reader)
            return true
        }
        var reader = StandardInputReader()
        return BatchRunner(sourceName: "stdin", bail: bail).run(session, reader: &reader)
    }
}

/// Lines of a script file, read exactly as standard input is: LF, CRLF and CR all end a
/// line, and a byte-order mark at the start is ignored.
struct FileLineReader: LineReader {
    private let lines: [String]
    private var next = 0

    init(data: Data) {
        lines = Self.lines(of: String(decoding: data, as: UTF8.self))
    }

    /// The lines of `text`. Splits on Unicode scalars: Swift reads "\r\n" as one Character,
    /// so splitting Characters on "\n" would leave a CRLF file as one long line.
    static func lines(of text: String) -> [String] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in scalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    mutating func readLine(prompt: String) -> String? {
        guard next < lines.count else { return nil }
        defer { next += 1 }
        return lines[next]
    }
}

/// Writes results to standard output and errors to standard error, in red on a terminal.
final class TerminalOutput: ShellOutput {
    let colour: Bool

    init(colour: Bool) {
        self.colour = colour
    }

    var decorated: Bool { colour }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func error(_ line: String) {
        let shown = colour ? "\u{1B}[31m\(line)\u{1B}[0m" : line
        FileHandle.standardError.write(Data((shown + "\n").utf8))
    }
}

/// The terminal's width, for wrapping views.
enum TerminalSize {
    static func columns(environment: [String: String]) -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return columns }
        return 80
    }
}
