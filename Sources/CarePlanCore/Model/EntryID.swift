/// The short id of an entry in a plan, such as `G2`: a kind letter and a number.
///
/// Ids are unique within a plan and never reused: the plan remembers the last number
/// issued for each kind (`Plan.lastIssuedIDs`), so deleting G2 never lets a new goal be G2.
public struct EntryID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The kind of entry, which decides the letter.
    public let kind: EntryKind
    /// The number, from 1.
    public let number: Int

    /// The id of the `number`th entry of `kind`.
    public init(_ kind: EntryKind, _ number: Int) {
        self.kind = kind
        self.number = number
    }

    /// Parses `G2` (any case); nil if the letter is not a kind or the number is not 1 or more.
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard let kind = EntryKind.allCases.first(where: { upper.hasPrefix($0.rawValue) }) else {
            return nil
        }
        let digits = upper.dropFirst(kind.rawValue.count)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int(digits), number >= 1, !digits.hasPrefix("0")
        else { return nil }
        self.init(kind, number)
    }

    /// Reads an id exactly as it is written (`G2`: upper case, no leading zero); nil for
    /// anything else. What a plan document holds, read without making strings: the same
    /// answer as `EntryID(text)` when its `description` equals `text`, and nil otherwise.
    static func written(_ text: String) -> EntryID? {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2, bytes.count <= 10, let letter = bytes.first, let kind = EntryKind(letter: letter) else {
                return nil
            }
            var number = 0
            for (offset, byte) in bytes.dropFirst().enumerated() {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), offset > 0 || byte != UInt8(ascii: "0") else {
                    return nil
                }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return EntryID(kind, number)
        }
    }

    public var description: String { "\(kind.rawValue)\(number)" }

    public static func < (lhs: EntryID, rhs: EntryID) -> Bool {
        (lhs.kind.rawValue, lhs.number) < (rhs.kind.rawValue, rhs.number)
    }
}

/// The kinds of plan entry that carry ids, with the letter each id starts with.
public enum EntryKind: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case aboutMe = "M"
    case strength = "S"
    case need = "N"
    case goal = "G"
    case action = "A"
    case referral = "R"
    case contact = "C"
    case review = "V"
    case note = "D"
    case episode = "E"

    /// The kind's place among `allCases`, for tables indexed by kind.
    package var ordinal: Int {
        switch self {
        case .aboutMe: 0
        case .strength: 1
        case .need: 2
        case .goal: 3
        case .action: 4
        case .referral: 5
        case .contact: 6
        case .review: 7
        case .note: 8
        case .episode: 9
        }
    }

    // Hashed and compared by case, not by the raw-value string RawRepresentable would use:
    // every set or dictionary of entry ids hashes a kind for each entry.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
    public static func == (lhs: EntryKind, rhs: EntryKind) -> Bool { lhs.ordinal == rhs.ordinal }

    /// The kind whose letter is `letter` (an ASCII byte), if any.
    init?(letter: UInt8) {
        guard letter < 128, let kind = Self.byLetter[Int(letter)] else { return nil }
        self = kind
    }

    /// The kinds by the byte of their letter (every kind's letter is one ASCII capital).
    private static let byLetter: [EntryKind?] = {
        var table = [EntryKind?](repeating: nil, count: 128)
        for kind in allCases { table[Int(kind.rawValue.utf8.first!)] = kind }
        return table
    }()

    /// A plain name for messages ("goal").
    public var noun: String {
        switch self {
        case .aboutMe: "about-me entry"
        case .strength: "strength"
        case .need: "need"
        case .goal: "goal"
        case .action: "action"
        case .referral: "referral"
        case .contact: "contact"
        case .review: "review"
        case .note: "note"
        case .episode: "referral episode"
        }
    }
}

extension EntryID: Codable, TreeReadable, TreeWritable {
    public init(from decoder: any Decoder) throws {
        self = try Self.read(try decoder.singleValueContainer().decode(String.self), record: decoder.recordOrThrow)
    }

    package var jsonTree: JSONValue { .string(description) }

    package init(reading value: TreeValue) throws {
        self = try Self.read(value.string(), record: value.recordOrThrow)
    }

    /// The id `text` writes; otherwise the problem goes to `record` (which throws it or
    /// collects it) and a stand-in is returned, as the load fails anyway.
    private static func read(_ text: String, record: (String) throws -> Void) throws -> EntryID {
        guard let id = EntryID.written(text) else {
            try record("expected an entry id such as G2 (a kind letter, then a number from 1), got \(Quoted(text))")
            return EntryID(.note, 0)
        }
        return id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
