package import CarePlanCore
import Foundation

/// What one argument holds, as the parser sees it (`kind`: how it is checked, completed and
/// shown in usage) and as a command reads it (`Value`).
///
/// The parser has already checked a value against `kind` before `read` sees it, so `read`
/// only converts; it still throws rather than trusting that, so a kind and a reader that
/// disagree give a one-line error, never a crash.
package struct ArgumentType<Value>: Sendable {
    /// How the parser checks and completes the value.
    package let kind: ArgumentKind
    /// True when "" is a value in its own right (free text), false when it means "none".
    let emptyIsValue: Bool
    /// Turns the raw text into the value; `field` names the argument in errors.
    let read: @Sendable (_ raw: String, _ field: String, _ today: CalendarDate) throws -> Value

    /// A type the parser checks as `kind` and `read` converts.
    package init(
        kind: ArgumentKind, emptyIsValue: Bool = false,
        read: @escaping @Sendable (_ raw: String, _ field: String, _ today: CalendarDate) throws -> Value
    ) {
        self.kind = kind
        self.emptyIsValue = emptyIsValue
        self.read = read
    }
}

extension ArgumentType where Value == String {
    /// Free text, kept exactly as typed; "" is a value (it clears a text field in an edit).
    package static var text: Self { words(.text) }
    /// A plan: id, NHS number or name.
    package static var plan: Self { words(.plan) }
    /// A file path.
    package static var file: Self { words(.file) }
    /// An NHS number (checked by the parser, read as typed).
    package static var nhsNumber: Self { words(.nhsNumber) }

    /// One of a fixed list of words, read as typed.
    package static func choice(_ values: [String]) -> Self { words(.choice(values)) }

    /// A value from a list that depends on the session, such as a module's entry ids (`L1`)
    /// or a directory's service ids; `list` lists them for completion.
    package static func dynamic(_ placeholder: String, _ list: @escaping @Sendable (ShellSession) -> [String]) -> Self {
        words(.dynamic(placeholder, list))
    }

    /// Ids of entries in the open plan's section of a module (`T1`, `U1`), listed by `ids`,
    /// for completion.
    package static func sectionEntries<S: PluginSection>(
        _ type: S.Type, _ placeholder: String, _ ids: @escaping @Sendable (S) -> [String]
    ) -> Self {
        words(.sectionEntries(type, placeholder, ids))
    }

    private static func words(_ kind: ArgumentKind) -> Self {
        Self(kind: kind, emptyIsValue: kind.isFreeText) { raw, _, _ in raw }
    }
}

extension ArgumentType where Value == CalendarDate {
    /// A date, `YYYY-MM-DD` or `31/12/2026`, `today`, `tomorrow`: a planned day may be in the
    /// future.
    package static var date: Self {
        Self(kind: .date) { raw, field, today in try Invocation.parseDate(raw, today: today, field: field) }
    }

    /// A day something happened (a session held, a measure taken): today or earlier.
    package static var pastDate: Self {
        Self(kind: .pastDate) { raw, field, today in try Invocation.parseDate(raw, today: today, field: field, happened: true) }
    }
}

extension ArgumentType where Value == Int {
    /// A whole number in `range`.
    package static func integer(_ range: ClosedRange<Int>) -> Self {
        Self(kind: .integer(range)) { raw, field, _ in
            guard let number = Int(raw), range.contains(number) else {
                throw ShellError("\(field): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
    }
}

extension ArgumentType where Value == EntryID {
    /// An entry id of one of these kinds (`G2`).
    package static func entry(_ kinds: [EntryKind]) -> Self {
        Self(kind: .entry(kinds)) { raw, field, _ in
            guard let id = EntryID(raw), kinds.contains(id.kind) else {
                throw ShellError("\(field): expected an entry id such as \(kinds.first?.rawValue ?? "G")1")
            }
            return id
        }
    }
}

extension ArgumentType where Value == [EntryID] {
    /// A comma-separated list of entry ids of one kind (`N1,N2`).
    package static func entryList(_ kind: EntryKind) -> Self {
        Self(kind: .entryList(kind)) { raw, field, _ in
            try raw.split(separator: ",").map { part in
                let word = part.trimmingCharacters(in: .whitespaces)
                guard let id = EntryID(word), id.kind == kind else {
                    throw ShellError("\(field): expected entry ids such as \(kind.rawValue)1,\(kind.rawValue)2")
                }
                return id
            }
        }
    }
}

extension ArgumentType where Value: Vocabulary {
    /// One of a vocabulary's values, typed as its code or label.
    package static func vocabulary(_ type: Value.Type) -> Self {
        Self(kind: .choice(Value.allCases.map(\.rawValue))) { raw, field, _ in
            guard let value = Value.parse(raw) else { throw ShellError("\(field): expected one of \(Value.choices)") }
            return value
        }
    }
}

extension ArgumentType {
    /// The same type where a value typed as "" reads as nil: for a required argument whose
    /// empty value clears a field (`about written ""`).
    package var clearable: ArgumentType<Value?> {
        let read = read
        return ArgumentType<Value?>(kind: kind, emptyIsValue: true) { raw, field, today in
            raw.isEmpty ? nil : try read(raw, field, today)
        }
    }
}
