import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

/// The PRSB Social Prescribing minimum dataset (issue 10, item 4).
@Suite("The minimum dataset", .serialized)
struct DatasetTests {
    let careplan = CommandRunner(product: "careplan")

    /// A store holding the samples with a distinctive word planted in every free-text field
    /// (by an independent script that reads only the schema), and the words.
    func plantedStore(_ folder: TemporaryDirectory) throws -> (store: String, words: [String]) {
        let planted = folder.path("planted")
        let plant = try PythonChecker.run(
            ["Tests/Support/plant_words.py", "docs/schema/plan.schema.json", planted] + Fixtures.samplePlanFiles.map(\.path), makeFolder: planted)
        #expect(plant.status == 0, "\(plant.stderr)")
        let words = plant.stdout.split(separator: "\n").map(String.init)
        #expect(words.count > 200, "every sample has many free-text fields")
        let store = folder.path("s.sqlite")
        let files = try FileManager.default.contentsOfDirectory(atPath: planted).sorted().map { "\(planted)/\($0)" }
        let imported = try careplan.run(["import", "--store", store] + files)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (store, words)
    }

    @Test("with --codes-only no planted word reaches the CSV or the FHIR; without it, the words that belong there do")
    func codesOnlyLeaksNothing() throws {
        let folder = try TemporaryDirectory()
        let (store, words) = try plantedStore(folder)
        let period = ["--from", "2020-01-01", "--to", "2027-12-31"]
        for format in ["csv", "fhir"] {
            let coded = try careplan.run(["dataset", "--store", store, "--format", format, "--codes-only"] + period)
            #expect(coded.status == 0, "\(coded.stderr)")
            let facts = format == "csv" ? coded.stdout.split(separator: "\n").count - 1 : coded.stdout.components(separatedBy: "\"Observation\"").count - 1
            #expect(facts > 30, "\(format): the dataset is not empty (\(facts) facts)")
            let leaked = words.filter { coded.stdout.contains($0) }
            #expect(leaked.isEmpty, "\(format): \(leaked.count) planted words leaked, such as \(leaked.prefix(5))")
            let full = try careplan.run(["dataset", "--store", store, "--format", format] + period)
            #expect(full.status == 0, "\(full.stderr)")
            // The check can fail: the reasons, needs and goals people typed are in the full dataset.
            #expect(words.filter { full.stdout.contains($0) }.count >= 20, "\(format): the full dataset carries the words")
        }
    }

    @Test("the CSV reads back with Python's csv module: every row has every column, the sets in order, people together")
    func csvShape() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try plantedStore(folder)
        for codesOnly in [false, true] {
            let output = folder.path("dataset.csv")
            let result = try careplan.run(
                ["dataset", "--store", store, "--from", "2020-01-01", "--to", "2027-12-31", "-o", output] + (codesOnly ? ["--codes-only"] : []))
            #expect(result.status == 0 && result.stderr.hasPrefix("wrote the dataset of 1 person to"), "\(result.stderr)")
            let check = try PythonChecker.run(["Tests/Support/check_dataset.py", output] + (codesOnly ? ["--codes-only"] : []))
            #expect(check.status == 0 && check.stdout.hasPrefix("ok: "), "\(check.stdout)")
            let attributes = try FileManager.default.attributesOfItem(atPath: output)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test("the FHIR form is one Bundle per person that the independent FHIR checkers accept, its extensions all declared")
    func fhirShape() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        let generated = folder.path("generated")
        #expect(
            try PythonChecker.run(["Tests/Support/check_report.py", "generate", generated, "40", "7", folder.path("imd.csv")], makeFolder: generated)
                .status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: generated).sorted().map { "\(generated)/\($0)" }
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path) + files).status == 0)
        let result = try careplan.run(["dataset", "--store", store, "--format", "fhir", "--month", "2026-06"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 5, "people with an episode open in June: \(lines.count)")
        var bundles: [String] = []
        for (index, line) in lines.enumerated() {
            let path = folder.path("bundle-\(index).json")
            try String(line).write(toFile: path, atomically: true, encoding: .utf8)
            bundles.append(path)
        }
        let check = try PythonChecker.run(["Tests/Support/check_fhir_bundle.py"] + bundles)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let definitions = try PythonChecker.run(["Tests/Support/check_fhir_definitions.py", Fixtures.fhirBaseURL, "docs/fhir/definitions"] + bundles)
        #expect(definitions.status == 0, "\(definitions.stdout)\(definitions.stderr)")
    }

    @Test("who is in the period: an episode open at some time in it; events only when they fall in it")
    func period() throws {
        var plan = Plan(id: "CP-D1", person: Person(name: "Ada Test"))
        func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }
        var open = ReferralEpisode(id: EntryID(.episode, 1), service: .socialPrescribingLinkWorker, receivedOn: try day("2026-03-01"), source: .gp, reason: "x")
        open.answer = EpisodeAnswer(decision: .accepted, on: try day("2026-03-02"))
        plan.episodes = [open]
        let november = MinimumDataset(from: try day("2026-11-01"), to: try day("2026-11-30"))
        let rows = november.rows(for: plan, decile: 3)
        #expect(rows.contains { $0.item == "IMD decile" && $0.value == "3" })
        #expect(!rows.contains { $0.set == .support }, "received and answered in March: no support row in November")
        plan.episodes[0].discharge = EpisodeDischarge(on: try day("2026-10-31"), reason: .goalsMet)
        #expect(november.rows(for: plan, decile: nil).isEmpty, "discharged before November")
        #expect(MinimumDataset(from: try day("2026-11-01"), to: try day("2026-11-30"), service: .careCoordinator).rows(for: plan, decile: nil).isEmpty)
        #expect(MinimumDataset(from: try day("2026-02-01"), to: try day("2026-02-28")).rows(for: plan, decile: nil).isEmpty, "received after February")
    }

    @Test("a bad period or format is refused in one line, and -o leaves nothing behind")
    func refused() throws {
        let folder = try TemporaryDirectory()
        let output = folder.path("dataset.csv")
        let result = try careplan.run(["dataset", "--store", folder.path("s.sqlite"), "--month", "2026-13", "-o", output])
        #expect(result.status == 1 && result.stderr == "careplan: dataset: --month: expected a month like 2026-11, got 2026-13\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        let fhir = try careplan.run(
            ["dataset", "--store", folder.path("s.sqlite"), "--month", "2026-11", "--format", "fhir"], environment: ["CAREPLAN_FHIR_BASE": ""])
        #expect(fhir.status == 1 && fhir.stderr.hasPrefix("careplan: dataset: FHIR is written only once your PCN sets CAREPLAN_FHIR_BASE"), "\(fhir.stderr)")
    }
}
