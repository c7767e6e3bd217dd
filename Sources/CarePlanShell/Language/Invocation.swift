package import CarePlanCore
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

    /// The text of a positional or option, if given.
    ///
    /// Only names the command declared may be read: a misspelt name would otherwise read as
    /// "not given" and the command would quietly do nothing, so debug builds (and so every
    /// test) stop at it.
    package func text(_ name: String) -> String? {
        assert(
            kind(of: name) != nil || spec.options.contains { $0.name == name },
            "\(spec.name) reads \"\(name)\", which it does not declare")
        return positionals[name] ?? options[name]
    }

    /// True if a flag was given.
    package func flag(_ name: String) -> Bool {
        assert(spec.options.contains { $0.name == name }, "\(spec.name) reads the flag \"\(name)\", which it does not declare")
        return options[name] != nil
    }

    /// A field change from option `name`: nil when it was not given (leave the field alone),
    /// otherwise what `read` makes of it, nil for "" (clear the field). The name is written once,
    /// so the check and the read cannot name different options.
    package func change<T>(_ name: String, _ read: (String) throws -> T?) rethrows -> T?? {
        guard text(name) != nil else { return .none }
        return .some(try read(name))
    }

    /// A required text value (the parser guarantees required positionals).
    package func required(_ name: String) throws -> String {
        guard let value = text(name) else { throw ShellError("\(spec.name): \(name) is required") }
        return value
    }

    /// A date value; `today` is the day the command runs; "" clears (nil).
    package func date(_ name: String) throws -> CalendarDate? {
        guard let raw = text(name), !raw.isEmpty else { return nil }
        return try Self.parseDate(raw, today: today, field: label(name), happened: kind(of: name)?.isPastDate ?? false)
    }

    /// The declared kind of a positional or option.
    func kind(of name: String) -> ArgumentKind? {
        spec.positionals.first { $0.name == name }?.kind ?? spec.options.first { $0.name == name }?.kind
    }

    /// A whole number value.
    package func integer(_ name: String) throws -> Int? {
        guard let raw = text(name), !raw.isEmpty else { return nil }
        return Int(raw)
    }

    /// An entry id value.
    package func entry(_ name: String) throws -> EntryID? {
        guard let raw = text(name), !raw.isEmpty else { return nil }
        guard let id = EntryID(raw) else { throw ShellError("\(label(name)): expected an entry id such as G2, got \(raw)") }
        return id
    }

    /// A list of entry ids (`N1,N2`).
    package func entries(_ name: String) throws -> [EntryID]? {
        guard let raw = text(name) else { return nil }
        return try raw.split(separator: ",").map { part in
            let word = part.trimmingCharacters(in: .whitespaces)
            guard let id = EntryID(word) else { throw ShellError("\(label(name)): expected entry ids such as N1,N2, got \(word)") }
            return id
        }
    }

    /// A vocabulary value.
    package func choice<V: Vocabulary>(_ name: String, as type: V.Type) throws -> V? {
        guard let raw = text(name), !raw.isEmpty else { return nil }
        guard let value = V.parse(raw) else { throw ShellError("\(label(name)): expected one of \(V.choices), got \(raw)") }
        return value
    }

    /// Optional text where "" means "clear it".
    package func optionalText(_ name: String) -> String?? {
        guard let raw = text(name) else { return .none }
        return .some(raw.isEmpty ? nil : raw)
    }

    func label(_ name: String) -> String {
        options[name] != nil ? "--\(name)" : name
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
