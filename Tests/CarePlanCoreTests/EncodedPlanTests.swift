import CarePlanTestSupport
import Foundation
import Testing
@testable import CarePlanCore

/// A shell edit writes only what it changed: the lists it did not touch are copied from the
/// last version's bytes. The bytes must be exactly a full encoding's, whatever the edit.
@Suite("Encoding a plan from its last version")
struct EncodedPlanTests {
    let context = EditContext(today: Fixtures.today, author: "test")

    /// Edits touching each top-level list, and ones touching none; text with every printable
    /// ASCII character, control characters and letters beyond ASCII.
    var edits: [PlanEdit] {
        let text = (32...126).map { String(UnicodeScalar(UInt8($0))) }.joined() + " \u{1} \t é e\u{301} 🇬🇧"
        return [
            .setPerson(.phone("01632 960 118")), .addNote(text), .addStrength(text), .addGoal(text, needs: []),
            .addNeed(text, domain: .financial, score: 4, raised: Fixtures.today), .addAction(text, goal: nil, assignee: nil, due: nil, review: nil),
            .addPersonalContact(text, relationship: "friend", roles: [], phone: nil, email: nil), .setPlanStatus(.active),
            .setPerson(.email(text)),
        ]
    }

    @Test("a chain of edits on every sample plan gives exactly the bytes of a full encoding at each step")
    func chainMatchesFullEncoding() throws {
        for file in Fixtures.samplePlanFiles {
            var plan = try PlanJSON.decode(Data(contentsOf: file)).plan
            var encoding = PlanJSON.encode(plan, reusing: nil)
            #expect(encoding.body == PlanJSON.encode(plan), "\(file.lastPathComponent)")
            for (step, edit) in (edits + edits.reversed()).enumerated() {
                plan = try edit.apply(to: plan, context: context).plan
                encoding = PlanJSON.encode(plan, reusing: encoding)
                #expect(encoding.body == PlanJSON.encode(plan), "\(file.lastPathComponent) step \(step)")
            }
        }
    }

    @Test("the untouched lists' bytes are copied from the last version, not written again")
    func untouchedListsAreCopied() throws {
        var plan = try Fixtures.samplePlan("social-prescribing-margaret-okafor")
        plan = try PlanEdit.addNote("Rang Ruth").apply(to: plan, context: context).plan
        let first = PlanJSON.encode(plan, reusing: nil)
        let notes = try #require(first.members["notes"])
        // Mark the old bytes: only a copy carries the mark into the next version.
        var marked = [UInt8](first.body)
        let text = Array("Rang Ruth".utf8)
        let at = try #require(notes.first { marked[$0..<min($0 + text.count, notes.upperBound)].elementsEqual(text) })
        marked[at] = UInt8(ascii: "W")
        let previous = EncodedPlan(plan: plan, body: Data(marked), members: first.members)

        let phoned = try PlanEdit.setPerson(.phone("01632 960 118")).apply(to: plan, context: context).plan
        #expect(String(decoding: PlanJSON.encode(phoned, reusing: previous).body, as: UTF8.self).contains("Wang Ruth"))
        // A list the edit changed is written afresh.
        let noted = try PlanEdit.addNote("Second").apply(to: plan, context: context).plan
        #expect(PlanJSON.encode(noted, reusing: previous).body == PlanJSON.encode(noted))
        // Another plan's bytes are never used.
        var other = phoned
        other.id = "CP-OTHER001"
        #expect(PlanJSON.encode(other, reusing: previous).body == PlanJSON.encode(other))
    }
}
