public import CarePlanCore
public import Foundation

/// Instants written as RFC 3339 in UTC with whole seconds: `2026-11-21T09:30:00Z`.
public enum Timestamp {
    /// `instant` as RFC 3339 UTC.
    public static func format(_ instant: Date) -> String {
        instant.formatted(.iso8601)
    }

    /// The first instant of `day` in UTC.
    public static func startOfDay(_ day: CalendarDate) -> Date {
        parse(String(format: "%04d-%02d-%02dT00:00:00Z", day.year, day.month, day.day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Parses RFC 3339 UTC; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
