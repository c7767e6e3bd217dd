import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("careplan scripted commands")
struct ScriptedCommandsTests {
    let careplan = CommandRunner(product: "careplan")
    let folder: TemporaryDirectory
    var store: String { folder.path("store.sqlite") }

    init() throws {
        folder = try TemporaryDirectory()
    }

    private func run(_ arguments: [String], stdin: String? = nil) throws -> CommandRunner.Result {
        try careplan.run(arguments, stdin: stdin, currentDirectory: Fixtures.packageRoot)
    }

    private var samplePaths: [String] { Fixtures.samplePlanFiles.map { "plans/" + $0.lastPathComponent } }

    @Test("--help and --version work")
    func helpAndVersion() throws {
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: careplan"))
        for command in ["import", "validate", "export", "list", "history"] {
            #expect(help.stdout.contains(command))
        }
        let version = try run(["--version"])
        #expect(version.stdout == CarePlanVersion.current + "\n")
    }

    @Test("every sample plan validates")
    func samplesValidate() throws {
        let result = try run(["validate"] + samplePaths)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == samplePaths.count)
    }

    @Test("importing every sample and exporting it gives back the same bytes")
    func roundTrip() throws {
        let imported = try run(["import", "--store", store] + samplePaths)
        #expect(imported.status == 0, "\(imported.stderr)")
        for file in Fixtures.samplePlanFiles {
            let plan = try PlanJSON.decode(Data(contentsOf: file)).plan
            let exported = try run(["export", plan.id, "--store", store])
            #expect(exported.status == 0)
            #expect(Data(exported.stdout.utf8) == (try Data(contentsOf: file)), "\(file.lastPathComponent)")
        }
    }

    @Test("--store works before or after the subcommand, and CAREPLAN_STORE works too")
    func storeOptionPlacement() throws {
        #expect(try run(["--store", store, "import", samplePaths[0]]).status == 0)
        let after = try run(["list", "--store", store, "--format", "json"])
        let before = try run(["--store", store, "list", "--format", "json"])
        let fromEnvironment = try careplan.run(["list", "--format", "json"], environment: ["CAREPLAN_STORE": store])
        #expect(after.stdout == before.stdout)
        #expect(fromEnvironment.stdout == before.stdout)
        #expect(before.stdout.contains("\"id\": \"CP-CA0004\""))
    }

    @Test("plans are found by NHS number and by a unique name; an ambiguous name is refused")
    func planLookups() throws {
        #expect(try run(["import", "--store", store] + samplePaths).status == 0)
        let byNumber = try run(["export", "999 000 0034", "--store", store, "--format", "text"])
        #expect(byNumber.stdout.hasPrefix("My care and support plan: Edith Lloyd"))
        let byName = try run(["export", "édith", "--store", store])
        #expect(byName.stdout.contains("\"id\": \"CP-CC0003\""))
        let ambiguous = try run(["import", "--store", store, "--replace", "Tests/Fixtures/extra-plans/another-edith.json"])
        #expect(ambiguous.status == 0, "\(ambiguous.stderr)")
        let refused = try run(["export", "edith", "--store", store])
        #expect(refused.status == 1)
        #expect(refused.stderr == "careplan: 2 plans match; choose one by its id (CP-CC0099, CP-CC0003)\n")
        #expect(refused.stdout.contains("CP-CC0003  Edith Lloyd"))
        let missing = try run(["export", "nobody", "--store", store])
        #expect(missing.status == 1)
        #expect(missing.stderr == "careplan: no plan matches that name\n")
        let missingNumber = try run(["export", "999 000 0999", "--store", store])
        #expect(missingNumber.stderr == "careplan: no plan has that NHS number\n")
    }

    @Test("list, export and history find a person by date of birth, phone or postcode; list shows dates of birth")
    func findByPersonDetails() throws {
        #expect(try run(["import", "--store", store] + samplePaths).status == 0)
        let all = try run(["list", "--store", store])
        #expect(all.stdout.hasPrefix("ID         NAME             BORN        NHS NUMBER    STATUS  REV\n"))
        #expect(all.stdout.contains("CP-CA0004  Jamal Hussain    1962-05-21  "))
        for query in ["21/05/1962", "07700 900 442", "nm4 6jp", "NM4"] {
            let found = try run(["list", "--store", store, query])
            #expect(found.stdout.contains("CP-CA0004"), "\(query)")
            #expect(found.stdout.hasSuffix("1 plan\n"), "\(query)")
        }
        #expect(try run(["export", "--store", store, "30/11/1936", "--format", "text"]).stdout.hasPrefix("My care and support plan: Edith Lloyd"))
        #expect(try run(["history", "--store", store, "01632 960 334"]).status == 0)
    }

    @Test("--help wraps cleanly within 80 columns for every command")
    func helpWraps() throws {
        for command in [[], ["import"], ["export"], ["validate"], ["list"], ["history"]] {
            let help = try careplan.run(command + ["--help"], environment: ["COLUMNS": "80"])
            let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= 80 }, "\(command)")
            // A word left alone on a line means a hard line break inside a paragraph.
            let orphans = lines.filter { !$0.isEmpty && !$0.contains(" ") && !$0.hasSuffix(":") }
            #expect(orphans.isEmpty, "\(command): \(orphans)")
        }
    }

    @Test("export -o writes a file only its owner can read")
    func exportFileMode() throws {
        #expect(try run(["import", "--store", store, samplePaths[0]]).status == 0)
        let output = folder.path("plan.txt")
        let result = try run(["export", "CP-CA0004", "--store", store, "--format", "text", "-o", output])
        #expect(result.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("Jamal Hussain"))
    }

    @Test("history lists the revisions of a plan")
    func history() throws {
        #expect(try run(["import", "--store", store, samplePaths[0]]).status == 0)
        var plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[0])).plan
        plan.status = .onHold
        let changed = folder.path("changed.json")
        try PlanJSON.encode(plan).write(to: URL(fileURLWithPath: changed))
        #expect(try run(["import", "--store", store, changed]).status == 1)
        #expect(try run(["import", "--store", store, "--replace", changed]).status == 0)
        let history = try run(["history", plan.id, "--store", store])
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("1    2026-11-21T10:00:00Z  test    imported"))
        #expect(lines[2].contains("imported (replacing revision 1)"))
    }

    @Test("a plan with a 10 MB string is refused, naming the field")
    func hugeString() throws {
        var tree = PlanJSON.tree(of: try Fixtures.samplePlan("health-coaching-dev-patel"))
        if case .object(var members) = tree, case .object(var person)? = members["person"] {
            person["communicationNeeds"] = .string(String(repeating: "x", count: 10 * 1024 * 1024))
            members["person"] = .object(person)
            tree = .object(members)
        }
        let file = folder.path("huge.json")
        try PlanJSON.encode(tree).write(to: URL(fileURLWithPath: file))
        let result = try run(["import", "--store", store, file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("huge.json: person.communicationNeeds: text is 10485760 characters long"))
        #expect(try run(["list", "--store", store, "--format", "json"]).stdout == "[]\n")
    }

    @Test("a missing file is reported and the good files are still imported")
    func mixedImport() throws {
        let result = try run(["import", "--store", store, samplePaths[0], "no-such-file.json", samplePaths[1]])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no-such-file.json: (document): cannot read the file: no such file"))
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test("bad flags keep swift-argument-parser's usage status")
    func usageErrors() throws {
        let result = try run(["export", "CP-1", "--format", "pdf", "--store", store])
        #expect(result.status == 64)
        #expect(result.stderr.contains("pdf"))
    }
}

@Suite("Exporting a whole caseload")
struct CaseloadExportTests {
    let careplan = CommandRunner(product: "careplan")

    @Test("export --all writes JSON Lines, one canonical plan per line, or one file per plan; files are 0600")
    func exportAll() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path)).status == 0)
        let lines = folder.path("caseload.jsonl")
        #expect(try careplan.run(["export", "--all", "--store", store, "-o", lines]).status == 0)
        let text = try String(contentsOfFile: lines, encoding: .utf8)
        let records = text.split(separator: "\n")
        #expect(records.count == Fixtures.samplePlanFiles.count)
        var expected: [String: Data] = [:]
        for file in Fixtures.samplePlanFiles {
            let data = try Data(contentsOf: file)
            expected[try PlanJSON.decode(data).plan.id] = data
        }
        for record in records {
            let plan = try PlanJSON.decode(Data(record.utf8)).plan
            #expect(PlanJSON.encode(plan) == expected[plan.id])
        }
        #expect((try FileManager.default.attributesOfItem(atPath: lines)[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let out = folder.path("bundles")
        #expect(try careplan.run(["export", "--all", "--format", "fhir", "--store", store, "--dir", out]).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == expected.keys.sorted().map { $0 + ".fhir.json" })
        let check = try PythonChecker.run(["Tests/Support/check_fhir_bundle.py"] + names.map { out + "/" + $0 })
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test("export needs a plan or --all, not both")
    func usage() throws {
        let folder = try TemporaryDirectory()
        #expect(try careplan.run(["export", "--all", "CP-1", "--store", folder.path("s.sqlite")]).status == 64)
        #expect(try careplan.run(["export", "--store", folder.path("s.sqlite")]).status == 64)
        #expect(try careplan.run(["export", "--all", "--format", "text", "--store", folder.path("s.sqlite")]).status == 64)
    }
}
