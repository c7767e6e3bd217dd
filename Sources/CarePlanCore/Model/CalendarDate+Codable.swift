extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            let issue = "expected a date like 2026-12-31, got \(Quoted(text))"
            // Keep decoding so that every problem in the file is reported at once.
            try decoder.recordOrThrow(issue)
            self = CalendarDate.placeholder
            return
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Stands in for an unreadable date while decoding carries on to find other problems;
    /// a plan holding it is never returned, because the recorded issue fails the load.
    static let placeholder = CalendarDate(unchecked: 1, 1, 1)
}
