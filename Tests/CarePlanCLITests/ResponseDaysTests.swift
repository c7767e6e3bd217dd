import CarePlanTestSupport
import Foundation
import Testing

@Suite("The days a PCN gives a service to answer a referral")
struct ResponseDaysTests {
    let careplan = CommandRunner(product: "careplan")

    func run(_ lines: [String], environment: [String: String], in folder: TemporaryDirectory) throws -> CommandRunner.Result {
        try careplan.run(
            ["--no-history", "--store", folder.path("s.sqlite")] + lines.flatMap { ["-c", $0] },
            environment: environment.merging(["CAREPLAN_NOW": "2026-11-02T10:00:00Z"]) { $1 })
    }

    @Test("CAREPLAN_RESPONSE_DAYS sets when referrals received and sent fall due; the default is 14")
    func days() throws {
        let folder = try TemporaryDirectory()
        let seven = ["CAREPLAN_RESPONSE_DAYS": "7"]
        let received = try run(["new Ada Test", "receive splw Lonely --from gp", "refer hwbc Walking"], environment: seven, in: folder)
        #expect(received.stdout.contains("receive referral E1 for SPLW, answer due 2026-11-09"), "\(received.stdout)")
        // The referral sent on the 2nd is due on the 9th: overdue on the 10th, not on the 9th.
        let tenth = try run(["worklist --today 2026-11-10"], environment: seven, in: folder)
        #expect(tenth.stdout.contains("Referral answers overdue (1)") && tenth.stdout.contains("2026-11-09  CP-"), "\(tenth.stdout)")
        #expect(try run(["worklist --today 2026-11-09"], environment: seven, in: folder).stdout.contains("Referral answers overdue (0)"))
        // Without the setting the sent referral is due after 14 days: the index is rebuilt.
        #expect(try run(["worklist --today 2026-11-10"], environment: [:], in: folder).stdout.contains("Referral answers overdue (0)"))
        #expect(try run(["worklist --today 2026-11-17"], environment: [:], in: folder).stdout.contains("Referral answers overdue (1)"))
    }

    @Test("a setting that is not 1 to 90 days stops careplan with a one-line reason, creating nothing", arguments: ["0", "91", "two weeks", ""])
    func badDays(_ value: String) throws {
        let folder = try TemporaryDirectory()
        let result = try run(["new Ada Test"], environment: ["CAREPLAN_RESPONSE_DAYS": value], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "careplan: CAREPLAN_RESPONSE_DAYS: expected a whole number of days from 1 to 90, got \"\(value)\"\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("s.sqlite")))
    }
}
