import Foundation

/// Writes JSON in careplan's canonical form: keys sorted by code point, 2-space indent,
/// `"key": value`, empty containers as `[]` and `{}`, a trailing newline.
///
/// The same value always gives the same bytes, so exports can be compared and diffed.
enum CanonicalJSONWriter {
    static func write(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, indent: 0, into: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// A top-level object of `members` and, written as given, `verbatim` (values this writer
    /// wrote before at the same depth), with the byte range of each member's value.
    static func writeMembers(
        _ members: [String: JSONValue], verbatim: [String: Data]
    ) -> (bytes: [UInt8], ranges: [String: Range<Int>]) {
        var output: [UInt8] = []
        output.reserveCapacity(4096 + verbatim.values.reduce(0) { $0 + $1.count })
        var ranges: [String: Range<Int>] = [:]
        let keys = Set(members.keys).union(verbatim.keys).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        guard !keys.isEmpty else { return (Array("{}\n".utf8), [:]) }
        output.append(contentsOf: "{\n".utf8)
        for (position, key) in keys.enumerated() {
            pad(1, &output)
            writeString(key, into: &output)
            output.append(contentsOf: ": ".utf8)
            let start = output.count
            if let bytes = verbatim[key] {
                output.append(contentsOf: bytes)
            } else if let member = members[key] {
                write(member, indent: 1, into: &output)
            }
            ranges[key] = start..<output.count
            output.append(contentsOf: (position == keys.count - 1 ? "\n" : ",\n").utf8)
        }
        output.append(contentsOf: "}\n".utf8)
        return (output, ranges)
    }

    /// The same value on one line, no spaces, keys sorted: for JSON Lines.
    static func writeCompact(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        compact(value, into: &output)
        return output
    }

    private static func compact(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                compact(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (position, key) in keys.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if let member = members[key] { compact(member, into: &output) }
            }
            output.append(UInt8(ascii: "}"))
        default:
            write(value, indent: 0, into: &output)
        }
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .number(let number): output.append(contentsOf: format(number).utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(contentsOf: "[\n".utf8)
            for (position, item) in items.enumerated() {
                pad(indent + 1, &output)
                write(item, indent: indent + 1, into: &output)
                output.append(contentsOf: (position == items.count - 1 ? "\n" : ",\n").utf8)
            }
            pad(indent, &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(contentsOf: "{\n".utf8)
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (position, key) in keys.enumerated() {
                pad(indent + 1, &output)
                writeString(key, into: &output)
                output.append(contentsOf: ": ".utf8)
                if let member = members[key] {
                    write(member, indent: indent + 1, into: &output)
                }
                output.append(contentsOf: (position == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            pad(indent, &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Enough spaces for 64 levels; deeper (JSON allows 512) is padded in steps of these.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private static func pad(_ level: Int, _ output: inout [UInt8]) {
        // Copied from a slice (one copy) rather than a repeated element (a step per space).
        var left = level * 2
        while left > 0 {
            let step = min(left, spaces.count)
            output.append(contentsOf: spaces[..<step])
            left -= step
        }
    }

    private static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 {
            return String(Int64(number)) + ".0"
        }
        return String(number)
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        // Works on the UTF-8 bytes: every byte of a multi-byte character is 0x80 or above, so
        // only ASCII bytes can need escaping, and runs between them are copied whole.
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: "\\t".utf8)
                case 0x08: output.append(contentsOf: "\\b".utf8)
                case 0x0C: output.append(contentsOf: "\\f".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
