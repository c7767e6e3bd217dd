import CarePlanCore

/// A typed handle on one argument a command declared, read with `invocation[handle]`.
///
/// Handles are made only by declaring an argument (`CommandArguments`), so a command reads
/// exactly what it declared, under the name it declared, as the type it declared: there is no
/// name to misspell and no value to convert by hand.
package struct ArgumentHandle<Value>: Sendable {
    /// The command that declared it.
    let command: String
    /// The name it was declared with (without dashes for an option).
    let name: String
    /// True for an option, false for a positional.
    let isOption: Bool
    /// Its value from the raw text: nil when it was not given.
    let value: @Sendable (_ raw: String?, _ today: CalendarDate) throws -> Value

    /// How errors name it: `--target` for an option, `ID` for a positional.
    var label: String { isOption ? "--\(name)" : name }
}

/// Where a command declares its arguments. Each declaration adds the argument to the
/// command's usage, help, parsing and completion, and hands back the typed handle that reads it.
///
/// ```swift
/// CommandSpec("goal status", group: group, summary: "...", example: "goal status G1 active") { arguments in
///     let goal = arguments.positional("ID", .entry([.goal]))
///     let status = arguments.positional("STATUS", .vocabulary(GoalLifecycleStatus.self))
///     return { invocation, session in
///         try session.apply(.moveGoal(try invocation[goal], to: try invocation[status], achievement: nil))
///     }
/// }
/// ```
package struct CommandArguments {
    /// The command being declared.
    let command: String
    /// Positional arguments, in order.
    private(set) var positionals: [PositionalSpec] = []
    /// Options.
    private(set) var options: [OptionSpec] = []

    init(command: String) { self.command = command }

    /// A positional the command cannot run without. `rest` takes every remaining word, joined
    /// as typed (so text needs no quotes).
    package mutating func positional<Value>(_ name: String, _ type: ArgumentType<Value>, rest: Bool = false) -> ArgumentHandle<Value> {
        positionals.append(PositionalSpec(name, type.kind, rest: rest))
        return required(name, type, isOption: false)
    }

    /// A positional that may be left out: nil when it is (or, unless it is free text, when it
    /// is given as "").
    package mutating func optionalPositional<Value>(_ name: String, _ type: ArgumentType<Value>, rest: Bool = false) -> ArgumentHandle<Value?> {
        positionals.append(PositionalSpec(name, type.kind, optional: true, rest: rest))
        return optional(name, type, isOption: false)
    }

    /// An `--option VALUE`: nil when it is not given (or, unless it is free text, when it is
    /// given as ""). Read it with `invocation.change(handle)` to tell "leave alone" from "clear".
    package mutating func option<Value>(_ name: String, _ type: ArgumentType<Value>, _ help: String) -> ArgumentHandle<Value?> {
        options.append(OptionSpec(name, type.kind, help))
        return optional(name, type, isOption: true)
    }

    /// An `--option VALUE` the command cannot run without.
    package mutating func requiredOption<Value>(_ name: String, _ type: ArgumentType<Value>, _ help: String) -> ArgumentHandle<Value> {
        options.append(OptionSpec(name, type.kind, help, required: true))
        return required(name, type, isOption: true)
    }

    /// A `--flag`: true when it is given.
    package mutating func flag(_ name: String, _ help: String) -> ArgumentHandle<Bool> {
        options.append(OptionSpec(name, nil, help))
        return ArgumentHandle(command: command, name: name, isOption: true) { raw, _ in raw != nil }
    }

    private func required<Value>(_ name: String, _ type: ArgumentType<Value>, isOption: Bool) -> ArgumentHandle<Value> {
        let command = command, label = isOption ? "--\(name)" : name
        return ArgumentHandle(command: command, name: name, isOption: isOption) { raw, today in
            // The parser insists on required arguments; "" still reaches here when typed.
            guard let raw, !raw.isEmpty || type.emptyIsValue else { throw ShellError("\(command): \(label) needs a value") }
            return try type.read(raw, label, today)
        }
    }

    private func optional<Value>(_ name: String, _ type: ArgumentType<Value>, isOption: Bool) -> ArgumentHandle<Value?> {
        let label = isOption ? "--\(name)" : name
        return ArgumentHandle(command: command, name: name, isOption: isOption) { raw, today in
            guard let raw, !raw.isEmpty || type.emptyIsValue else { return nil }
            return try type.read(raw, label, today)
        }
    }
}
