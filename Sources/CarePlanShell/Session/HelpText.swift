import CarePlanCore

/// The text of `help` and `help COMMAND`.
enum HelpText {
    static func render(_ registry: CommandRegistry, topic: String?, width: Int = 80) -> String {
        guard let topic, !topic.isEmpty else { return overview(registry, width: width) }
        let words = topic.lowercased().split(separator: " ").map(String.init)
        if let (spec, used) = registry.match(words), used == words.count {
            return detail(spec, width: width)
        }
        let family = registry.commands.filter { $0.words.first == words.first }
        if !family.isEmpty {
            return family.map { detail($0, width: width) }.joined(separator: "\n")
        }
        let shown = TerminalSafe.sanitize(Tokenizer.quote(String(topic.prefix(40))))
        if let first = words.first, let nearest = registry.suggestion(for: first, among: registry.commands.map { $0.words[0] }) {
            return "no command named \(shown); did you mean \(nearest)? (help \(nearest))\n"
        }
        return "no command named \(shown); type help for a list\n"
    }

    static func overview(_ registry: CommandRegistry, width lineWidth: Int) -> String {
        var text = "Commands (help COMMAND for details; Tab completes):\n"
        let width = (registry.commands.map(\.name.count).max() ?? 10) + 2
        for group in registry.groups {
            text += "\n\(group)\n"
            for command in registry.commands where command.group == group {
                let lead = "  " + command.name.fitted(to: width)
                let wrapped = TextWrapper(width: lineWidth).wrap(
                    command.summary, firstPrefix: lead,
                    restPrefix: String(repeating: " ", count: lead.count))
                text += wrapped.joined(separator: "\n") + "\n"
            }
        }
        text += "\nText is kept as typed, quotes, #, -- and \\ included, up to the next option the\n"
        text += "command knows. To keep a word like --need in text, put all the text in quotes.\n"
        text += "Dates: 2026-12-31, 31/12/2026, today, tomorrow, yesterday. # at the start of a\n"
        text += "line is a comment. Start a line with a space to keep it out of the history.\n"
        return text
    }

    static func detail(_ spec: CommandSpec, width: Int) -> String {
        let wrapper = TextWrapper(width: width)
        var lines = wrapper.wrap("\(spec.name): \(spec.summary)", restPrefix: "  ")
        lines += wrapper.wrap(spec.usage, firstPrefix: "  usage: ", restPrefix: "         ")
        for option in spec.options {
            let name = option.kind.map { "--\(option.name) \($0.placeholder)" } ?? "--\(option.name)"
            var help = option.help
            if case .choice(let values)? = option.kind, values.count > 4 { help += " (\(values.joined(separator: ", ")))" }
            let lead = "  " + name.fitted(to: 24) + " "
            lines += wrapper.wrap(help, firstPrefix: lead, restPrefix: String(repeating: " ", count: lead.count))
        }
        for positional in spec.positionals {
            if case .choice(let values) = positional.kind, values.count > 4 {
                lines += wrapper.wrap("\(positional.name): \(values.joined(separator: ", "))", firstPrefix: "  ", restPrefix: "    ")
            }
        }
        if let details = spec.details { lines += wrapper.wrap(details, firstPrefix: "  ", restPrefix: "  ") }
        lines += wrapper.wrap(spec.example, firstPrefix: "  example: ", restPrefix: "    ")
        return lines.joined(separator: "\n") + "\n"
    }
}
