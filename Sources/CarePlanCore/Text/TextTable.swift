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
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        if let maxWidth {
            var excess = widths.reduce(0, +) + 2 * max(0, widths.count - 1) - maxWidth
            for (column, narrowest) in shrinkable where excess > 0 && widths.indices.contains(column) {
                let floor = max(narrowest, headers[column].count)
                let cut = min(excess, max(0, widths[column] - floor))
                widths[column] -= cut
                excess -= cut
            }
        }
        func fitted(_ cell: String, _ column: Int) -> String {
            guard column < widths.count, cell.count > widths[column] else { return cell }
            return String(cell.prefix(max(0, widths[column] - 1))) + "…"
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, raw) in cells.enumerated() {
                let cell = fitted(raw, column)
                let isLast = column == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: max(0, widths[column] - cell.count) + 2)
            }
            return text + "\n"
        }
        return line(headers) + rows.map(line).joined()
    }
}
