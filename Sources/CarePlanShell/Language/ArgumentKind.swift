package import CarePlanCore

/// What a command argument or option value is, which decides how it is checked and completed.
package enum ArgumentKind: Sendable {
    /// Free text.
    case text
    /// A date, `YYYY-MM-DD` or `31/12/2026`, or `today`: a planned day may be in the future.
    case date
    /// A day something happened (a session held, an attendance, a measure taken, a date of
    /// birth): today or earlier.
    case pastDate
    /// A whole number in a range.
    case integer(ClosedRange<Int>)
    /// An entry id of one of these kinds (G2).
    case entry([EntryKind])
    /// A comma-separated list of entry ids of one kind (N1,N2).
    case entryList(EntryKind)
    /// One of a fixed list of words.
    case choice([String])
    /// A plan: id, NHS number or name.
    case plan
    /// A file path.
    case file
    /// An NHS number.
    case nhsNumber
    /// A value from a list that depends on the session, such as a module's entry ids (`L1`)
    /// or a directory's service ids; the closure lists them for completion.
    case dynamic(String, @Sendable (ShellSession) -> [String])

    /// Ids of entries in the open plan's section of a module (`T1`, `U1`), listed by `ids`,
    /// for completion.
    static func sectionEntries<S: PluginSection>(
        _ type: S.Type, _ placeholder: String, _ ids: @escaping @Sendable (S) -> [String]
    ) -> ArgumentKind {
        .dynamic(placeholder) { session in
            guard let plan = session.current?.plan, let section = try? SectionCodec.read(S.self, from: plan) else { return [] }
            return ids(section)
        }
    }

    /// True for `.text`, where "" is a value rather than "none".
    var isFreeText: Bool {
        if case .text = self { return true }
        return false
    }

    /// True for `.pastDate`.
    var isPastDate: Bool {
        if case .pastDate = self { return true }
        return false
    }

    /// A short placeholder for usage lines.
    var placeholder: String {
        switch self {
        case .text: "TEXT"
        case .date, .pastDate: "DATE"
        case .integer(let range): "\(range.lowerBound)-\(range.upperBound)"
        case .entry(let kinds): kinds.map { "\($0.rawValue)n" }.joined(separator: "|")
        case .entryList(let kind): "\(kind.rawValue)n,..."
        case .choice(let values): values.count <= 4 ? values.joined(separator: "|") : "VALUE"
        case .plan: "PLAN"
        case .file: "FILE"
        case .nhsNumber: "NHS-NUMBER"
        case .dynamic(let placeholder, _): placeholder
        }
    }
}

/// A positional argument.
package struct PositionalSpec: Sendable {
    /// The name used in usage and errors.
    package var name: String
    /// What it holds.
    package var kind: ArgumentKind
    /// True if it may be left out.
    package var optional: Bool
    /// True if it takes every remaining word, joined by spaces (so text needs no quotes).
    package var rest: Bool

    /// A positional argument (declared through `CommandArguments`, which hands back its handle).
    init(_ name: String, _ kind: ArgumentKind, optional: Bool = false, rest: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
        self.rest = rest
    }
}

/// An `--option VALUE` or a `--flag`.
package struct OptionSpec: Sendable {
    /// The name without dashes.
    package var name: String
    /// What its value holds; nil for a flag.
    package var kind: ArgumentKind?
    /// One line of help.
    package var help: String
    /// True when the command cannot run without it; usage shows it without brackets.
    package var required: Bool

    /// An option taking a value of `kind`, or a flag when `kind` is nil (declared through
    /// `CommandArguments`, which hands back its handle).
    init(_ name: String, _ kind: ArgumentKind?, _ help: String, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.help = help
        self.required = required
    }
}
