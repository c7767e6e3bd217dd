import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing
@testable import careplan

/// The shell's `import` and `careplan import` are one importer: the same checks, the same
/// clock, the same words.
@Suite("One import path")
struct ImportPathTests {
    let careplan = CommandRunner(product: "careplan")

    @Test("every bad plan is refused by the shell's import and by careplan import with identical lines, naming the field")
    func badPlansSameWords() throws {
        let folder = try TemporaryDirectory()
        let files = Fixtures.badPlans.map(\.file.path)
        // One run of careplan import over every bad file: the exit code and the words.
        let scripted = try careplan.run(["import", "--store", folder.path("cli.sqlite")] + files)
        #expect(scripted.status == 1)
        #expect(scripted.stdout.isEmpty)
        #expect(scripted.stderr.hasSuffix("careplan: \(files.count) of \(files.count) files not imported\n"))
        let shell = try ShellHarness(plugins: roleModules)
        for (file, expected) in Fixtures.badPlans {
            let before = shell.output.errors.count
            #expect(!shell.session.execute("import \(Tokenizer.quote(file.path))"))
            let shellLines = Array(shell.output.errors[before...])
            let scriptedLines = scripted.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix(file.path + ": ") }
            #expect(!shellLines.isEmpty)
            #expect(shellLines == scriptedLines, "\(file.lastPathComponent)")
            #expect(shellLines.contains { $0.contains("\(file.path): \(expected)") }, "\(file.lastPathComponent): \(shellLines)")
            // validate reads files the same way.
            let reader = PlanFileReader(plugins: shell.session.plugins, today: Fixtures.today)
            guard case .refused(_, let issues) = reader.check(file: file.path, format: .json) else {
                Issue.record("\(file.lastPathComponent) passed validation")
                continue
            }
            #expect(issues.map { PlanFileReader.line($0, in: file.path) } == shellLines)
        }
        #expect(try shell.store.count() == 0)
        #expect(try PlanStore(path: folder.path("cli.sqlite")).count() == 0)
        #expect(files.count >= 30)
    }

    @Test("a plan stored with other content is refused by both with the same words; --replace stores it in both")
    func replaceSameWords() throws {
        let folder = try TemporaryDirectory()
        let sample = Fixtures.samplePlanFiles[0].path
        var plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[0])).plan
        plan.status = .onHold
        let changed = folder.path("changed.json")
        try PlanJSON.encode(plan).write(to: URL(fileURLWithPath: changed))

        let store = folder.path("cli.sqlite")
        #expect(try careplan.run(["import", "--store", store, sample]).stdout == "\(sample): stored as \(plan.id) revision 1\n")
        let refused = try careplan.run(["import", "--store", store, changed])
        #expect(refused.status == 1)

        let shell = try ShellHarness(plugins: roleModules)
        #expect(shell.session.execute("import \(Tokenizer.quote(sample))"))
        #expect(shell.output.results.contains("\(sample): stored as \(plan.id) revision 1\n"))
        #expect(!shell.session.execute("import \(Tokenizer.quote(changed))"))
        let line =
            "\(changed): plan \(plan.id) is already stored (revision 1) with other content; "
            + "import it with --replace to store it as a new revision"
        #expect(shell.output.errors.last == line)
        #expect(refused.stderr.contains(line + "\n"))

        #expect(shell.session.execute("import \(Tokenizer.quote(changed)) --replace"))
        #expect(shell.output.results.hasSuffix("\(changed): stored as \(plan.id) revision 2\n"))
        #expect(try careplan.run(["import", "--store", store, "--replace", changed]).stdout == "\(changed): stored as \(plan.id) revision 2\n")
        // The injected clock stamps the shell's import, as it does the scripted one.
        #expect(try shell.store.history(of: plan.id).map(\.createdAt) == [Fixtures.now, Fixtures.now])
    }

    @Test("the shell imports a FHIR bundle with --format fhir, as careplan import does")
    func fhirInShell() throws {
        let folder = try TemporaryDirectory()
        let plugins = try PluginHost(roleModules)
        let plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        let bundle = folder.path("edith.fhir.json")
        try PlanJSON.encode(FHIRExporter(plugins: plugins).bundle(for: plan)).write(to: URL(fileURLWithPath: bundle))
        let shell = try ShellHarness(plugins: roleModules)
        #expect(shell.session.execute("import \(Tokenizer.quote(bundle)) --format fhir"), "\(shell.output.errors)")
        #expect(try shell.plan() == plan)
    }
}

