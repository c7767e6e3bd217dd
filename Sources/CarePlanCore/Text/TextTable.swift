/// Plain column-aligned text tables for listings.
public struct TextTable: Sendable {
    /// Column headings.
    public var headers: [String]
    /// Rows of cells; each row as many cells as there are headers.
    public var rows: [[String]]

    /// A table with `headers` and `rows`.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The table, one line per row, columns separated by two spaces, no trailing spaces.
    ///
    /// - Parameters:
    ///   - maxWidth: the longest a line may be; when the table is wider, the columns in
    ///     `shrinkable` give way in the order given, each down to its narrowest, and their
    ///     cut cells end in "…".
    ///   - shrinkable: the columns that may be cut (free text such as a title or a name),
    ///     each with the narrowest it may become.
    public func render(maxWidth: Int? = nil, shrinkable: [(column: Int, narrowest: Int)] = []) -> String {
        var columns = Columns(headers: headers)
        rows.forEach { columns.measure($0) }
        let fitted = columns.fitted(maxWidth: maxWidth, shrinkable: shrinkable)
        return fitted.line(headers) + rows.map(fitted.line).joined()
    }

    /// Column widths, measured a row at a time: a table whose rows are streamed is measured
    /// in one pass and written in a second, without holding the rows.
    public struct Columns: Sendable, Equatable {
        /// The width of each column.
        public private(set) var widths: [Int]
        /// The headings' widths: no column is cut narrower than its heading.
        private let headingWidths: [Int]

        /// Columns as wide as their headings.
        public init(headers: [String]) {
            widths = headers.map(\.count)
            headingWidths = widths
        }

        /// Widens the columns to fit `cells`.
        public mutating func measure(_ cells: [String]) {
            for (column, cell) in cells.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }

        /// The columns narrowed to fit `maxWidth`: the `shrinkable` columns give way in the
        /// order given, each down to its narrowest (never narrower than its heading).
        public func fitted(maxWidth: Int?, shrinkable: [(column: Int, narrowest: Int)]) -> Columns {
            guard let maxWidth else { return self }
            var result = self
            var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - maxWidth
            for (column, narrowest) in shrinkable where excess > 0 && widths.indices.contains(column) {
                let floor = max(narrowest, headingWidths[column])
                let cut = min(excess, max(0, result.widths[column] - floor))
                result.widths[column] -= cut
                excess -= cut
            }
            return result
        }

        /// One line of the table, ending in a newline; a cell too long for its column is cut
        /// and ends in "…".
        public func line(_ cells: [String]) -> String {
            var text = ""
            for (column, raw) in cells.enumerated() {
                var cell = raw
                if column < widths.count, cell.count > widths[column] {
                    cell = String(cell.prefix(max(0, widths[column] - 1))) + "…"
                }
                let isLast = column == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: max(0, widths[column] - cell.count) + 2)
            }
            return text + "\n"
        }
    }
}
