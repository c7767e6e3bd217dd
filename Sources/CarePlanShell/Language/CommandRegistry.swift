public import CarePlanCore
import Foundation

/// All the commands the shell knows, found by their words.
public struct CommandRegistry: Sendable {
    /// Every command, in the order registered (the order help lists them).
    public private(set) var commands: [CommandSpec] = []

    /// An empty registry.
    public init() {}

    /// Adds a command.
    /// - Throws: when a command with the same name is already registered.
    public mutating func register(_ command: CommandSpec) throws(ShellError) {
        guard !commands.contains(where: { $0.name == command.name }) else {
            throw ShellError("two commands are named \"\(command.name)\"")
        }
        commands.append(command)
    }

    /// The help groups, in the order first seen.
    public var groups: [String] {
        var seen: [String] = []
        for command in commands where !seen.contains(command.group) { seen.append(command.group) }
        return seen
    }

    /// The command whose name is the longest prefix of `words`, and how many words it used.
    public func match(_ words: [String]) -> (CommandSpec, Int)? {
        var best: (CommandSpec, Int)?
        for command in commands {
            let name = command.words
            guard name.count <= words.count,
                  zip(name, words).allSatisfy({ $0 == $1.lowercased() }) else { continue }
            if best == nil || name.count > best?.1 ?? 0 { best = (command, name.count) }
        }
        return best
    }

    /// Parses a line's words into an invocation, or explains what is wrong.
    public func parse(_ words: [String], today: CalendarDate) throws(ShellError) -> Invocation {
        guard let (spec, used) = match(words) else {
            throw ShellError(unknownCommandMessage(words))
        }
        var positionals: [String: String] = [:]
        var options: [String: String] = [:]
        var remaining = Array(words.dropFirst(used))
        var positionalIndex = 0
        var restWords: [String] = []
        var onlyPositionals = false

        while !remaining.isEmpty {
            let word = remaining.removeFirst()
            if !onlyPositionals, word == "--" {
                onlyPositionals = true
                continue
            }
            if !onlyPositionals, word.hasPrefix("--"), word.count > 2 {
                let name = String(word.dropFirst(2))
                guard let option = spec.options.first(where: { $0.name == name }) else {
                    let known = spec.options.map { "--\($0.name)" }.joined(separator: ", ")
                    throw ShellError("\(spec.name): unknown option \(word)" + (known.isEmpty ? "" : " (it takes \(known))"))
                }
                guard let kind = option.kind else {
                    options[name] = ""
                    continue
                }
                guard !remaining.isEmpty else { throw ShellError("\(spec.name): \(word) needs a value (\(kind.placeholder))") }
                let value = remaining.removeFirst()
                try check(value, as: kind, field: "\(spec.name): \(word)", today: today)
                options[name] = value
                continue
            }
            guard positionalIndex < spec.positionals.count else {
                throw ShellError("\(spec.name): unexpected \(Tokenizer.quote(word)); usage: \(spec.usage)")
            }
            let positional = spec.positionals[positionalIndex]
            if positional.rest {
                restWords.append(word)
            } else {
                try check(word, as: positional.kind, field: "\(spec.name): \(positional.name)", today: today)
                positionals[positional.name] = word
                positionalIndex += 1
            }
        }
        if positionalIndex < spec.positionals.count, spec.positionals[positionalIndex].rest, !restWords.isEmpty {
            let positional = spec.positionals[positionalIndex]
            let joined = restWords.joined(separator: " ")
            try check(joined, as: positional.kind, field: "\(spec.name): \(positional.name)", today: today)
            positionals[positional.name] = joined
        }
        for positional in spec.positionals where !positional.optional && positionals[positional.name] == nil {
            throw ShellError("\(spec.name): missing \(positional.name); usage: \(spec.usage)")
        }
        return Invocation(spec: spec, positionals: positionals, options: options, today: today)
    }

    private func check(_ value: String, as kind: ArgumentKind, field: String, today: CalendarDate) throws(ShellError) {
        switch kind {
        case .text, .plan, .file, .dynamic:
            if value.count > PlanJSON.maximumTextLength {
                throw ShellError("\(field): text is longer than \(PlanJSON.maximumTextLength) characters")
            }
        case .date:
            guard !value.isEmpty else { return }
            do {
                _ = try Invocation.parseDate(value, today: today, field: field)
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
        let shown = Tokenizer.quote(String(first.prefix(40)))
        // Did the first word name a group of commands ("goal") with a wrong second word?
        let family = commands.filter { $0.words.first == first.lowercased() && $0.words.count > 1 }
        if !family.isEmpty {
            let verbs = family.map { $0.words.dropFirst().joined(separator: " ") }
            let attempted = words.count > 1 ? " \(Tokenizer.quote(String(words[1].prefix(40))))" : ""
            return "\(first)\(attempted): expected one of \(verbs.joined(separator: ", ")) after \(first)"
        }
        let names = Set(commands.map { $0.words[0] })
        if let nearest = names.min(by: { editDistance($0, first.lowercased()) < editDistance($1, first.lowercased()) }),
           editDistance(nearest, first.lowercased()) <= max(2, first.count / 3) {
            return "unknown command \(shown); did you mean \(nearest)? (type help for a list)"
        }
        return "unknown command \(shown); type help for a list"
    }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
