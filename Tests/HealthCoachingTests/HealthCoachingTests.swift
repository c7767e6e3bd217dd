import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import HealthCoaching
import Testing

@Suite("Health coaching")
struct HealthCoachingTests {
    /// A coach's shell on 2026-12-10, after the sessions in these stories.
    static func harness() throws -> ShellHarness {
        try ShellHarness(author: "tomasz", plugins: [HealthCoachingPlugin()], now: Fixtures.instant("2026-12-10"))
    }

    @Test("an HWBC logs three sessions and sees the progress chart")
    func threeSessions() throws {
        let shell = try Self.harness()
        #expect(
            shell.run(
                [
                    "new Dev Patel",
                    "need add Blood sugar creeping up --domain physical",
                    "goal add Get my sugars down --need N1 --target 2027-03-01",
                    "coach goal Walk 30 minutes --measure \"days a week\" --target 5 --by 2027-01-31 --importance 8 --confidence 6 --stage preparation --goal G1 --need N1",
                    "coach goal Cook at home --target \"4 nights a week\" --stage contemplation",
                    "coach activation 2 --score 47.0 --on 2026-11-21",
                    "coach session 2026-11-21 --mode video --minutes 40 --progress CG1=3,CG2=2 --gas CG1=-1 --barriers \"Night shifts\"",
                    "coach session 2026-11-28 --mode phone --minutes 30 --progress CG1=5 --gas CG1=0 --wins \"Walked 3 days\"",
                    "coach session 2026-12-05 --mode in-person --minutes 45 --progress CG1=8,CG2=4 --gas CG1=+1 --next \"Try the park run\" --next-session 2026-12-19",
                    "coach stage CG1 action",
                    "coach progress",
                ], bail: true), "\(shell.output.errors)")
        let chart = shell.output.results
        #expect(
            chart.contains(
                """
                CG1 Walk 30 minutes
                  2026-11-21  ███░░░░░░░   3/10  GAS -1
                  2026-11-28  █████░░░░░   5/10  GAS  0
                  2026-12-05  ████████░░   8/10  GAS +1
                  change: +5 over 3 sessions
                CG2 Cook at home
                  2026-11-21  ██░░░░░░░░   2/10
                  2026-12-05  ████░░░░░░   4/10
                  change: +2 over 2 sessions
                """))
        let section = try SectionCodec.read(HealthCoachingSection.self, from: shell.session.openPlan().plan)
        #expect(section.sessions.map(\.id) == ["CS1", "CS2", "CS3"])
        #expect(Completer(session: shell.session).complete("coach progress C") == ["CG1", "CG2"])
        #expect(Completer(session: shell.session).complete("coach session today --mode v") == ["video"])
        #expect(section.goals[0].stage == .action)
        #expect(section.goals[0].planGoalId == "G1")
        #expect(section.activation.first?.level == 2)
    }

    @Test("a session logged late goes in its place by date; a session in the future is refused")
    func backfilledSessions() throws {
        let shell = try Self.harness()
        #expect(
            shell.run([
                "new Dev Patel", "coach goal Walk", "coach session 2026-11-28 --progress CG1=5",
                "coach session 2026-11-21 --progress CG1=3",
            ]), "\(shell.output.errors)")
        let section = try SectionCodec.read(HealthCoachingSection.self, from: shell.plan())
        #expect(section.sessions.map(\.heldOn.description) == ["2026-11-21", "2026-11-28"])
        #expect(section.sessions.map(\.id) == ["CS2", "CS1"])
        #expect(!shell.session.execute("coach session 2026-12-11 --progress CG1=6"))
        #expect(shell.output.errors.last == "coach session: DATE: 2026-12-11 is in the future; record what happened once it has happened (today is 2026-12-10)")
    }

    @Test("bad scores, unknown goals and sessions in the future are refused without change")
    func badInput() throws {
        let shell = try Self.harness()
        #expect(shell.run(["new Dev Patel", "coach goal Walk", "coach session 2026-11-28 --progress CG1=5"]))
        let revision = try shell.session.openPlan().revision
        for line in [
            "coach session 2026-11-29 --progress CG1=11", "coach session 2026-11-29 --gas CG1=3",
            "coach session 2026-11-29 --progress CG9=3", "coach session 2026-12-20 --progress CG1=4",
            "coach activation 5", "coach goal Run --goal G4",
        ] {
            #expect(!shell.session.execute(line), "\(line)")
        }
        #expect(try shell.session.openPlan().revision == revision)
        #expect(
            shell.output.errors == [
                "coach session: --progress: expected a score from 0 to 10 for CG1, got 11",
                "coach session: --gas: expected a score from -2 to 2 for CG1, got 3",
                "there is no coaching goal CG9 in this plan",
                "coach session: DATE: 2026-12-20 is in the future; record what happened once it has happened (today is 2026-12-10)",
                "coach activation: LEVEL: expected a whole number from 1 to 4, got 5",
                "there is no goal G4 in this plan",
            ])
    }
}
