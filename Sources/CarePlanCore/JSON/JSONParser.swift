import Foundation

/// A strict RFC 8259 JSON parser producing `JSONValue`, with line and column in its errors.
///
/// Foundation's parsers either say only "not valid JSON" (JSONDecoder) or hand back `Any`
/// trees that are slow to convert (JSONSerialization); plans are parsed on every import,
/// so this small parser pays for itself.
struct JSONParser {
    /// Why the text is not JSON, and where.
    struct SyntaxError: Error, CustomStringConvertible {
        let message: String
        let line: Int
        let column: Int

        var description: String { "\(message) at line \(line), column \(column)" }
    }

    /// Containers may nest this deep; deeper documents are refused rather than risk the stack.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    /// The members of the objects being parsed, innermost last. An object's members wait here
    /// and go into a dictionary of the right size when it closes, rather than one that grows
    /// and is rehashed member by member.
    private var pendingMembers: [(key: String, value: JSONValue)] = []
    /// Objects with more members than this look for a repeated name in a set, not by scanning.
    private static let scannedMembers = 24
    /// The longest field name and the longest text value met, in UTF-8 bytes: what length
    /// limits need to know, found while parsing rather than by walking the tree again.
    private var longest = LongestText()

    /// The longest field name and text value in a document, in UTF-8 bytes (at least their
    /// length in characters).
    struct LongestText {
        var fieldName = 0
        var value = 0
    }

    private init(_ data: Data) {
        bytes = [UInt8](data)
    }

    /// Parses a whole document; anything but white space after the value is an error.
    static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        try parseMeasuring(data).value
    }

    /// Parses like `parse`, also telling how long the longest field name and text value are.
    static func parseMeasuring(_ data: Data) throws(SyntaxError) -> (value: JSONValue, longest: LongestText) {
        var parser = JSONParser(data)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return (value, parser.longest)
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of the document") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            let text = try parseString()
            longest.value = max(longest.value, text.utf8.count)
            return .string(text)
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character \(describeByte(bytes[index]))")
        }
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { index += 1; return .object([:]) }
        let first = pendingMembers.endIndex
        defer { pendingMembers.removeSubrange(first...) }
        var names: Set<String>?
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a field name in double quotes") }
            let keyStart = index
            let key = try parseString()
            longest.fieldName = max(longest.fieldName, key.utf8.count)
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after a field name") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            if pendingMembers.count - first == Self.scannedMembers {
                names = Set(pendingMembers[first...].lazy.map(\.key))
            }
            let repeated: Bool
            if names != nil {
                repeated = !names!.insert(key).inserted
            } else {
                repeated = pendingMembers[first...].contains { $0.key == key }
            }
            if repeated {
                index = keyStart
                throw error("the field \(Quoted(key)) appears twice in one object")
            }
            pendingMembers.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of the document inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                var members = [String: JSONValue](minimumCapacity: pendingMembers.count - first)
                for member in pendingMembers[first...] { members[member.key] = member.value }
                return .object(members)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of the document inside a list") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw error("expected ',' or ']' in a list")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1
        // Most text has no escapes: it is made straight from the bytes between the quotes.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(index - start + 16)
        var runStart = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                buffer.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                buffer.append(contentsOf: bytes[runStart..<index])
                try parseEscape(into: &buffer)
                runStart = index
            case 0x00..<0x20:
                throw error("control character \(describeByte(byte)) inside text; write it as an escape such as \\n")
            default:
                index += 1
            }
        }
        throw error("unexpected end of the document inside text")
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(SyntaxError) {
        index += 1
        guard index < bytes.count else { throw error("unexpected end of the document inside text") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800...0xDBFF).contains(code) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("a \\u escape for the first half of a surrogate pair is not followed by the second half")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid second half of a surrogate pair") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("a lone second half of a surrogate pair")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
            buffer.append(contentsOf: String(scalar).utf8)
        default:
            index -= 1
            throw error("unknown escape \\\(describeByte(escaped))")
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("unexpected end of the document in a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("expected four hex digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("numbers must not have leading zeros") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit after the decimal point") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit in the exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger, index - start <= 18 {
            // Up to 18 digits always fit in an Int64: no text needed.
            var magnitude: Int64 = 0
            let negative = bytes[start] == UInt8(ascii: "-")
            for byte in bytes[(negative ? start + 1 : start)..<index] { magnitude = magnitude * 10 + Int64(byte - UInt8(ascii: "0")) }
            return .integer(negative ? -magnitude : magnitude)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let number = Double(text), number.isFinite else {
            index = start
            throw error("the number is too large")
        }
        return .number(number)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of the document") }
        let matches = literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw error("unexpected character \(describeByte(bytes[index]))") }
        index += count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func describeByte(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "0x%02X", byte)
    }

    private func error(_ message: String) -> SyntaxError {
        var line = 1
        var lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        // Columns count characters, not bytes, so they match what an editor shows.
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return SyntaxError(message: message, line: line, column: column)
    }
}
