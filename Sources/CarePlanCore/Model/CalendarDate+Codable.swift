extension CalendarDate: Codable, TreeReadable, TreeWritable {
    public init(from decoder: any Decoder) throws {
        self = try Self.read(try decoder.singleValueContainer().decode(String.self), record: decoder.recordOrThrow)
    }

    package var jsonTree: JSONValue { .string(description) }

    package init(reading value: TreeValue) throws {
        self = try Self.read(value.string(), record: value.recordOrThrow)
    }

    /// The date `text` writes; for text that is not a date, the problem goes to `record`
    /// (which throws it or collects it) and the placeholder stands in, so decoding carries on
    /// and every problem in the file is reported at once.
    private static func read(_ text: String, record: (String) throws -> Void) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            try record("expected a date like 2026-12-31, got \(Quoted(text))")
            return placeholder
        }
        return date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Stands in for an unreadable date while decoding carries on to find other problems;
    /// a plan holding it is never returned, because the recorded issue fails the load.
    static let placeholder = CalendarDate(unchecked: 1, 1, 1)
}
