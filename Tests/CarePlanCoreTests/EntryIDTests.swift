@testable import CarePlanCore
import Testing

@Suite("Entry ids")
struct EntryIDTests {
    /// Every string of up to three characters over letters, digits and a few strangers, plus
    /// long and odd ones: the reading of a stored id must agree with the lenient parser
    /// wherever that gives back the very text it read, and refuse everything else.
    static let candidates: [String] = {
        let alphabet = ["G", "g", "M", "D", "E", "X", "Z", "0", "1", "2", "9", " ", "-", "é", "١", "²", "Ｇ"]
        var texts = [""]
        var level = [""]
        for _ in 1...3 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += level
        }
        texts += ["G123456789", "G1234567890", "G0", "G01", "A999999999", "N10", "V7", "C12", "R3", "S4", "E5", "D6", "M1"]
        return texts
    }()

    @Test("a stored id is read as the lenient parser reads it, and only when written exactly")
    func writtenAgreesWithLenient() {
        var accepted = 0
        for text in Self.candidates {
            let lenient = EntryID(text).flatMap { $0.description == text ? $0 : nil }
            #expect(EntryID.written(text) == lenient, "\(text)")
            if lenient != nil { accepted += 1 }
        }
        #expect(accepted >= 60, "the candidates include many real ids")
    }

    @Test("every kind's letter is read back as that kind")
    func everyKind() {
        for kind in EntryKind.allCases {
            #expect(EntryID.written("\(kind.rawValue)42") == EntryID(kind, 42))
            #expect(EntryID.written("\(kind.rawValue.lowercased())42") == nil)
        }
    }
}
