import CarePlanCore

/// The text of `help` and `help COMMAND`.
enum HelpText {
    static func render(_ registry: CommandRegistry, topic: String?, width: Int = 80) -> String {
        guard let topic, !topic.isEmpty else { return overview(registry, width: width) }
        let words = topic.lowercased().split(separator: " ").map(String.init)
        if let (spec, used) = registry.match(words), used == words.count {
            return detail(spec)
        }
        let family = registry.commands.filter { $0.words.first == words.first }
        if !family.isEmpty {
            return family.map(detail).joined(separator: "\n")
        }
        return "no command named \(Tokenizer.quote(topic)); type help for a list\n"
    }

    static func overview(_ registry: CommandRegistry, width lineWidth: Int) -> String {
        var text = "Commands (help COMMAND for details; Tab completes):\n"
        let width = (registry.commands.map(\.name.count).max() ?? 10) + 2
        for group in registry.groups {
            text += "\n\(group)\n"
            for command in registry.commands where command.group == group {
                let lead = "  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let wrapped = TextWrapper(width: lineWidth).wrap(command.summary, firstPrefix: lead,
                                                                 restPrefix: String(repeating: " ", count: lead.count))
                text += wrapped.joined(separator: "\n") + "\n"
            }
        }
        text += "\nText arguments at the end of a line need no quotes. Use \"...\" or '...' around text\n"
        text += "elsewhere, and \\ before a quote. Dates are YYYY-MM-DD, today, tomorrow or yesterday.\n"
        text += "Start a line with a space to keep it out of the history.\n"
        return text
    }

    static func detail(_ spec: CommandSpec) -> String {
        var text = "\(spec.name): \(spec.summary)\n  usage: \(spec.usage)\n"
        for option in spec.options {
            let name = option.kind.map { "--\(option.name) \($0.placeholder)" } ?? "--\(option.name)"
            text += "  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(option.help)\n"
        }
        if let details = spec.details { text += "  \(details)\n" }
        text += "  example: \(spec.example)\n"
        return text
    }
}
