@testable import CarePlanCore
import Foundation
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Data(text.utf8))
    }

    @Test("parses every kind of value")
    func parsesValues() throws {
        let value = try parse(#" { "a" : [true, false, null, 0, -12, 1.5, 2e3, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {} } "#)
        #expect(
            value
                == .object([
                    "a": .array([
                        .bool(true), .bool(false), .null, .integer(0), .integer(-12), .number(1.5), .number(2000),
                        .string("x\"\\/\u{08}\u{0C}\n\r\té😀"),
                    ]),
                    "b": .object([:]),
                ]))
    }

    @Test("agrees with the canonical writer: write then parse gives the same value")
    func roundTrip() throws {
        let value: JSONValue = .object(["z": .string("\u{1B}[2J\u{00}é"), "list": .array([.integer(Int64.max), .number(0.1)]), "": .null])
        #expect(try JSONParser.parse(PlanJSON.encode(value)) == value)
    }

    @Test(
        "rejects what RFC 8259 forbids, saying where",
        arguments: [
            ("[1,]", "unexpected character ']' at line 1, column 4"),
            ("{\"a\":1,}", "expected a field name in double quotes at line 1, column 8"),
            ("[01]", "numbers must not have leading zeros at line 1, column 3"),
            ("[1.]", "expected a digit after the decimal point at line 1, column 4"),
            ("\"a\u{01}\"", "control character 0x01 inside text; write it as an escape such as \\n at line 1, column 3"),
            ("\"\\ud800\"", "a \\u escape for the first half of a surrogate pair is not followed by the second half at line 1, column 8"),
            ("\"\\x\"", "unknown escape \\'x' at line 1, column 3"),
            ("{\"a\":1}\n x", "unexpected text after the JSON value at line 2, column 2"),
            ("[1e999]", "the number is too large at line 1, column 2"),
            ("nul", "unexpected end of the document at line 1, column 1"),
            ("{\"a\":1,\"a\":2}", "the field \"a\" appears twice in one object at line 1, column 8"),
        ])
    func rejects(_ input: String, _ message: String) {
        let error = #expect(throws: JSONParser.SyntaxError.self) { try parse(input) }
        #expect(error?.description == message)
    }

    @Test("objects nested in objects keep their own members, at every size, and a repeated name is found at any size")
    func objectSizes() throws {
        for size in [1, 2, 23, 24, 25, 26, 200, 20_000] {
            let names = (0..<size).map { "k\($0)" }
            // Each member holds an object of its own, so the members of inner and outer
            // objects are gathered at once.
            let text = "{" + names.map { "\"\($0)\": {\"inner\": \"\($0)\", \"n\": [{\"\($0)\": 1}]}" }.joined(separator: ",") + "}"
            let expected = JSONValue.object(
                Dictionary(uniqueKeysWithValues: names.map { ($0, .object(["inner": .string($0), "n": .array([.object([$0: .integer(1)])])])) }))
            #expect(try parse(text) == expected, "\(size) members")
            for repeatedAt in Set([0, size / 2, size - 1]) {
                let repeated = text.dropLast() + ", \"\(names[repeatedAt])\": 2}"
                let error = try #require(throws: JSONParser.SyntaxError.self) { try parse(String(repeated)) }
                #expect(error.message == "the field \"\(names[repeatedAt])\" appears twice in one object", "\(size) members")
                #expect(error.column == text.count + 2, "\(size) members")
            }
        }
    }

    @Test("refuses nesting deeper than 512 levels, at any depth of input")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try parse(ok) }
        for depth in [513, 1000, 100_000] {
            let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            #expect(throws: JSONParser.SyntaxError.self) { try parse(deep) }
        }
    }
}
