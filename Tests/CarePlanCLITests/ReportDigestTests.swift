import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import GRDB
import Testing

/// The digest that lets a report skip the plans with nothing in its period (issue 10, item 6).
@Suite("The report digest", .serialized)
struct ReportDigestTests {
    let careplan = CommandRunner(product: "careplan")

    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    @Test("every month of every string that starts with a date is found, in any section; nothing else")
    func months() {
        let body = Data(
            #"{"a":"2026-03-02","b":{"at":"2026-11-21T10:05:00Z"},"c":["1999-12-31 note"],"d":"x2026-01-01","e":20260101,"f":"2026-1-1","g":"12026-05-05"}"#
                .utf8)
        #expect(ReportDigest(Plan(id: "CP-D1", person: Person(name: "A")), body: body).months == ["1999-12", "2026-03", "2026-11"])
    }

    @Test("the month scan finds what a plain scan of every position finds, in bytes made of quotes, digits and dashes")
    func monthsAgainstAPlainScan() {
        func plainScan(_ bytes: [UInt8]) -> [String] {
            var found: Set<String> = []
            var index = 0
            func digit(_ at: Int) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) }
            while index + 11 <= bytes.count {
                if bytes[index] == UInt8(ascii: "\""), bytes[index + 5] == UInt8(ascii: "-"), bytes[index + 8] == UInt8(ascii: "-"),
                    [1, 2, 3, 4, 6, 7, 9, 10].allSatisfy({ digit(index + $0) })
                {
                    found.insert(String(decoding: bytes[(index + 1)..<(index + 8)], as: UTF8.self))
                    index += 11
                } else {
                    index += 1
                }
            }
            return found.sorted()
        }
        var random = SeededRandomNumberGenerator(seed: 11)
        let pieces = ["\"2026-11-21", "\"1999-12-3", "\"0001-01-01T", "\"2026-1-1", "\"12026-05-05", "\"", "-", "7", "x", "\"2026-02-29\""]
        var matched = 0
        for round in 0..<400 {
            let joined = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let bytes = Array(joined.utf8.prefix(max(0, joined.utf8.count - round % 3)))
            let expected = plainScan(bytes)
            matched += expected.count
            #expect(ReportDigest.months(in: Data(bytes)) == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(matched > 0)
    }

    @Test("a digest reads back as written, whatever the worker's name holds; another version, or damage, reads as none")
    func roundTrip() throws {
        var plan = Plan(id: "CP-D1", person: Person(name: "Ada Test"))
        plan.person.dateOfBirth = try day("1950-02-03")
        plan.person.ethnicCategory = .notStated
        plan.person.gpPractice = GPPractice(name: "X", odsCode: "b86001")
        plan.review.responsible = "Sam; O'Sei,\u{1F} = - \"quoted\""
        var open = ReferralEpisode(id: EntryID(.episode, 1), service: .careCoordinator, receivedOn: try day("2026-03-01"), source: .gp, reason: "x")
        open.answer = EpisodeAnswer(decision: .declined, on: try day("2026-03-04"))
        plan.episodes = [
            open, ReferralEpisode(id: EntryID(.episode, 2), service: .socialPrescribingLinkWorker, receivedOn: try day("2026-05-01"), source: .gp, reason: "y"),
        ]
        let digest = ReportDigest(plan, body: PlanJSON.encode(plan))
        #expect(digest.spans.map(\.closedOn) == [try day("2026-03-04"), nil] && digest.practice == "B86001")
        #expect(ReportDigest.decode(digest.encoded) == digest)
        plan.review.responsible = nil
        plan.recordedBy = nil
        let unnamed = ReportDigest(plan, body: PlanJSON.encode(plan))
        #expect(ReportDigest.decode(unnamed.encoded)?.worker == nil)
        for damaged in [nil, "", #"{"v":1,"months":[]}"#, "1" + digest.encoded.dropFirst(), String(digest.encoded.dropLast(digest.encoded.count - 20))] {
            #expect(ReportDigest.decode(damaged) == nil, "\(damaged ?? "nil")")
        }
    }

    @Test("the report is the same read through the digests as with every plan decoded, for months, longer periods and breakdowns")
    func sameAsDecodingEverything() throws {
        let folder = try TemporaryDirectory()
        let plans = folder.path("plans")
        #expect(
            try PythonChecker.run(["Tests/Support/check_report.py", "generate", plans, "600", "11", folder.path("imd.csv")], makeFolder: plans).status == 0)
        let store = folder.path("s.sqlite")
        let files = try FileManager.default.contentsOfDirectory(atPath: plans).sorted().map { "\(plans)/\($0)" }
        #expect(try careplan.run(["import", "--store", store] + files).status == 0)
        #expect(try careplan.run(["reference", "import", "imd", folder.path("imd.csv"), "--store", store]).status == 0)
        let periods = [["--month", "2026-11"], ["--month", "2026-03", "--by", "imd"], ["--from", "2026-04-10", "--to", "2026-06-20", "--by", "age"]]
        var withDigests: [String] = []
        for period in periods {
            let result = try careplan.run(["report", "--format", "json", "--store", store] + period)
            #expect(result.status == 0, "\(result.stderr)")
            withDigests.append(result.stdout)
        }
        let queue = try DatabaseQueue(path: store)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM plan WHERE reportDigest IS NULL") } == 0)
        try queue.write { db in try db.execute(sql: "UPDATE plan SET reportDigest = NULL") }
        try queue.close()
        for (period, expected) in zip(periods, withDigests) {
            let result = try careplan.run(["report", "--format", "json", "--store", store] + period)
            #expect(result.stdout == expected, "\(period)")
        }
    }

    @Test("on the team store too, the report read through the digests is the report with every plan decoded")
    func sameOnTheTeamStore() throws {
        let database = try TestTeamDatabase()
        let sam = try database.addStaff("sam", name: "Sam Osei")
        let folder = try TemporaryDirectory()
        let plans = folder.path("plans")
        #expect(try PythonChecker.run(["Tests/Support/check_report.py", "generate", plans, "200", "5", folder.path("imd.csv")], makeFolder: plans).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: plans).sorted().map { "\(plans)/\($0)" }
        func run(_ arguments: [String]) throws -> CommandRunner.Result {
            try careplan.run(arguments + ["--store", database.url(for: sam)], environment: database.environment(for: sam))
        }
        #expect(try run(["import"] + files).status == 0)
        #expect(try database.psql(as: database.admin, "SELECT count(*) FROM careplan.report_digest").stdout == "200\n")
        let periods = [["--month", "2026-11"], ["--from", "2026-04-10", "--to", "2026-06-20", "--by", "ethnicity"]]
        let withDigests = try periods.map { try run(["report", "--format", "json"] + $0).stdout }
        #expect(withDigests.allSatisfy { $0.contains("\"open at the end, by service\"") })
        #expect(try database.psql(as: database.admin, "DELETE FROM careplan.report_digest").status == 0)
        for (period, expected) in zip(periods, withDigests) {
            #expect(try run(["report", "--format", "json"] + period).stdout == expected, "\(period)")
        }
    }

    @Test("each commit keeps the digest true: an episode discharged in October is no longer open at the end of November")
    func followsEdits() throws {
        let clock = TestClock("2026-03-01")
        let shell = try ShellHarness(clock: { clock.now })
        #expect(shell.run(bail: true, ["new Ada Test", "receive cc Falls at home --from gp", "episode accept E1"]), "\(shell.output.errors)")
        func openInNovember() throws -> String? {
            let report = try ReportOutput.report(shell.store, plugins: .none, from: try day("2026-11-01"), to: try day("2026-11-30"))
            return report.rows(suppressSmall: false).first { $0.section == "open at the end, by service" }?.value
        }
        #expect(try openInNovember() == "1")
        clock.set("2026-10-12")
        #expect(shell.run(bail: true, ["episode discharge E1 goals-met"]), "\(shell.output.errors)")
        #expect(try openInNovember() == nil)
    }

    @Test("a store from before the digest gets one for every plan when it is next opened")
    func migrationFillsDigests() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path)).status == 0)
        let queue = try DatabaseQueue(path: store)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE plan DROP COLUMN reportDigest")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v6:%'")
        }
        try queue.close()
        #expect(try careplan.run(["list", "--store", store]).status == 0)
        let reopened = try DatabaseQueue(path: store)
        let digests = try reopened.read { db in try String?.fetchAll(db, sql: "SELECT reportDigest FROM plan") }
        #expect(digests.count == Fixtures.samplePlanFiles.count && digests.allSatisfy { ReportDigest.decode($0) != nil })
        try reopened.close()
    }
}
