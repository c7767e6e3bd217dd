import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing

/// The referral report (issue 10, in part), checked against an independent recomputation.
@Suite("The referral report", .serialized)
struct ReportTests {
    let careplan = CommandRunner(product: "careplan")

    @Test(
        "every figure of the report equals Python's recomputation over export --all of 1,500 generated plans: a month, a longer period, a quarter for one practice, one practice's link workers, one worker, one referring organisation, and each breakdown group by group"
    )
    func figuresAreRight() throws {
        let folder = try TemporaryDirectory()
        let plans = folder.path("plans")
        let lookup = folder.path("imd.csv")
        let generated = try PythonChecker.run(["Tests/Support/check_report.py", "generate", plans, "1500", "20261201", lookup], makeFolder: plans)
        #expect(generated.status == 0, "\(generated.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: plans).sorted().map { "\(plans)/\($0)" }
        #expect(files.count == 1500)
        let store = folder.path("s.sqlite")
        let imported = try careplan.run(["import", "--store", store] + files)
        #expect(imported.status == 0, "\(imported.stderr.prefix(500))")
        let reference = try careplan.run(["reference", "import", "imd", lookup, "--store", store])
        #expect(
            reference.status == 0 && reference.stdout.hasPrefix("imported the IMD deciles of 343 postcodes; 1 row"), "\(reference.stdout)\(reference.stderr)")
        let export = folder.path("all.jsonl")
        #expect(try careplan.run(["export", "--all", "--store", store, "-o", export]).status == 0)
        var runs: [([String], String, String, [String])] = [
            (["--month", "2026-06"], "2026-06-01", "2026-06-30", []), (["--from", "2026-02-15", "--to", "2026-10-31"], "2026-02-15", "2026-10-31", []),
            (["--quarter", "2026-Q2", "--practice", "b86002"], "2026-07-01", "2026-09-30", ["--practice", "b86002"]),
            (
                ["--from", "2026-01-01", "--to", "2026-11-30", "--practice", "B86003", "--role", "splw"], "2026-01-01", "2026-11-30",
                ["--practice", "B86003", "--role", "splw"]
            ),
        ]
        for by in ReportBreakdown.allCases {
            runs.append((["--month", "2026-11", "--by", by.rawValue], "2026-11-01", "2026-11-30", ["--by", by.rawValue, "--lookup", lookup]))
        }
        runs.append(
            (["--quarter", "2026-Q2", "--role", "hwbc", "--by", "imd"], "2026-07-01", "2026-09-30", ["--role", "hwbc", "--by", "imd", "--lookup", lookup]))
        // One worker's caseload (named without its accents), and the referrals from one organisation (in any case).
        runs.append((["--month", "2026-06", "--worker", "zoe levy"], "2026-06-01", "2026-06-30", ["--worker", "zoe levy"]))
        runs.append(
            (
                ["--from", "2026-01-01", "--to", "2026-11-30", "--organisation", "RIVERSIDE SURGERY"], "2026-01-01", "2026-11-30",
                ["--organisation", "RIVERSIDE SURGERY"]
            ))
        for (arguments, from, to, filters) in runs {
            let report = folder.path("report.json")
            let result = try careplan.run(["report", "--format", "json", "--store", store] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            try result.stdout.write(toFile: report, atomically: true, encoding: .utf8)
            let check = try PythonChecker.run(["Tests/Support/check_report.py", "verify", export, report, from, to] + filters)
            #expect(check.status == 0, "\(arguments): \(check.stdout.prefix(2000))\(check.stderr)")
            #expect(check.stdout.hasPrefix("ok: "), "\(check.stdout.prefix(300))")
        }
        // The groups that say "we do not know" are counted, not dropped: the caseload has people
        // who chose not to say, people never asked, and postcodes the lookup lacks.
        for (by, groups) in [("ethnicity", ["not stated", "not known"]), ("imd", ["unknown"])] {
            let result = try careplan.run(["report", "--format", "json", "--store", store, "--from", "2026-01-01", "--to", "2026-11-30", "--by", by])
            let figures = try PlanJSON.parse(Data(result.stdout.utf8))["figures"]?.arrayValue ?? []
            let total = figures.first { $0["section"]?.stringValue == "received" && $0["item"]?.stringValue == "total" }
            for group in groups {
                #expect((total?["groups"]?[group]?.stringValue).flatMap { Int($0) } ?? 0 > 20, "\(by): \(group)")
            }
            let text = try careplan.run(["report", "--store", store, "--month", "2026-11", "--by", by]).stdout
            let headings = text.split(separator: "\n").dropFirst(3).first?.split(separator: " ").map(String.init) ?? []
            let wanted =
                by == "imd" ? ["Q1", "Q2", "Q3", "Q4", "Q5", "unknown", "all"] : ["White", "Mixed", "Asian", "Black", "Other", "n/stated", "n/known", "all"]
            #expect(headings == wanted, "\(text.prefix(600))")
        }
    }

