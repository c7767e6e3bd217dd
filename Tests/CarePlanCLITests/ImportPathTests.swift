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
