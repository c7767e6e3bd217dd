import CarePlanTestSupport
import Foundation
import Testing

@Suite("The cancer at-risk margin a deployment sets")
struct CancerSettingsTests {
    let careplan = CommandRunner(product: "careplan")

    /// `cancer show` of a referral made on 2026-10-01 with no outcome, judged on `today`.
    func show(today: String, environment: [String: String], in folder: TemporaryDirectory? = nil) throws -> CommandRunner.Result {
        let folder = try folder ?? TemporaryDirectory()
        return try careplan.run(
            [
                "--no-history", "--store", folder.path("s.sqlite"), "-c", "new Ada Test", "-c", "cancer refer lung --on 2026-10-01",
                "-c", "cancer show --today \(today)",
            ],
            environment: environment)
    }

    @Test("CAREPLAN_CANCER_AT_RISK_DAYS moves when a standard turns at risk; the default is 5 days")
    func margin() throws {
        // Day 20 of 28: on track by default, at risk with a margin of 8 days.
        #expect(try show(today: "2026-10-21", environment: [:]).stdout.contains("day 20 of 28   on track"))
        #expect(try show(today: "2026-10-21", environment: ["CAREPLAN_CANCER_AT_RISK_DAYS": "8"]).stdout.contains("day 20 of 28   at risk"))
        #expect(try show(today: "2026-10-24", environment: [:]).stdout.contains("day 23 of 28   at risk"))
    }

    @Test("a margin that is not 1 to 27 days stops careplan with a one-line reason", arguments: ["0", "28", "five", "-3", ""])
    func badMargin(_ value: String) throws {
        let folder = try TemporaryDirectory()
        let result = try show(today: "2026-10-21", environment: ["CAREPLAN_CANCER_AT_RISK_DAYS": value], in: folder)
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path("s.sqlite")), "nothing is created")
        #expect(result.stderr == "careplan: CAREPLAN_CANCER_AT_RISK_DAYS: expected a whole number of days from 1 to 27, got \"\(value)\"\n")
        #expect(result.stdout.isEmpty)
    }
}
