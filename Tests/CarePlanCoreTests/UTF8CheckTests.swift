@testable import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("The UTF-8 check of a plan document")
struct UTF8CheckTests {
    @Test("a document is UTF-8 exactly when the standard library's own check says so; the bad byte is where Python finds it")
    func utf8CheckAgrees() throws {
        // Bytes that make every kind of sequence: ASCII, leads of two, three and four bytes,
        // continuations, surrogates (ED A0), overlongs (C0, E0 80), past U+10FFFF (F4 90), and
        // bytes that never appear (F5, FF).
        let alphabet: [UInt8] = [0x41, 0x7F, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF]
        var generator = SeededRandomNumberGenerator(seed: 8)
        var valid = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let offset = PlanJSON.firstInvalidUTF8Offset(Data(bytes))
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if offset == nil { valid += 1 }
        }
        #expect(valid > 1_000, "valid sequences are among the cases")
        // The offsets Python's bytes.decode("utf-8") reports as the error's start: 2, 1, 1.
        #expect(PlanJSON.firstInvalidUTF8Offset(Data([0x7B, 0x22, 0xFF, 0x22])) == 2)
        #expect(PlanJSON.firstInvalidUTF8Offset(Data([0x41, 0xE2, 0x82])) == 1)
        #expect(PlanJSON.firstInvalidUTF8Offset(Data([0x41, 0xED, 0xA0, 0x80])) == 1)
    }
}
