public import Foundation

/// A postcode-to-IMD-decile lookup, read from the CSV shape the public postcode lookups of the
/// English Indices of Deprivation take: a header row, a postcode column and a decile column,
/// any other columns ignored (`careplan reference import imd FILE`).
///
/// The postcode column is the first headed `pcds`, `pcd`, `pcd7`, `pcd8` or `postcode`; the
/// decile column is headed `Index of Multiple Deprivation Decile` (the IoD postcode lookup's
/// output), `Index of Multiple Deprivation (IMD) Decile` or `imd_decile` (case, spaces and
/// punctuation aside). Decile 1 is the most deprived tenth of England's neighbourhoods.
/// A row with an empty decile (a postcode outside England, or terminated) is skipped and
/// counted; anything else wrong stops the import naming the line.
public struct DeprivationLookup: Sendable, Equatable {
    /// Postcodes as `UKPostcode.normalized` writes them ("WS3 7QT"), each once.
    public var postcodes: [String] = []
    /// The decile, 1 to 10, of each postcode in `postcodes`.
    public var deciles: [Int] = []
    /// Rows without a decile, skipped.
    public var skipped = 0

    /// An empty lookup.
    public init() {}

    /// Why a lookup file was refused: one line naming the file and, where it is one, the line.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
        package init(_ description: String) { self.description = description }
    }

    /// The most read from a lookup file: England's 1.5 million live postcodes with a few
    /// columns each fit many times over.
    public static let sizeLimit = 512 * 1024 * 1024

    static let postcodeHeaders = ["pcds", "pcd", "pcd7", "pcd8", "postcode"]
    static let decileHeaders = ["indexofmultipledeprivationdecile", "indexofmultipledeprivationimddecile", "imddecile"]

    /// Reads the lookup at `path`.
    public static func read(path: String) throws(Problem) -> DeprivationLookup {
        let data: Data
        do {
            data = try BoundedFile.read(path, limit: sizeLimit)
        } catch {
            throw Problem("\(path): \(error.reason)")
        }
        return try parse(data, file: path)
    }

    /// Reads a lookup from the bytes of a CSV file named `file` in messages.
    public static func parse(_ data: Data, file: String) throws(Problem) -> DeprivationLookup {
        var records = CSVRecords(data)
        guard let header = try records.next(file: file) else { throw Problem("\(file): the file is empty; expected a header row") }
        func key(_ name: String) -> String { String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }) }
        let keys = header.enumerated().map { (index: $0.offset, key: key($0.offset == 0 ? String($0.element.drop { $0 == "\u{FEFF}" }) : $0.element)) }
        guard let postcodeColumn = postcodeHeaders.lazy.compactMap({ name in keys.first { $0.key == name }?.index }).first else {
            throw Problem("\(file): line 1: no postcode column (headed \(postcodeHeaders.joined(separator: ", ")))")
        }
        guard let decileColumn = decileHeaders.lazy.compactMap({ name in keys.first { $0.key == name }?.index }).first else {
            throw Problem("\(file): line 1: no IMD decile column (headed \"Index of Multiple Deprivation Decile\" or imd_decile)")
        }
        var lookup = DeprivationLookup()
        var seen: [String: Int] = [:]
        while let record = try records.next(file: file) {
            let line = records.line
            if record.count == 1, record[0].isEmpty { continue }  // a blank line
            guard record.count > max(postcodeColumn, decileColumn) else {
                throw Problem("\(file): line \(line): \(record.count) fields, but the header has \(header.count)")
            }
            let typedPostcode = record[postcodeColumn].trimmingCharacters(in: .whitespaces)
            let typedDecile = record[decileColumn].trimmingCharacters(in: .whitespaces)
            guard let postcode = UKPostcode.normalized(typedPostcode) else {
                throw Problem("\(file): line \(line): postcode: \(Quoted(String(typedPostcode.prefix(20)))) is not a UK postcode")
            }
            if typedDecile.isEmpty {
                lookup.skipped += 1
                continue
            }
            guard let decile = Int(typedDecile), (1...10).contains(decile) else {
                throw Problem("\(file): line \(line): decile: expected a whole number from 1 to 10, got \(Quoted(String(typedDecile.prefix(20))))")
            }
            if let earlier = seen[postcode] {
                guard lookup.deciles[earlier] == decile else {
                    throw Problem("\(file): line \(line): postcode \(postcode) appears again with another decile")
                }
                continue
            }
            seen[postcode] = lookup.postcodes.count
            lookup.postcodes.append(postcode)
            lookup.deciles.append(decile)
        }
        return lookup
    }
}

/// The records of a CSV file (RFC 4180: fields separated by commas, records by CRLF or LF,
/// quoted fields holding commas, line breaks and doubled quotes), one at a time.
struct CSVRecords {
    private let bytes: [UInt8]
    private var position = 0
    /// The line the last record returned started on, counting from 1.
    private(set) var line = 0
    private var nextLine = 1

    init(_ data: Data) { bytes = [UInt8](data) }

    /// The next record's fields, or nil at the end of the file.
    mutating func next(file: String) throws(DeprivationLookup.Problem) -> [String]? {
        guard position < bytes.count else { return nil }
        line = nextLine
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        func finish() throws(DeprivationLookup.Problem) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw DeprivationLookup.Problem("\(file): line \(nextLine): not UTF-8 text")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { nextLine += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","): try finish()
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: "\r") where position < bytes.count && bytes[position] == UInt8(ascii: "\n"): continue
            case UInt8(ascii: "\n"):
                nextLine += 1
                try finish()
                return fields
            default: field.append(byte)
            }
        }
        if quoted { throw DeprivationLookup.Problem("\(file): line \(line): a quoted field is never closed") }
        try finish()
        return fields
    }
}
