/// A 10-digit NHS number whose last digit passes the Modulus 11 check.
///
/// Accepted with or without spaces ("943 476 5919" or "9434765919"), stored as 10 digits,
/// shown 3-3-4. See the NHS Data Dictionary, "NHS NUMBER".
public struct NHSNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ten digits with no separators, as stored and exported.
    public let digits: String

    /// Why a string is not a valid NHS number. Never includes the number itself.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case wrongLength(Int)
        case notDigits
        case checkDigitMismatch
        case checkDigitImpossible

        public var description: String {
            switch self {
            case .wrongLength(let count):
                return "expected an NHS number of 10 digits, got \(count) digits"
            case .notDigits:
                return "expected an NHS number of 10 digits (spaces allowed), got other characters"
            case .checkDigitMismatch:
                return "not a valid NHS number: the check digit does not match (Modulus 11)"
            case .checkDigitImpossible:
                return "not a valid NHS number: no check digit is possible for these digits (Modulus 11 gives 10)"
            }
        }
    }

    /// Validates `text`, ignoring spaces, and returns the number or why it is not one.
    public static func parse(_ text: String) -> Result<NHSNumber, Problem> {
        let compact = text.filter { $0 != " " }
        var values: [Int] = []
        for character in compact {
            guard let ascii = character.asciiValue, (48...57).contains(ascii) else {
                return .failure(.notDigits)
            }
            values.append(Int(ascii) - 48)
        }
        guard values.count == 10 else { return .failure(.wrongLength(values.count)) }
        let sum = zip(values.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        if check == 10 { return .failure(.checkDigitImpossible) }
        guard check == values[9] else { return .failure(.checkDigitMismatch) }
        return .success(NHSNumber(digits: compact))
    }

    /// The number of the fictional 999 range whose middle six digits are `body`
    /// (0...999_999), or nil when no check digit exists for it (about one body in eleven).
    /// For samples, tests and benchmarks, never for real people.
    public static func fictional(_ body: Int) -> NHSNumber? {
        guard (0...999_999).contains(body) else { return nil }
        let digits = String(body)
        let prefix = "999" + String(repeating: "0", count: 6 - digits.count) + digits
        for check in 0...9 {
            if let number = NHSNumber(prefix + String(check)) { return number }
        }
        return nil
    }

    /// A valid number, or nil.
    public init?(_ text: String) {
        guard case .success(let number) = NHSNumber.parse(text) else { return nil }
        self = number
    }

    private init(digits: String) {
        self.digits = digits
    }

    /// Shown 3-3-4: "943 476 5919".
    public var formatted: String {
        let characters = Array(digits)
        return "\(String(characters[0..<3])) \(String(characters[3..<6])) \(String(characters[6..<10]))"
    }

    public var description: String { formatted }

    /// True when `text` looks like an attempt at an NHS number (10 digits, spaces allowed),
    /// whether or not its check digit is right.
    public static func looksLikeNHSNumber(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " }
        return compact.count == 10 && compact.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension NHSNumber: Codable, TreeReadable, TreeWritable {
    public init(from decoder: any Decoder) throws {
        self = try Self.read(try decoder.singleValueContainer().decode(String.self), record: decoder.recordOrThrow)
    }

    package var jsonTree: JSONValue { .string(digits) }

    package init(reading value: TreeValue) throws {
        self = try Self.read(value.string(), record: value.recordOrThrow)
    }

    /// The number `text` writes; otherwise the problem goes to `record` (which throws it or
    /// collects it) and a stand-in is returned, as the load fails anyway.
    private static func read(_ text: String, record: (String) throws -> Void) throws -> NHSNumber {
        switch NHSNumber.parse(text) {
        case .success(let number): return number
        case .failure(let problem):
            try record(problem.description)
            return NHSNumber(digits: "0000000000")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