/// Many files are checked on every core, and a folder stands for its plan files: neither may
/// change what is reported, or in what order.
@Suite("Many plan files")
struct ManyPlanFilesTests {
    let careplan = CommandRunner(product: "careplan")

    /// Bad and good files interleaved, several chunks' worth (chunks of 8).
    func mixedFiles() -> [String] {
        let bad = Fixtures.badPlans.map(\.file.path)
        let good = Fixtures.samplePlanFiles.map(\.path)
        return (0..<45).map { $0 % 3 == 0 ? good[$0 % good.count] : bad[$0 % bad.count] }
    }

    func lines(_ outcome: PlanFileReader.Checked) -> [String] {
        switch outcome {
        case .accepted(let accepted):
            ["\(accepted.file): accepted \(accepted.checked.plan.id) \(accepted.checked.canonical.count) bytes"]
                + accepted.checked.warnings.map { PlanFileReader.line($0, in: accepted.file) }
        case .refused(let file, let issues): issues.map { PlanFileReader.line($0, in: file) }
        case .message(let file, _): ["\(file): message"]
        }
    }

    @Test("checking on every core hands over the same outcomes in the same order as one file at a time")
    func parallelMatchesSequential() throws {
        let reader = PlanFileReader(plugins: try PluginHost(roleModules), today: Fixtures.today)
        let files = mixedFiles()
        var sequential: [String] = []
        reader.forEachChecked(files, format: .json, parallel: false) { sequential += lines($0) }
        var parallel: [String] = []
        var order: [String] = []
        reader.forEachChecked(files, format: .json, parallel: true, chunkSize: 8) { outcome in
            parallel += lines(outcome)
            switch outcome {
            case .accepted(let accepted): order.append(accepted.file)
            case .refused(let file, _), .message(let file, _): order.append(file)
            }
        }
        #expect(order == files)
        #expect(parallel == sequential)
        #expect(sequential.count > files.count)
    }

    @Test("an error thrown while handling one outcome stops the rest")
    func stopsOnError() throws {
        struct Stop: Error {}
        let reader = PlanFileReader(plugins: .none, today: Fixtures.today)
        var handled = 0
        #expect(throws: Stop.self) {
            try reader.forEachChecked(mixedFiles(), format: .json, parallel: true, chunkSize: 8) { _ in
                handled += 1
                if handled == 20 { throw Stop() }
            }
        }
        #expect(handled == 20)
    }

    @Test("a folder stands for its .json files in name order; hidden files, other names and inner folders are left out")
    func folderArgument() throws {
        let folder = try TemporaryDirectory()
        let plans = folder.path("plans")
        try FileManager.default.createDirectory(atPath: plans + "/inner.json", withIntermediateDirectories: true)
        let samples = Fixtures.samplePlanFiles
        for (index, sample) in samples.enumerated() {
            try FileManager.default.copyItem(atPath: sample.path, toPath: "\(plans)/\(samples.count - index)-plan.json")
        }
        try Data("{".utf8).write(to: URL(fileURLWithPath: plans + "/.hidden.json"))
        try Data("{".utf8).write(to: URL(fileURLWithPath: plans + "/notes.txt"))

        let expected = (1...samples.count).map { "\(plans)/\($0)-plan.json" }
        let byFolder = try careplan.run(["validate", plans])
        let byFiles = try careplan.run(["validate"] + expected)
        #expect(byFolder.status == 0, "\(byFolder.stderr)")
        #expect(byFolder.stdout == expected.map { "\($0): valid\n" }.joined())
        #expect(byFolder.stdout == byFiles.stdout)

        let store = folder.path("s.sqlite")
        let imported = try careplan.run(["import", "--store", store, plans + "/"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try PlanStore(path: store).count() == samples.count)

        let empty = folder.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let refused = try careplan.run(["import", "--store", store, empty])
        #expect(refused.status == 1)
        #expect(refused.stderr == "careplan: \(empty): the folder holds no .json files\n")
    }
}
