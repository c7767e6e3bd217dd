import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import GRDB
import Testing

/// Who looked at a person's plan (NHS Care Record Guarantee), on the embedded store.
@Suite("The access audit")
struct AccessAuditTests {
    let careplan = CommandRunner(product: "careplan")

    /// A plan made, opened, shown, exported and changed in the shell by Sam Osei, then exported
    /// from the command line by Nadia Begum, alone and with the caseload.
    func story() throws -> ShellHarness {
        let shell = try ShellHarness(author: "Sam Osei")
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test --nhs \"943 476 5919\"", "close", "open CP-TEST1", "show", "show referrals",
                    "export \(shell.folder.path("ada.json"))", "note Rang about the CT scan -- \"soon\"",
                ]), "\(shell.output.errors)")
        let environment = ["CAREPLAN_NOW": "2026-11-22T10:00:00Z"]
        #expect(try careplan.run(["export", "CP-TEST1", "--author", "Nadia Begum", "--store", shell.store.path], environment: environment).status == 0)
        let all = try careplan.run(
            ["export", "--all", "--format", "fhir", "--author", "Nadia Begum", "--store", shell.store.path, "-o", shell.folder.path("all.jsonl")],
            environment: environment)
        #expect(all.status == 0, "\(all.stderr)")
        return shell
    }

    @Test("careplan audit PLAN lists every open, show, export and change, with who and when, and none of the plan")
    func listsEveryAccess() throws {
        let shell = try story()
        let result = try careplan.run(["audit", "943 476 5919", "--store", shell.store.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(
            lines == [
                "WHEN (UTC) WHO ACTION DETAIL",
                "2026-11-21T10:00:00Z Sam Osei change revision 1",
                "2026-11-21T10:00:00Z Sam Osei open -",
                "2026-11-21T10:00:00Z Sam Osei show -",
                "2026-11-21T10:00:00Z Sam Osei show referrals",
                "2026-11-21T10:00:00Z Sam Osei export json",
                "2026-11-21T10:00:00Z Sam Osei change revision 2",
                "2026-11-22T10:00:00Z Nadia Begum export json",
                "2026-11-22T10:00:00Z Nadia Begum export caseload, fhir",
                "8 entries",
            ], "\(result.stdout)")
        #expect(!result.stdout.contains("Rang") && !result.stdout.contains("9434765919") && !result.stdout.contains("Ada"))
    }

    @Test("audit --user lists what one member of staff did, from --since on")
    func byUser() throws {
        let shell = try story()
        let nadia = try careplan.run(["audit", "--user", "nadia begum", "--store", shell.store.path])
        #expect(nadia.stdout.hasSuffix("2 entries\n") && nadia.stdout.contains("CP-TEST1"), "\(nadia.stdout)")
        #expect(try careplan.run(["audit", "--user", "Sam Osei", "--since", "2026-11-22", "--store", shell.store.path]).stdout.hasSuffix("0 entries\n"))
        #expect(try careplan.run(["audit", "--user", "Sam Osei", "--since", "2026-11-21", "--store", shell.store.path]).stdout.hasSuffix("6 entries\n"))
        let bad = try careplan.run(["audit", "CP-TEST1", "--user", "x", "--store", shell.store.path])
        #expect(bad.status == 64 && bad.stderr.contains("give a PLAN or --user NAME, not both or neither"))
    }

    @Test("the audit is append-only: a row cannot be changed or removed, even with SQL")
    func appendOnly() throws {
        let shell = try story()
        let queue = try DatabaseQueue(path: shell.store.path)
        for sql in ["UPDATE access SET who = 'nobody'", "DELETE FROM access"] {
            #expect(throws: (any Error).self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM access WHERE who = 'Sam Osei'") } == 6)
        try queue.close()
    }

    @Test("a change that is refused is not in the audit")
    func onlyWhatHappened() throws {
        let shell = try story()
        #expect(!shell.session.execute("set dob 2030-01-01"))
        #expect(try shell.store.accessRecords(of: "CP-TEST1").filter { $0.action == .change }.count == 2)
    }

    @Test("careplan whoami says who changes are signed as, where the name came from, and which store")
    func whoami() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        let byEnvironment = try careplan.run(["whoami", "--store", store], environment: ["CAREPLAN_AUTHOR": "Sam Osei"])
        #expect(byEnvironment.status == 0)
        #expect(byEnvironment.stdout.hasPrefix("you are Sam Osei (from CAREPLAN_AUTHOR)\nstore: \(store) (the embedded store"))
        let byOption = try careplan.run(["whoami", "--store", store, "--author", "Nadia Begum"], environment: ["CAREPLAN_AUTHOR": "Sam Osei"])
        #expect(byOption.stdout.hasPrefix("you are Nadia Begum (from --author)"))
        #expect(!FileManager.default.fileExists(atPath: store), "whoami opens no store")
    }
}
