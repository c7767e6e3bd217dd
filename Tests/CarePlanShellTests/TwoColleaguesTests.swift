import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

/// Two members of staff with one plan open at once, on each engine: a file both use, or the
/// team store with a login each.
@Suite("Two colleagues, one plan")
struct TwoColleaguesTests {
    /// Sam has a plan with a goal and a need open; Ruth has the same plan open.
    func colleagues(_ engine: TestEngine) throws -> (sam: ShellHarness, ruth: ShellHarness, planID: String) {
        let sam = try ShellHarness(author: "Sam Osei", engine: engine)
        #expect(sam.run(bail: true, ["new Ada Test", "goal add Walk to the shops", "need add Lonely --domain emotional"]), "\(sam.output.errors)")
        let ruth = try sam.colleague("Ruth Evans")
        #expect(ruth.run(["open CP-TEST1"]), "\(ruth.output.errors)")
        return (sam, ruth, "CP-TEST1")
    }

    @Test("edits of different entries at the same moment are both kept, and the merge is reported", arguments: TestEngine.allCases)
    func differentEntriesMerge(engine: TestEngine) throws {
        let (sam, ruth, planID) = try colleagues(engine)
        // Neither has heard of the other's change when they make their own.
        #expect(sam.session.execute("goal edit G1 Walk to the shops and back"))
        #expect(ruth.session.execute("need edit N1 Lonely since moving"), "\(ruth.output.errors)")
        #expect(ruth.output.results.contains("merged with Sam Osei's change (revision 4)"), "\(ruth.output.results)")
        let stored = try sam.store.load(planID)
        #expect(stored.plan.goals.map(\.description) == ["Walk to the shops and back"])
        #expect(stored.plan.needs.map(\.description) == ["Lonely since moving"])
        #expect(try sam.store.history(of: planID).map(\.author).suffix(2) == ["Sam Osei", "Ruth Evans"])
    }

    @Test(
        "an edit of the entry a colleague just changed is refused naming it and them; again makes it after a look",
        arguments: TestEngine.allCases)
    func sameEntryConflicts(engine: TestEngine) throws {
        let (sam, ruth, planID) = try colleagues(engine)
        #expect(sam.session.execute("goal edit G1 Walk daily"))
        #expect(!ruth.session.execute("goal edit G1 Walk twice a day"))
        let message = try #require(ruth.output.errors.last)
        #expect(message.hasPrefix("conflict: Sam Osei changed goals[G1].description in plan \(planID)"), "\(message)")
        #expect(try sam.store.load(planID).plan.goals[0].description == "Walk daily")
        #expect(ruth.session.keptLine == "goal edit G1 Walk twice a day")
        #expect(ruth.run(bail: true, ["reload", "again"]), "\(ruth.output.errors)")
        #expect(try sam.store.load(planID).plan.goals[0].description == "Walk twice a day")
        #expect(ruth.session.keptLine == nil)
    }

    @Test(
        "a care coordinator's referral to the coach lands in the coach's inbox; the coach's answer, first contact and discharge move it on for the coordinator",
        arguments: TestEngine.allCases)
    func teamReferral(engine: TestEngine) throws {
        let clock = TestClock("2026-11-02")
        let ruth = try ShellHarness(author: "Ruth Evans", clock: { clock.now }, engine: engine)
        #expect(ruth.run(bail: true, ["new Ada Test", "refer hwbc Wants to \"get walking\" again -- slowly # knees"]), "\(ruth.output.errors)")
        #expect(ruth.output.results.contains("add referral R1 to HWBC (requested); in the HWBC inbox as E1"), "\(ruth.output.results)")
        #expect(ruth.run(bail: true, ["refer splw Isolated --draft"]), "\(ruth.output.errors)")
        #expect(!ruth.output.results.contains("in the SPLW inbox"))

        clock.set("2026-11-05")
        let sam = try ruth.colleague("Sam Osei")
        #expect(sam.run(bail: true, ["inbox --role hwbc"]), "\(sam.output.errors)")
        let row = sam.output.results.split(separator: "\n").first { $0.contains("CP-TEST1") }.map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        // The reason as typed, cut to fit 80 columns.
        #expect(row?.hasPrefix("2026-11-02 3 CP-TEST1 Ada Test E1 Wants to \"get walking\" again -- slo") == true, "\(sam.output.results)")
        #expect(sam.run(bail: true, ["inbox --role splw"]))
        #expect(!sam.output.results.contains("Isolated"), "a draft is not sent")

        #expect(sam.run(bail: true, ["open CP-TEST1", "episode accept E1"]), "\(sam.output.errors)")
        #expect(sam.output.results.contains("E1 accepted on 2026-11-05; R1 accepted"), "\(sam.output.results)")
        clock.set("2026-11-09")
        #expect(sam.run(bail: true, ["episode contact E1 --mode phone --minutes 20"]), "\(sam.output.errors)")
        clock.set("2026-11-30")
        #expect(sam.run(bail: true, ["episode discharge E1 goals-met"]), "\(sam.output.errors)")

        // Ruth's referral followed each step, dated as it happened; nothing is owed any more.
        let referral = try #require(try ruth.store.load("CP-TEST1").plan.referrals.first)
        #expect(referral.status == .completed)
        #expect(referral.history.map(\.status) == [.requested, .accepted, .inProgress, .completed])
        #expect(referral.history.map(\.on.description) == ["2026-11-02", "2026-11-05", "2026-11-09", "2026-11-30"])
        let episode = try #require(try ruth.store.load("CP-TEST1").plan.episodes.first)
        #expect(episode.source == .team && episode.referrerName == "Ruth Evans" && episode.fromReferral?.description == "R1")
        #expect(ruth.run(bail: true, ["worklist --today 2026-12-31"]), "\(ruth.output.errors)")
        #expect(ruth.output.results.contains("Referral answers overdue (0)"), "\(ruth.output.results)")
        #expect(ruth.output.results.contains("Referral answers we owe (0)"), "\(ruth.output.results)")
        #expect(try ruth.store.load("CP-TEST1").plan.episodes.first?.reason == "Wants to \"get walking\" again -- slowly # knees")

        // Sending the draft later lands it in the link worker's inbox.
        #expect(ruth.run(bail: true, ["reload", "referral status R2 requested"]), "\(ruth.output.errors)")
        #expect(ruth.output.results.contains("referral R2 requested; in the SPLW inbox as E2"), "\(ruth.output.results)")
    }

    @Test("on the team store, the other shell is told of a colleague's change and shows the latest plan")
    func colleagueIsTold() throws {
        let (sam, ruth, planID) = try colleagues(.postgres)
        #expect(ruth.session.deliverNews() == false)
        #expect(sam.session.execute("strength add Kind to neighbours"))
        // The announcement travels through the server; wait for it without blocking a thread
        // of the pool for long: a round trip on Ruth's connection reads what arrived before it.
        var told = false
        for _ in 0..<50 where !told {
            _ = try ruth.store.count()
            told = ruth.session.deliverNews()
        }
        #expect(told)
        #expect(ruth.output.results.contains("Sam Osei changed this plan (now revision 4); you have the latest"), "\(ruth.output.results)")
        #expect(try ruth.plan().strengths.map(\.text) == ["Kind to neighbours"])
        #expect(try ruth.session.openPlan().revision == sam.store.headRevision(of: planID).number)
    }
}