    @Test("over the sample plans too, every figure of a month's report and of the year's equals the recomputation")
    func samplesAreRight() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path)).status == 0)
        let export = folder.path("all.jsonl")
        #expect(try careplan.run(["export", "--all", "--store", store, "-o", export]).status == 0)
        for (arguments, from, to) in [
            (["--month", "2026-11"], "2026-11-01", "2026-11-30"), (["--from", "2026-01-01", "--to", "2026-11-30"], "2026-01-01", "2026-11-30"),
        ] {
            let report = folder.path("report.json")
            let result = try careplan.run(["report", "--format", "json", "--store", store] + arguments)
            try result.stdout.write(toFile: report, atomically: true, encoding: .utf8)
            let check = try PythonChecker.run(["Tests/Support/check_report.py", "verify", export, report, from, to])
            #expect(check.status == 0 && check.stdout.hasPrefix("ok: "), "\(arguments): \(check.stdout.prefix(2000))")
        }
    }

    @Test("the check above fails when a figure is wrong")
    func checkCanFail() throws {
        let folder = try TemporaryDirectory()
        let export = folder.path("all.jsonl")
        var plan = Plan(id: "CP-ONE", person: Person(name: "Ada Test"))
        plan.episodes = [
            ReferralEpisode(
                id: EntryID(.episode, 1), service: .socialPrescribingLinkWorker, receivedOn: try #require(CalendarDate("2026-06-03")), source: .gp, reason: "x")
        ]
        try PlanJSON.encodeLine(PlanJSON.tree(of: plan)).write(to: URL(fileURLWithPath: export))
        var report = ReferralReport(from: try #require(CalendarDate("2026-06-01")), to: try #require(CalendarDate("2026-06-30")))
        report.add(plan)
        report.receivedTotal = 2
        let file = folder.path("report.json")
        try ReportOutput.render(report, format: .json, suppressSmall: false).write(toFile: file, atomically: true, encoding: .utf8)
        let check = try PythonChecker.run(["Tests/Support/check_report.py", "verify", export, file, "2026-06-01", "2026-06-30"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("('received', 'total'): careplan says 2, recomputed 1"), "\(check.stdout)")
    }

    @Test("--suppress-small shows counts from 1 to 7 as <8, keeps 0 and 8 and more, and the text fits 80 columns")
    func suppressSmall() throws {
        var report = ReferralReport(from: try #require(CalendarDate("2026-06-01")), to: try #require(CalendarDate("2026-06-30")))
        report.receivedTotal = 8
        report.accepted = 7
        report.declined = 0
        report.codes = ["12345 " + String(repeating: "a very long local code meaning ", count: 5): 1]
        let rows = Dictionary(uniqueKeysWithValues: report.rows(suppressSmall: true).map { ("\($0.section)/\($0.item)", $0.value) })
        #expect(rows["received/total"] == "8" && rows["answered/accepted"] == "<8" && rows["answered/declined"] == "0")
        #expect(report.rows(suppressSmall: false).first { $0.item == "accepted" }?.value == "7")
        let text = ReportOutput.render(report, format: .text, suppressSmall: true)
        #expect(text.hasPrefix("Referrals received, 2026-06-01 to 2026-06-30 (counts of 1 to 7 shown as <8)"))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        #expect(ReportOutput.render(report, format: .csv, suppressSmall: true).contains("a very long local code meaning a very long local code meaning"))
    }

    @Test(
        "a quarter is of the NHS financial year that starts in April",
        arguments: [
            ("2026-Q1", "2026-04-01 to 2026-06-30"), ("2026-q2", "2026-07-01 to 2026-09-30"), ("2026-Q3", "2026-10-01 to 2026-12-31"),
            ("2026-Q4", "2027-01-01 to 2027-03-31"), ("2027-Q4", "2028-01-01 to 2028-03-31"),
        ])
    func quarters(quarter: String, period: String) throws {
        let folder = try TemporaryDirectory()
        let result = try careplan.run(["report", "--store", folder.path("s.sqlite"), "--quarter", quarter])
        #expect(result.status == 0 && result.stdout.hasPrefix("Referrals received, \(period)\n"), "\(result.stdout)\(result.stderr)")
    }

    static let badQuarter = "careplan: report: --quarter: expected a quarter of the financial year like 2026-Q3 (October to December 2026), got "

    @Test("a period that is not one is refused with the reason")
    func badPeriods() throws {
        let folder = try TemporaryDirectory()
        for (arguments, reason) in [
            (["--month", "2026-13"], "careplan: report: --month: expected a month like 2026-11, got 2026-13\n"),
            (["--from", "2026-06-30", "--to", "2026-06-01"], "careplan: report: --from 2026-06-30 is after --to 2026-06-01\n"),
            ([], "careplan: report: give --month YYYY-MM, --quarter YYYY-Qn, or --from DATE and --to DATE\n"),
            (["--quarter", "2026-Q5"], Self.badQuarter + "2026-Q5\n"), (["--quarter", "26-Q1"], Self.badQuarter + "26-Q1\n"),
            (["--quarter", "2026-Q1", "--month", "2026-04"], "careplan: report: give one of --month, --quarter, or --from and --to\n"),
            (["--month", "2026-06", "--from", "2026-06-01"], "careplan: report: give --month, or --from and --to, not both\n"),
            (["--from", "31/06/2026", "--to", "2026-07-01"], "careplan: report: --from: expected a date like 2026-12-31\n"),
        ] {
            let result = try careplan.run(["report", "--store", folder.path("s.sqlite")] + arguments)
            #expect(result.status == 1 && result.stderr == reason, "\(arguments): \(result.stderr)")
        }
    }
}
