import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Shell transcripts")
struct TranscriptTests {
    @Test("a care coordinator builds a complete plan for a new person; the export equals the checked-in plan")
    func careCoordinatorBuildsAPlan() throws {
        let shell = try ShellHarness()
        let script = try ShellHarness.scriptLines("care-coordinator-builds-a-plan.cp")
        let exported = shell.folder.path("winifred.json")
        #expect(shell.run(script + ["export \(exported)"]))
        #expect(shell.output.errors.isEmpty, "\(shell.output.errors)")

        let data = try Data(contentsOf: URL(fileURLWithPath: exported))
        #expect(try ShellHarness.matches(data, fixture: "care-coordinator-builds-a-plan.json"))
        #expect(
            try ShellHarness.matches(
                Data(shell.output.transcript.replacingOccurrences(of: shell.folder.url.path, with: "TMP").utf8),
                fixture: "care-coordinator-builds-a-plan.transcript"))

        let plan = try PlanJSON.decode(data, today: Fixtures.today).plan
        #expect(Set(plan.referrals.map(\.recipient)) == Set(ReferralRecipient.allCases))
        #expect(plan.person.nhsNumber?.formatted == "999 000 0069")
        #expect(plan.agreement?.agreedBy == .person)
        #expect(plan.consent?.status == .given)
        #expect(plan.status == .active)
        #expect(plan.review.nextReviewOn == CalendarDate("2027-02-01"))
        #expect(plan.referrals[0].history.map(\.status) == [.requested, .accepted])
        #expect(try shell.store.history(of: plan.id).count == script.filter { !$0.hasPrefix("#") }.count - 1)
    }

    @Test("the exported plan passes validation with no errors")
    func exportIsValid() throws {
        let data = try Data(contentsOf: ShellHarness.fixture("care-coordinator-builds-a-plan.json"))
        let (_, warnings) = try PlanJSON.decode(data, today: Fixtures.today)
        #expect(warnings.isEmpty, "\(warnings)")
    }
}
