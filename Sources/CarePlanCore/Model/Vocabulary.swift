/// A closed list of values written as strings in plan JSON (statuses, domains, methods).
///
/// Decoding an unknown value records "expected one of ..." against the field instead of
/// failing the whole document, so every problem in a file is reported together.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String {
    /// A short phrase for people ("in progress"), used in text views and messages.
    var label: String { get }
}

extension Vocabulary {
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// The values this vocabulary accepts, comma separated, for help and error messages.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Parses a value as typed by a person: exact raw value, or ignoring case and
    /// treating spaces and underscores as hyphens ("In progress" is `in-progress`).
    public static func parse(_ text: String) -> Self? {
        if let exact = Self(rawValue: text) { return exact }
        let normalized = text.lowercased()
            .replacingOccurrences(of: " ", with: "-")
            .replacingOccurrences(of: "_", with: "-")
        return Self(rawValue: normalized)
    }

    public init(from decoder: any Decoder) throws {
        self = try Self.read(try decoder.singleValueContainer().decode(String.self), record: decoder.recordOrThrow)
    }

    /// The value `text` names. For text naming none, "expected one of..." goes to `record`,
    /// which throws it or collects it; collected, any case stands in, since the load fails.
    static func read(_ text: String, record: (String) throws -> Void) throws -> Self {
        if let value = Self(rawValue: text) { return value }
        try record("expected one of \(Self.choices), got \(Quoted(text))")
        guard let first = Self.allCases.first else { try record("empty vocabulary"); throw VocabularyIsEmpty() }
        return first
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Thrown for a value of a vocabulary with no values, which no plan can hold.
struct VocabularyIsEmpty: Error {}
