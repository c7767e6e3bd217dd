import CarePlanCore
import Foundation

/// A command's arguments, parsed and checked against its spec.
package struct Invocation: Sendable {
    /// The command.
    package let spec: CommandSpec
    /// Positional values by name.
    let positionals: [String: String]
    /// Option values by name ("" for flags that are present).
    let options: [String: String]
    /// The day the command runs, for `today` in dates.
    let today: CalendarDate

    /// The value of an argument the command declared.
    package subscript<Value>(_ argument: ArgumentHandle<Value>) -> Value {
        get throws { try argument.value(raw(argument), today) }
    }

    /// A field change from an option: `.none` when it was not given (leave the field alone),
    /// `.some(nil)` for "" (clear the field), otherwise the value.
    package func change<Value>(_ argument: ArgumentHandle<Value?>) throws -> Value?? {
        guard let raw = raw(argument) else { return .none }
        guard !raw.isEmpty else { return .some(nil) }
        return .some(try argument.value(raw, today))
    }

    /// True when the argument was given at all (even as "").
    package func isGiven<Value>(_ argument: ArgumentHandle<Value>) -> Bool {
        raw(argument) != nil
    }

    /// The text typed for an argument. Handles are made only by declaring an argument, so the
    /// one way to read another command's is to smuggle its handle out of that declaration:
    /// debug builds (and so every test) stop at that.
    private func raw<Value>(_ argument: ArgumentHandle<Value>) -> String? {
        assert(argument.command == spec.name, "\(spec.name) reads \(argument.label), which \(argument.command) declared")
        return argument.isOption ? options[argument.name] : positionals[argument.name]
    }

    /// A typed date: `today`, `tomorrow`, `yesterday`, ISO or UK day-first. When `happened`,
    /// the day must not be after today: what is recorded as done cannot be in the future.
    static func parseDate(_ raw: String, today: CalendarDate, field: String, happened: Bool = false) throws -> CalendarDate {
        let date: CalendarDate
        switch raw.lowercased() {
        case "today": date = today
        case "tomorrow": date = today.adding(days: 1) ?? today
        case "yesterday": date = today.adding(days: -1) ?? today
        default:
            switch CalendarDate.parse(typed: raw, today: today) {
            case .success(let parsed): date = parsed
            case .failure(let problem): throw ShellError("\(field): \(TerminalSafe.sanitize(problem.message))")
            }
        }
        if happened, date > today {
            throw ShellError("\(field): \(date) is in the future; record what happened once it has happened (today is \(today))")
        }
        return date
    }
}

/// A command that failed, with one line saying why. Nothing was changed.
package struct ShellError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The reason.
    package var message: String
    /// True when a colleague's change to the same entry stopped this one: the line typed is
    /// kept so `again` can make it after a look.
    package var isConflict = false

    /// An error with `message`.
    package init(_ message: String, isConflict: Bool = false) {
        self.message = message
        self.isConflict = isConflict
    }

    package var description: String { message }
}
