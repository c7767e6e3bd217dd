@preconcurrency import CReadline
import CarePlanCore
import CarePlanShell
import Foundation

/// The completion provider readline's C callback reads. Set once, before the first
/// `readline` call, on the only thread that calls readline.
nonisolated(unsafe) private var completionProvider: ((String) -> [String])?

/// What to do while readline waits for a key (news of colleagues' changes): returns the prompt
/// to show again when it printed something. Read by readline's C event hook, on its thread.
nonisolated(unsafe) private var idleHandler: (() -> String?)?

/// Reads lines with GNU readline: editing, history and Tab completion.
final class ReadlineReader: LineReader {
    private var historyPath: String?
    private var lastAdded: String?

    /// - Parameters:
    ///   - historyPath: where history is kept (created 0600), or nil for no history.
    ///   - complete: candidates for the line typed so far.
    init(historyPath: String?, complete: @escaping (String) -> [String]) {
        self.historyPath = historyPath
        completionProvider = complete
        rl_readline_name = UnsafePointer(strdup("careplan"))
        // Words break at white space only, so ids, dates and paths complete whole.
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n"))
        rl_completer_quote_characters = UnsafePointer(strdup("\"'"))
        rl_attempted_completion_function = careplanCompletion
        // A pasted block (an email, a letter) arrives as text in the line being typed, never
        // as several commands run one after another.
        rl_variable_bind("enable-bracketed-paste", "on")
        // Ctrl-C cancels the line being typed, as in bash and psql, instead of ending the
        // shell. (Every accepted change is already committed, so ending would lose nothing,
        // but a coordinator on the phone should not have to start careplan again.)
        rl_catch_signals = 0
        signal(SIGINT, cancelLine)
        if let historyPath, HistoryFile.prepare(historyPath) {
            read_history(historyPath)
        } else {
            self.historyPath = nil
        }
    }

    /// Runs `check` about ten times a second while waiting at the prompt; when it returns a
    /// prompt, what it printed stays above the line being typed, which is drawn again.
    func whileWaiting(_ check: @escaping () -> String?) {
        idleHandler = check
        rl_event_hook = careplanIdle
        rl_set_keyboard_input_timeout(100_000)
    }

    func readLine(prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        remember(line)
        return line
    }

    /// Asks a question and returns the answer typed, kept out of the history.
    func ask(_ prompt: String) -> String? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Adds a line to the history, unless it starts with a space (like psql's ignorespace),
    /// is empty, or repeats the line before. Written at once, so a killed shell keeps it.
    private func remember(_ line: String) {
        // A pasted block of several lines is left out: the history file holds one line a
        // command, and would give it back as separate commands.
        guard let historyPath, !line.trimmingCharacters(in: .whitespaces).isEmpty,
            !line.hasPrefix(" "), !line.contains("\n"), line != lastAdded
        else { return }
        add_history(line)
        lastAdded = line
        append_history(1, historyPath)
        history_truncate_file(historyPath, 2000)
    }
}

/// Readline's event hook: gives the idle handler its turn and redraws the prompt and the line
/// being typed below whatever it printed.
private let careplanIdle: @convention(c) () -> Int32 = {
    guard let prompt = idleHandler?() else { return 0 }
    rl_set_prompt(prompt)
    rl_on_new_line()
    rl_redisplay()
    return 0
}

/// SIGINT while reading: drop the typed line and show a fresh prompt.
private let cancelLine: @convention(c) (Int32) -> Void = { _ in
    _ = write(STDOUT_FILENO, "\n", 1)
    rl_on_new_line()
    rl_replace_line("", 0)
    rl_redisplay()
}

/// Readline's completion hook: ask the provider, hand back a malloc'd, NULL-terminated list
/// whose first entry is what to put in place of the word typed.
private let careplanCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, end in
    rl_attempted_completion_over = 1
    guard let provider = completionProvider, let buffer = rl_line_buffer else { return nil }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(end))
    let line = String(decoding: bytes, as: UTF8.self)
    let candidates = provider(line)
    guard !candidates.isEmpty else { return nil }
    let typed = text.map { String(cString: $0) } ?? ""
    var common = candidates[0]
    for candidate in candidates.dropFirst() {
        common = String(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
    }
    // Never replace what was typed with something shorter.
    if common.count < typed.count || !common.hasPrefix(typed) && candidates.count > 1 { common = typed }
    let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: candidates.count + 2)
    list[0] = strdup(common)
    for (index, candidate) in candidates.enumerated() { list[index + 1] = strdup(candidate) }
    list[candidates.count + 1] = nil
    if candidates.count == 1, candidates[0].hasSuffix("/") { rl_completion_append_character = 0 }
    return list
}

/// The history file: `$CAREPLAN_HISTORY`, else `$XDG_STATE_HOME/careplan/history`, else
/// `~/.local/state/careplan/history`; created 0600 in a 0700 folder.
enum HistoryFile {
    static func path(environment: [String: String]) -> String {
        if let explicit = environment["CAREPLAN_HISTORY"], !explicit.isEmpty { return explicit }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/careplan/history" }
        return (environment["HOME"] ?? ".") + "/.local/state/careplan/history"
    }

    /// Makes the history file ready (0600, in a 0700 folder). Returns false, after saying why
    /// on standard error, when it must not be used: a symbolic link is never followed, so
    /// history can never be written into, or chmod'ed, some other file.
    static func prepare(_ path: String) -> Bool {
        let folder = FilePathText.folder(of: path)
        if folder != "." {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
            FileHandle.standardError.write(Data("careplan: not keeping history in \(TerminalSafe.sanitize(path)): \(reason)\n".utf8))
            return false
        }
        var status = stat()
        let regular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        if regular { fchmod(descriptor, 0o600) }
        close(descriptor)
        if !regular {
            FileHandle.standardError.write(Data("careplan: not keeping history in \(TerminalSafe.sanitize(path)): not a regular file\n".utf8))
        }
        return regular
    }
}
