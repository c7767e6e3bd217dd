/// One shell command: its words, arguments, help, and what it does.
package struct CommandSpec: Sendable {
    /// The words that name it ("goal add").
    package let name: String
    /// The help group it is listed under ("Goals and actions").
    package var group: String
    /// One line saying what it does.
    package var summary: String
    /// Positional arguments, in order.
    package private(set) var positionals: [PositionalSpec]
    /// Options.
    package private(set) var options: [OptionSpec]
    /// An example line.
    package var example: String
    /// Extra help text, if any.
    package var details: String?
    /// True if it needs an open plan.
    package var needsPlan: Bool
    /// Runs it.
    package private(set) var run: Run

    /// The code that runs a command, reading its arguments through the handles its
    /// declaration made.
    package typealias Run = @Sendable (Invocation, ShellSession) throws -> Void

    /// A command whose arguments `declare` declares; it returns the code that runs the
    /// command, which reads them through the handles the declarations returned.
    package init(
        _ name: String, group: String, summary: String, example: String, details: String? = nil, needsPlan: Bool = true,
        arguments declare: (inout CommandArguments) -> Run
    ) {
        var arguments = CommandArguments(command: name)
        let run = declare(&arguments)
        self.name = name
        self.words = name.split(separator: " ").map(String.init)
        self.group = group
        self.summary = summary
        self.positionals = arguments.positionals
        self.options = arguments.options
        self.example = example
        self.details = details
        self.needsPlan = needsPlan
        self.run = run
    }

    /// A command that takes no arguments.
    package init(
        _ name: String, group: String, summary: String, example: String, details: String? = nil, needsPlan: Bool = true,
        run: @escaping Run
    ) {
        self.init(name, group: group, summary: summary, example: example, details: details, needsPlan: needsPlan) { _ in run }
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
    let words: [String]
}
