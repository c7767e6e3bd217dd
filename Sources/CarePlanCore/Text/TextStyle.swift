/// How a view is written: for staff at a terminal (ids, ISO dates) or for the person
/// (no internal ids unless asked, dates written out).
public struct TextStyle: Sendable {
    /// Line width in characters.
    public var width: Int
    /// The current day, for views that depend on it.
    public var today: CalendarDate?
    /// Show entry ids (G1, L2...).
    public var showIDs: Bool
    /// Write dates out ("21 November 2026") instead of 2026-11-21.
    public var datesWrittenOut: Bool

    /// A style.
    public init(width: Int = 80, today: CalendarDate? = nil, showIDs: Bool = true, datesWrittenOut: Bool = false) {
        self.width = width
        self.today = today
        self.showIDs = showIDs
        self.datesWrittenOut = datesWrittenOut
    }

    /// The staff view: ids and ISO dates.
    public static func staff(width: Int, today: CalendarDate?) -> TextStyle {
        TextStyle(width: width, today: today, showIDs: true, datesWrittenOut: false)
    }

    /// A date in this style.
    public func date(_ date: CalendarDate) -> String {
        datesWrittenOut ? TextDates.long(date) : date.description
    }

    /// `"G1 "` when ids are shown, else nothing: put it before an entry's words.
    public func tag(_ id: some CustomStringConvertible) -> String {
        showIDs ? "\(id) " : ""
    }

    /// A wrapper for this width.
    public var wrapper: TextWrapper { TextWrapper(width: width) }
}
