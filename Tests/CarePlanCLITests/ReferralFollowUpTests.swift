import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import GRDB
import Testing

@Suite("Referrals are never left waiting unseen")
struct ReferralFollowUpTests {
    /// The rows of the "Referral answers overdue" group of `worklist --today DAY`.
    private func overdueAnswers(_ shell: ShellHarness, today: String) throws -> [String] {
        let before = shell.output.results.count
        #expect(shell.run(bail: true, ["worklist --today \(today)"]), "\(shell.output.errors)")
        let worklist = String(shell.output.results.dropFirst(before))
        // The group runs from its title to the blank line before the next one.
        let after = try #require(worklist.components(separatedBy: "Referral answers overdue").last)
        let group = after.components(separatedBy: "\n\n").first ?? after
        return group.split(separator: "\n").filter { $0.hasPrefix("  20") }.map { String($0) }
    }

    @Test("a referral sent without --respond-by falls due 14 days after it was sent and leaves the worklist once answered")
    func defaultResponseDue() throws {
        let shell = try ShellHarness(author: "Sam Osei")
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test",
                    "refer hwbc Walking support --on 2026-11-01",
                    "refer splw Lonely since moving --draft --on 2026-11-01",
                    "refer cc Pathway support --on 2026-11-02 --respond-by 2026-11-20",
                ]), "\(shell.output.errors)")
        // On the 15th nothing is overdue yet: R1 is due that day, R3 on the 20th, R2 is a draft.
        #expect(try overdueAnswers(shell, today: "2026-11-15") == [])
        let on16 = try overdueAnswers(shell, today: "2026-11-16")
        #expect(on16.count == 1)
        #expect(on16.first?.contains("2026-11-15") == true && on16.first?.contains("R1") == true)
        // The draft is sent on the 10th: its answer is due 14 days later, on the 24th.
        #expect(shell.run(bail: true, ["referral status R2 requested --on 2026-11-10"]), "\(shell.output.errors)")
        let on25 = try overdueAnswers(shell, today: "2026-11-25")
        #expect(on25.map { $0.contains("R1") || $0.contains("R2") || $0.contains("R3") } == [true, true, true])
        #expect(on25.contains { $0.contains("2026-11-24") && $0.contains("R2") })
        #expect(on25.contains { $0.contains("2026-11-20") && $0.contains("R3") })
        // Answered referrals leave the group.
        // Each went to a role in the team, which answers it on its episode (R2's is E3, made when it was sent).
        #expect(shell.run(bail: true, ["episode accept E1", "episode decline E3 other --on 2026-11-21"]), "\(shell.output.errors)")
        let answered = try overdueAnswers(shell, today: "2026-11-25")
        #expect(answered.count == 1 && answered.first?.contains("R3") == true)
    }

    @Test("a store indexed under the older due rules rebuilds its worklist index when opened")
    func olderIndexIsRebuilt() throws {
        let shell = try ShellHarness(author: "Sam Osei")
        #expect(shell.run(bail: true, ["new Ada Test", "refer hwbc Walking support --on 2026-11-01"]))
        let group = try #require(try PluginHost([]).worklistGroups(today: Fixtures.today)?.first { $0.title == "Referral answers overdue" })
        #expect(group.title == "Referral answers overdue")
        #expect(try shell.store.dueItemTotal(group) == 1)
        // What a careplan from before the default answer date left behind: no item for the
        // referral, and the index marked as built by its rules.
        let queue = try DatabaseQueue(path: shell.store.path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM dueItem")
            try db.execute(sql: "UPDATE meta SET value = 'core;action,referral-response,review' WHERE key = 'dueItemSources'")
        }
        try queue.close()
        let reopened = try PlanStore(path: shell.store.path)
        #expect(try reopened.dueItemTotal(group) == 1)
    }
}
