import CarePlanCore
import Foundation

/// Tab completion as a pure function of the line typed so far and the session's state.
///
/// Returns whole words to put in place of the word being typed: command words, option names,
/// entry ids of the open plan, vocabulary values, plan ids, and file paths.
package struct Completer {
    let session: ShellSession

    /// A completer for `session`.
    package init(session: ShellSession) {
        self.session = session
    }

    /// Candidates for the word being typed at the end of `line`.
    package func complete(_ line: String) -> [String] {
        let partial = Tokenizer.partial(line)
        let words = partial.words
        let current = partial.current
        var candidates = commandWords(after: words, prefix: current)
        if let (spec, used) = session.registry.match(words) {
            candidates += arguments(of: spec, given: Array(words.dropFirst(used)), current: current)
        }
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0).inserted }.sorted()
    }

    private func commandWords(after words: [String], prefix: String) -> [String] {
        let typed = words.map { $0.lowercased() }
        return session.registry.commands.compactMap { command in
            let name = command.words
            guard name.count > typed.count, Array(name.prefix(typed.count)) == typed,
                name[typed.count].hasPrefix(prefix.lowercased())
            else { return nil }
            return name[typed.count]
        }
    }

    private func arguments(of spec: CommandSpec, given: [String], current: String) -> [String] {
        // Is the word being typed the value of an option?
        if let last = given.last, last.hasPrefix("--"),
            let option = spec.options.first(where: { "--\($0.name)" == last }), let kind = option.kind
        {
            return values(of: kind, prefix: current)
        }
        if current.hasPrefix("-") {
            let used = Set(given.filter { $0.hasPrefix("--") })
            return spec.options.map { "--\($0.name)" }.filter { $0.hasPrefix(current) && !used.contains($0) }
        }
        // Count positionals already given, skipping options and their values.
        var count = 0
        var index = 0
        while index < given.count {
            let word = given[index]
            if word.hasPrefix("--"), let option = spec.options.first(where: { "--\($0.name)" == word }) {
                index += option.kind == nil ? 1 : 2
                continue
            }
            count += 1
            index += 1
        }
        var position = count
        if let restIndex = spec.positionals.firstIndex(where: \.rest), position > restIndex { position = restIndex }
        guard position < spec.positionals.count else { return [] }
        let positional = spec.positionals[position]
        if positional.rest, case .text = positional.kind { return [] }
        if positional.rest, case .plan = positional.kind {
            // A name may be several words: complete the whole of it, offering name and id.
            let earlier = Array(given.dropFirst(min(position, given.count)).filter { !$0.hasPrefix("--") })
            return planCompletions(current, earlierWords: earlier)
        }
        return values(of: positional.kind, prefix: current)
    }

    private func values(of kind: ArgumentKind, prefix: String) -> [String] {
        switch kind {
        case .choice(let values):
            return values.filter { $0.hasPrefix(prefix.lowercased()) }
        case .pastDate:
            return ["today", "yesterday"].filter { $0.hasPrefix(prefix.lowercased()) }
        case .date:
            return ["today", "tomorrow", "yesterday"].filter { $0.hasPrefix(prefix.lowercased()) }
        case .entry(let kinds):
            return entryIDs(kinds).filter { $0.hasPrefix(prefix.uppercased()) }
        case .entryList(let kind):
            let head = prefix.range(of: ",", options: .backwards).map { String(prefix[..<$0.upperBound]) } ?? ""
            let last = String(prefix.dropFirst(head.count))
            let already = Set(head.split(separator: ",").map { $0.uppercased() })
            return entryIDs([kind]).filter { $0.hasPrefix(last.uppercased()) && !already.contains($0) }.map { head + $0 }
        case .plan:
            return planCompletions(prefix)
        case .file:
            return FileCompletion.candidates(for: prefix)
        case .dynamic(_, let list):
            return list(session).filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
        case .text, .integer, .nhsNumber:
            return []
        }
    }

    private func entryIDs(_ kinds: [EntryKind]) -> [String] {
        guard let plan = session.current?.plan else { return [] }
        return plan.entryIDs.map(\.id).filter { kinds.contains($0.kind) }.sorted().map(\.description)
    }

    /// Plans for the words typed so far: ids and NHS numbers complete as themselves; a name
    /// completes to "Name (CP-ID)", which `open` reads as that one plan, so two people with
    /// one name are told apart at a glance. Only the word being typed is replaced.
    private func planCompletions(_ prefix: String, earlierWords: [String] = []) -> [String] {
        if !earlierWords.isEmpty {
            let typedBefore = earlierWords.joined(separator: " ") + " "
            let query = typedBefore + prefix
            let matches = (try? session.store.find(query, limit: 50)) ?? []
            return matches.compactMap { summary in
                let full = "\(summary.name) (\(summary.id))"
                guard NameFold.fold(full).hasPrefix(NameFold.fold(typedBefore)) else { return nil }
                return String(full.dropFirst(typedBefore.count))
            }
        }
        guard !prefix.isEmpty else {
            return ((try? session.store.list()) ?? []).prefix(50).map(\.id)
        }
        var candidates: [String] = []
        for summary in (try? session.store.plans(withIDOrNumberPrefix: prefix)) ?? [] {
            candidates.append(summary.id.hasPrefix(prefix) ? summary.id : summary.nhsNumber ?? summary.id)
        }
        let matches = (try? session.store.find(prefix, limit: 50)) ?? []
        for summary in matches {
            if summary.id.lowercased().hasPrefix(prefix.lowercased()) {
                candidates.append(summary.id)
            } else if let number = summary.nhsNumber, number.hasPrefix(prefix.filter { $0 != " " }) {
                candidates.append(number)
            } else {
                candidates.append("\(summary.name) (\(summary.id))")
            }
        }
        return candidates
    }
}

/// File-name completion for import and export.
enum FileCompletion {
    static func candidates(for prefix: String) -> [String] {
        let expanded = prefix.hasPrefix("~/") ? NSHomeDirectory() + prefix.dropFirst(1) : prefix
        let directory: String, stem: String
        if let slash = expanded.lastIndex(of: "/") {
            directory = String(expanded[...slash])
            stem = String(expanded[expanded.index(after: slash)...])
        } else {
            directory = ""
            stem = expanded
        }
        let folder = directory.isEmpty ? "." : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let shownDirectory = prefix.hasPrefix("~/") ? "~/" + directory.dropFirst(NSHomeDirectory().count + 1) : directory
        return names.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
            return shownDirectory + name + (isDirectory.boolValue ? "/" : "")
        }
    }
}

/// Case- and accent-insensitive comparison for name completion.
enum NameFold {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
