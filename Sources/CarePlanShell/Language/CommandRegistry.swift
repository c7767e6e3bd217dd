package import CarePlanCore
import Foundation

/// All the commands the shell knows, found by their words.
package struct CommandRegistry: Sendable {
    /// Every command, in the order registered (the order help lists them).
    package private(set) var commands: [CommandSpec] = []
    /// The most words any command's name has.
    private var longestName = 0

    /// An empty registry.
    package init() {}

    /// Adds a command.
    /// - Throws: when a command with the same name is already registered.
    package mutating func register(_ command: CommandSpec) throws(ShellError) {
        guard !commands.contains(where: { $0.name == command.name }) else {
            throw ShellError("two commands are named \"\(command.name)\"")
        }
        commands.append(command)
        longestName = max(longestName, command.words.count)
    }

    /// The help groups, in the order first seen.
    package var groups: [String] {
        var seen: [String] = []
        for command in commands where !seen.contains(command.group) { seen.append(command.group) }
        return seen
    }

    /// The command whose name is the longest prefix of `words`, and how many words it used.
    package func match(_ words: [String]) -> (CommandSpec, Int)? {
        // Run for every line typed: the words are lower-cased once, not once per command, and
        // only the winner is copied out of the list.
        let typed = words.prefix(longestName).map { $0.lowercased() }
        var best: (index: Int, used: Int)?
        for index in commands.indices {
            let name = commands[index].words
            guard name.count <= typed.count, name.count > best?.used ?? 0, name.elementsEqual(typed.prefix(name.count)) else { continue }
            best = (index, name.count)
        }
        return best.map { (commands[$0.index], $0.used) }
    }

    /// Parses a typed line into an invocation, or nil for a blank line or a comment.
    package func parse(_ line: String, today: CalendarDate) throws(ShellError) -> Invocation? {
        let tokens = Tokenizer.tokens(line)
        guard !tokens.isEmpty else { return nil }
        return try parse(tokens, in: line, today: today)
    }

    /// Parses a line's words into an invocation, or explains what is wrong.
    ///
    /// Free text (a rest argument such as a note, or a text option's value) runs up to the next
    /// option the command knows and is taken from the line exactly as typed: quotes,
    /// backslashes, `#`, `--` and runs of spaces are kept. When the whole text is one quoted
    /// string, the quotes are removed, so `goal add "Walk daily" --need N1` still works.
    package func parse(_ tokens: [Tokenizer.Token], in line: String, today: CalendarDate) throws(ShellError) -> Invocation {
        let words = tokens.map(\.text)
        guard let (spec, used) = match(words) else {
            throw ShellError(unknownCommandMessage(words))
        }
        var positionals: [String: String] = [:]
        var options: [String: String] = [:]
        var positionalIndex = 0
        var restTokens: [[Tokenizer.Token]] = []
        var index = used

        while index < tokens.count {
            let token = tokens[index]
            if let option = try namedOption(token, in: line, of: spec) {
                let name = option.name
                index += 1
                guard let kind = option.kind else {
                    options[name] = ""
                    continue
                }
                guard index < tokens.count else { throw ShellError("\(spec.name): --\(name) needs a value (\(kind.placeholder))") }
                let value: String
                if case .text = kind {
                    var run: [Tokenizer.Token] = []
                    while index < tokens.count, try namedOption(tokens[index], in: line, of: spec) == nil {
                        run.append(tokens[index])
                        index += 1
                    }
                    guard !run.isEmpty else { throw ShellError("\(spec.name): --\(name) needs a value (\(kind.placeholder))") }
                    value = Self.freeText([run], in: line)
                } else {
                    value = tokens[index].text
                    index += 1
                }
                try check(value, as: kind, field: "\(spec.name): --\(name)", today: today)
                options[name] = value
                continue
            }
            guard positionalIndex < spec.positionals.count else {
                throw ShellError("\(spec.name): unexpected \(Tokenizer.quote(token.text)); usage: \(spec.usage)")
            }
            let positional = spec.positionals[positionalIndex]
            if positional.rest {
                var run: [Tokenizer.Token] = []
                while index < tokens.count, try namedOption(tokens[index], in: line, of: spec) == nil {
                    run.append(tokens[index])
                    index += 1
                }
                restTokens.append(run)
                continue
            }
            try check(token.text, as: positional.kind, field: "\(spec.name): \(positional.name)", today: today)
            positionals[positional.name] = token.text
            positionalIndex += 1
            index += 1
        }
        if positionalIndex < spec.positionals.count, spec.positionals[positionalIndex].rest, !restTokens.isEmpty {
            let positional = spec.positionals[positionalIndex]
            let text = Self.freeText(restTokens, in: line)
            try check(text, as: positional.kind, field: "\(spec.name): \(positional.name)", today: today)
            positionals[positional.name] = text
        }
        for positional in spec.positionals where !positional.optional && positionals[positional.name] == nil {
            throw ShellError("\(spec.name): missing \(positional.name); usage: \(spec.usage)")
        }
        for option in spec.options where option.required && options[option.name] == nil {
            throw ShellError("\(spec.name): --\(option.name) is required; usage: \(spec.usage)")
        }
        return Invocation(spec: spec, positionals: positionals, options: options, today: today)
    }

    /// The option a token names, nil when it is text. A word that looks like an option
    /// (`--` and a letter) but is not one of the command's is an error rather than text, so
    /// a mistyped option never ends up silently inside a note; quoting keeps it as text.
    private func namedOption(_ token: Tokenizer.Token, in line: String, of spec: CommandSpec) throws(ShellError) -> OptionSpec? {
        guard !token.isQuoted, !spec.options.isEmpty else { return nil }
        let raw = line.unicodeScalars[token.range]
        guard raw.starts(with: "--".unicodeScalars), raw.count > 2,
            let third = raw.dropFirst(2).first, third.properties.isAlphabetic
        else { return nil }
        let name = String(String.UnicodeScalarView(raw.dropFirst(2)))
        guard let option = spec.options.first(where: { $0.name == name }) else {
            let known = spec.options.map { "--\($0.name)" }.joined(separator: ", ")
            throw ShellError(
                "\(spec.name): unknown option --\(name) (it takes \(known)); "
                    + "to keep it as text, put the text in quotes")
        }
        return option
    }

    /// Free text from runs of tokens: one quoted word loses its quotes; anything else is the
    /// line as typed from the first word of a run to the last. Runs split by options are
    /// joined with a space.
    static func freeText(_ runs: [[Tokenizer.Token]], in line: String) -> String {
        let nonEmpty = runs.filter { !$0.isEmpty }
        if nonEmpty.count == 1, nonEmpty[0].count == 1, nonEmpty[0][0].isQuoted { return nonEmpty[0][0].text }
        return nonEmpty.compactMap { run -> String? in
            guard let first = run.first, let last = run.last else { return nil }
            return String(line.unicodeScalars[first.range.lowerBound..<last.range.upperBound])
        }.joined(separator: " ")
    }

    private func check(_ value: String, as kind: ArgumentKind, field: String, today: CalendarDate) throws(ShellError) {
        switch kind {
        case .text, .plan, .file, .dynamic:
            if value.count > PlanJSON.maximumTextLength {
                throw ShellError("\(field): text is longer than \(PlanJSON.maximumTextLength) characters")
            }
        case .date, .pastDate:
            guard !value.isEmpty else { return }
            do {
                _ = try Invocation.parseDate(value, today: today, field: field, happened: kind.isPastDate)
            } catch let error as ShellError {
                throw error
            } catch {
                throw ShellError("\(field): expected a date")
            }
        case .integer(let range):
            guard !value.isEmpty else { return }
            guard let number = Int(value) else {
                throw ShellError("\(field): expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(Tokenizer.quote(value))")
            }
            guard range.contains(number) else {
                throw ShellError("\(field): expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(number)")
            }
        case .entry(let kinds):
            guard !value.isEmpty else { return }
            guard let id = EntryID(value), kinds.contains(id.kind) else {
                let expected = kinds.map { "\($0.noun) id (\($0.rawValue)1...)" }.joined(separator: " or ")
                throw ShellError("\(field): expected a \(expected), got \(Tokenizer.quote(value))")
            }
        case .entryList(let kind):
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let word = part.trimmingCharacters(in: .whitespaces)
                guard let id = EntryID(word), id.kind == kind else {
                    throw ShellError("\(field): expected \(kind.noun) ids such as \(kind.rawValue)1,\(kind.rawValue)2, got \(Tokenizer.quote(word))")
                }
            }
        case .choice(let values):
            guard !value.isEmpty else { return }
            let normalized = value.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
            guard values.contains(normalized) else {
                throw ShellError("\(field): expected one of \(values.joined(separator: ", ")), got \(Tokenizer.quote(value))")
            }
        case .nhsNumber:
            guard !value.isEmpty else { return }
            if case .failure(let problem) = NHSNumber.parse(value) {
                throw ShellError("\(field): \(problem)")
            }
        }
    }

    private func unknownCommandMessage(_ words: [String]) -> String {
        guard let first = words.first else { return "empty command" }
        let shown = TerminalSafe.sanitize(Tokenizer.quote(String(first.prefix(40))))
        // Did the first word name a group of commands ("goal") with a wrong second word?
        let family = commands.filter { $0.words.first == first.lowercased() && $0.words.count > 1 }
        if !family.isEmpty {
            let verbs = family.map { $0.words.dropFirst().joined(separator: " ") }
            guard words.count > 1 else { return "\(shown): expected one of \(verbs.joined(separator: ", ")) after \(shown)" }
            let attempted = TerminalSafe.sanitize(Tokenizer.quote(String(words[1].prefix(40))))
            if let nearest = suggestion(for: words[1], among: verbs) {
                return "\(shown) \(attempted): did you mean \(shown) \(nearest)? (after \(shown): \(verbs.joined(separator: ", ")))"
            }
            return "\(shown) \(attempted): expected one of \(verbs.joined(separator: ", ")) after \(shown)"
        }
        if let nearest = suggestion(for: first, among: commands.map { $0.words[0] }) {
            return "unknown command \(shown); did you mean \(nearest)? (type help for a list)"
        }
        return "unknown command \(shown); type help for a list"
    }

    /// The first words of commands, or a command's verbs, nearest to a mistyped `word`.
    func suggestion(for word: String, among candidates: [String]) -> String? {
        let typed = word.lowercased()
        let unique = Array(Set(candidates)).sorted()
        guard let nearest = unique.min(by: { editDistance($0, typed) < editDistance($1, typed) }),
            editDistance(nearest, typed) <= max(2, typed.count / 3)
        else { return nil }
        return nearest
    }
}

/// Edit distance counting a swap of two neighbouring letters as one edit (optimal string
/// alignment), so `nwe` is one edit from `new` and `stauts` one from `status`.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
