/// One shell command: its words, arguments, help, and what it does.
package struct CommandSpec: Sendable {
    /// The words that name it ("goal add").
    package var name: String
    /// The help group it is listed under ("Goals and actions").
    package var group: String
    /// One line saying what it does.
    package var summary: String
    /// Positional arguments, in order.
    package var positionals: [PositionalSpec]
    /// Options.
    package var options: [OptionSpec]
    /// An example line.
    package var example: String
    /// Extra help text, if any.
    package var details: String?
    /// True if it needs an open plan.
    package var needsPlan: Bool
    /// Runs it.
    package var run: @Sendable (Invocation, ShellSession) throws -> Void

    /// A command.
    package init(
        _ name: String, group: String, summary: String, positionals: [PositionalSpec] = [],
        options: [OptionSpec] = [], example: String, details: String? = nil, needsPlan: Bool = true,
        run: @escaping @Sendable (Invocation, ShellSession) throws -> Void
    ) {
        self.name = name
        self.group = group
        self.summary = summary
        self.positionals = positionals
        self.options = options
        self.example = example
        self.details = details
        self.needsPlan = needsPlan
        self.run = run
    }

    /// The usage line: `goal add TEXT [--need Nn,...] ...`.
    package var usage: String {
        var parts = [name]
        for positional in positionals {
            let shown = positional.rest ? "\(positional.name)..." : positional.name
            parts.append(positional.optional ? "[\(shown)]" : shown)
        }
        for option in options.filter(\.required) + options.filter({ !$0.required }) {
            let shown = option.kind.map { "--\(option.name) \($0.placeholder)" } ?? "--\(option.name)"
            parts.append(option.required ? shown : "[\(shown)]")
        }
        return parts.joined(separator: " ")
    }

    /// The words of the name.
    var words: [String] { name.split(separator: " ").map(String.init) }
}
