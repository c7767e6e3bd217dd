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
    public func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                let isLast = column == cells.count - 1
                text += isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            return text + "\n"
        }
        return line(headers) + rows.map(line).joined()
    }
}
