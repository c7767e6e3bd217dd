import CarePlanCore
import Testing

@Suite("NHS number")
struct NHSNumberTests {
    @Test("accepts a valid number with or without spaces and stores 10 digits")
    func acceptsValid() throws {
        let spaced = try #require(NHSNumber("943 476 5919"))
        let compact = try #require(NHSNumber("9434765919"))
        #expect(spaced == compact)
        #expect(spaced.digits == "9434765919")
        #expect(spaced.formatted == "943 476 5919")
    }

    @Test("rejects a wrong check digit", arguments: ["9434765918", "9434765910", "9990000019"])
    func rejectsWrongCheckDigit(_ text: String) {
        #expect(NHSNumber.parse(text) == .failure(.checkDigitMismatch))
    }

    @Test("rejects digits whose Modulus 11 check would be 10")
    func rejectsImpossibleCheckDigit() throws {
        // A remainder of 1 makes the check digit 11 - 1 = 10, which no number can have.
        let impossible = (0..<100).lazy.map { String(format: "123456%03d0", $0) }.first { candidate in
            let digits = candidate.prefix(9).compactMap(\.wholeNumberValue)
            let sum = zip(digits, stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
            return sum % 11 == 1
        }
        let candidate = try #require(impossible)
        #expect(NHSNumber.parse(candidate) == .failure(.checkDigitImpossible))
    }

    @Test("rejects the wrong length and non-digits")
    func rejectsShape() {
        #expect(NHSNumber.parse("12345") == .failure(.wrongLength(5)))
        #expect(NHSNumber.parse("94347659190") == .failure(.wrongLength(11)))
        #expect(NHSNumber.parse("943-476-5919") == .failure(.notDigits))
        #expect(NHSNumber.parse("") == .failure(.wrongLength(0)))
        #expect(NHSNumber.parse("９４３４７６５９１９") == .failure(.notDigits))
    }

    @Test("messages never repeat the number")
    func messagesArePrivate() {
        for problem in [NHSNumber.Problem.wrongLength(5), .notDigits, .checkDigitMismatch, .checkDigitImpossible] {
            #expect(!problem.description.contains("943"))
        }
    }
}
