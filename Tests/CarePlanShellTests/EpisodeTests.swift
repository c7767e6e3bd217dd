import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing

/// Referrals our services receive: the episode from receipt to discharge, the inbox, and the
/// codes recorded at the right moment (issue 9, items 1-4).
@Suite("Referrals received")
struct EpisodeTests {
    /// What `line` printed, on `day` when given.
    static func run(_ shell: ShellHarness, _ clock: TestClock, _ day: String? = nil, _ line: String) -> String {
        if let day { clock.set(day) }
        let before = shell.output.results.count
        #expect(shell.session.execute(line), "\(line): \(shell.output.errors.last ?? "")")
        return String(shell.output.results.dropFirst(before))
    }

    static func harness(_ clock: TestClock) throws -> ShellHarness {
        try ShellHarness(author: "Aisha Rahman", clock: { clock.now })
    }

    @Test(
        "a GP's referral waits in the SPLW inbox, is accepted, three unanswered calls show, the first contact records 871731000000106 once, and the episode is discharged and reopened"
    )
    func episodeStory() throws {
        let clock = TestClock("2026-11-02")
        let shell = try Self.harness(clock)
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test",
                    "receive splw Lonely since her husband died --from gp --by \"Dr Claire Dunn\" --org \"Northam Medical Group\"",
                    "new Bea Test", "receive hwbc Wants to walk more --from self --urgent --on 2026-11-01",
                ]), "\(shell.output.errors)")
        // The inbox: oldest first, with days waiting; each role sees its own.
        var inbox = Self.run(shell, clock, "2026-11-09", "inbox")
        #expect(inbox.hasPrefix("Inbox for 2026-11-09: 2 referrals waiting for an answer\n"))
        let rows = inbox.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.first?.hasPrefix("2026-11-01 8 CP-TEST2 Bea Test E1 URGENT Wants to walk more") == true, "\(rows)")
        #expect(rows.last?.hasPrefix("2026-11-02 7 CP-TEST1 Ada Test E1 Lonely since her husband died") == true, "\(rows)")
        inbox = Self.run(shell, clock, nil, "inbox --role splw")
        #expect(inbox.contains("Ada Test") && !inbox.contains("Bea Test"))
        // Unanswered after 14 days, the answer is owed on the worklist.
        #expect(Self.run(shell, clock, nil, "worklist --today 2026-11-17").contains("Referral answers we owe (2)"))

        #expect(Self.run(shell, clock, "2026-11-10", "open Ada Test").contains("opened CP-TEST1"))
        #expect(Self.run(shell, clock, nil, "episode accept E1").contains("E1 accepted on 2026-11-10"))
        #expect(!Self.run(shell, clock, nil, "inbox --role splw").contains("Ada Test"))
        for (day, outcome) in [("2026-11-10", "no-answer"), ("2026-11-11", "left-message"), ("2026-11-12", "wrong-number")] {
            _ = Self.run(shell, clock, day, "call E1 \(outcome)")
        }
        let worklist = Self.run(shell, clock, nil, "worklist --today 2026-11-12")
        #expect(worklist.contains("Accepted, waiting for a first contact (1)"))
        #expect(worklist.contains("first contact (3 failed calls)"), "\(worklist)")
        _ = Self.run(shell, clock, "2026-11-13", "call E1 spoke")
        let first = Self.run(shell, clock, nil, "episode contact E1 --mode home-visit --minutes 45")
        #expect(first.hasPrefix("E1 contact on 2026-11-13, first contact after 11 days; code 871731000000106 recorded (revision"))
        _ = Self.run(shell, clock, "2026-11-20", "episode contact E1 --mode phone --did-not-attend")
        #expect(!Self.run(shell, clock, "2026-11-21", "episode contact E1 --mode phone --minutes 20").contains("871731000000106"))
        #expect(Self.run(shell, clock, nil, "worklist --today 2026-11-21").contains("Accepted, waiting for a first contact (0)"))
        _ = Self.run(shell, clock, nil, "episode discharge E1 goals-met --note Goes to the bereavement café")
        #expect(!shell.session.execute("episode contact E1 --mode phone"))
        #expect(shell.output.errors.last == "E1 was discharged; reopen it first")
        _ = Self.run(shell, clock, nil, "episode reopen E1 --note \"Rang back -- wants the walking group too\"")
        let episode = try #require(try shell.plan().episodes.first)
        #expect(episode.state == .inContact && episode.daysWaited == 11)
        #expect(episode.codes.map(\.code) == ["871731000000106"])
        #expect(episode.contacts.map(\.attended) == [true, false, true])
        #expect(episode.attempts.map(\.at) == ["2026-11-10T10:00:00Z", "2026-11-11T10:00:00Z", "2026-11-12T10:00:00Z", "2026-11-13T10:00:00Z"])
        #expect(episode.reopenings.map(\.closed) == ["discharged 2026-11-21 (goals-met)"])
        let shown = Self.run(shell, clock, nil, "show referrals")
        #expect(shown.contains("Referrals received"))
        #expect(shown.contains("first contact 13 Nov 2026 after 11 days"), "\(shown)")
        #expect(shown.contains("Codes: 871731000000106 Referral to social prescribing service (13 Nov 2026)"), "\(shown)")
    }

    @Test("a declined social prescribing referral records 871711000000103; reopened, it waits for an answer again")
    func declined() throws {
        let clock = TestClock("2026-11-02")
        let shell = try Self.harness(clock)
        #expect(shell.run(bail: true, ["new Ada Test", "receive splw Isolated --from hospital", "episode decline E1 person-declined"]))
        #expect(try shell.plan().episodes[0].codes.map(\.code) == ["871711000000103"])
        #expect(!shell.session.execute("episode contact E1 --mode phone"))
        #expect(shell.output.errors.last == "E1 is declined: accept it before recording contacts")
        _ = Self.run(shell, clock, "2026-11-05", "episode reopen E1 --note She rang back")
        #expect(try shell.plan().episodes[0].state == .awaitingAnswer)
        #expect(Self.run(shell, clock, nil, "inbox").contains("Isolated"))
    }

    @Test("impossible steps are refused with the reason, and an episode is never removed")
    func rules() throws {
        let clock = TestClock("2026-11-02")
        let shell = try Self.harness(clock)
        #expect(shell.run(bail: true, ["new Ada Test", "receive cc Pathway support --from hospital --respond-by 2026-11-05"]))
        for (line, reason) in [
            ("episode contact E1 --mode phone", "E1 is awaiting an answer: accept it before recording contacts"),
            (
                "receive cc Later --from gp --on 2026-11-03",
                "receive: --on: 2026-11-03 is in the future; record what happened once it has happened (today is 2026-11-02)"
            ),
            ("receive cc Soon --from gp --respond-by 2026-10-01", "the answer cannot be due (2026-10-01) before the referral was received (2026-11-02)"),
            ("episode discharge E1 goals-met", "E1 is awaiting an answer: only an accepted referral is discharged"),
            ("episode reopen E1 --note x", "E1 is awaiting an answer, not closed"),
            (
                "remove E1",
                "E1 is the record of a referral received and of what was done; it is not removed: discharge it instead (episode discharge E1 other --note ...)"
            ),
            ("receive service Help --from gp", "receive: FOR: expected one of splw, hwbc, cc, got service"),
        ] {
            #expect(!shell.session.execute(line), "\(line)")
            #expect(shell.output.errors.last == reason, "\(line)")
        }
        #expect(shell.session.execute("episode accept E1"))
        #expect(!shell.session.execute("episode accept E1"))
        #expect(shell.output.errors.last == "E1 was already accepted on 2026-11-02")
        #expect(try shell.plan().episodes.count == 1)
    }

    @Test("the PCN's own codes are recorded at the moments its list names, once each; a list with a bad line is refused naming it")
    func localCodes() throws {
        let clock = TestClock("2026-11-02")
        let shell = try Self.harness(clock)
        let list = Fixtures.packageRoot.appendingPathComponent("plans/codes/northam-pcn-codes.csv").path
        #expect(Self.run(shell, clock, nil, "codes import \(list)") == "codes: 3 local codes from \(list)\n")
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test", "receive hwbc Walk more --from gp", "episode accept E1", "episode contact E1 --mode phone",
                    "episode contact E1 --mode video", "episode discharge E1 goals-met",
                ]), "\(shell.output.errors)")
        #expect(try shell.plan().episodes[0].codes.map(\.code) == ["NPCN-HWBC-01", "NPCN-HWBC-02"])
        let listed = Self.run(shell, clock, nil, "codes")
        #expect(listed.contains("splw     first-contact  871731000000106") && listed.contains("hwbc     discharged     NPCN-HWBC-02"), "\(listed)")
        let folder = try TemporaryDirectory()
        for (text, reason) in [
            ("service,moment,code,display\nnurse,accepted,X1,Nurse\n", ":2: service: expected splw, hwbc or cc"),
            (
                "service,moment,code,display\nhwbc,accepted,871731000000107,Typo\n",
                ":2: code: 871731000000107 is not a SNOMED CT identifier (its check digit is wrong)"
            ),
            ("code,display\n", ":1: the first line must be service,moment,code,display"),
        ] {
            let file = folder.path("bad.csv")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(!shell.session.execute("codes import \(file)"))
            #expect(shell.output.errors.last == "codes import: \(file)\(reason)")
        }
        // The list in use is still the good one.
        #expect(try shell.session.localCodeList().entries.count == 3)
    }
}
