import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import CarePlanShell
import GRDB
import Testing

/// The reproductions from the hardening review: each input that once crashed, trapped,
/// misled or left a file behind, run against the built `careplan`.
@Suite("Hardening", .serialized)
struct HardeningTests {
    let careplan = CommandRunner(product: "careplan")

    private func run(
        _ arguments: [String], in folder: TemporaryDirectory, environment: [String: String] = [:],
        stdin: String? = nil
    ) throws -> CommandRunner.Result {
        try careplan.run(
            arguments, stdin: stdin, environment: ["HOME": folder.url.path].merging(environment) { $1 },
            currentDirectory: folder.url)
    }

    private func expectOneLineFailure(_ result: CommandRunner.Result, containing text: String, _ what: String) {
        #expect(result.status == 1, "\(what): exit \(result.status)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(what): \(result.stderr)")
        #expect(result.stderr.contains(text), "\(what): \(result.stderr)")
    }

    // MARK: 1. No crash from any input

    @Test("a plan whose id counters hold 2^63-1 is refused at validation, core and module alike")
    func hugeCounters() throws {
        let folder = try TemporaryDirectory()
        guard case .object(var tree) = try PlanJSON.parse(Data(contentsOf: Fixtures.samplePlanFiles[2])) else {
            Issue.record("the sample is not an object")
            return
        }
        tree["lastIssuedIds"] = .object(["G": .integer(Int64.max)])
        try PlanJSON.encode(.object(tree)).write(to: folder.url.appendingPathComponent("core.json"))
        let core = try run(["validate", "core.json"], in: folder)
        #expect(core.status == 1)
        #expect(core.stderr.contains("lastIssuedIds"), "\(core.stderr)")
        guard case .object(var extensions)? = tree["extensions"], let module = extensions.keys.sorted().first,
            case .object(var section)? = extensions[module]
        else { Issue.record("the sample has no module section"); return }
        guard case .object(let original) = try PlanJSON.parse(Data(contentsOf: Fixtures.samplePlanFiles[2])) else { return }
        tree["lastIssuedIds"] = original["lastIssuedIds"]
        section["lastIssuedIds"] = .object(["X": .integer(Int64.max)])
        extensions[module] = .object(section)
        tree["extensions"] = .object(extensions)
        try PlanJSON.encode(.object(tree)).write(to: folder.url.appendingPathComponent("module.json"))
        let moduleResult = try run(["validate", "module.json"], in: folder)
        #expect(moduleResult.status == 1)
        #expect(moduleResult.stderr.contains("extensions.\(module).lastIssuedIds.X: expected a whole number"), "\(moduleResult.stderr)")
    }

    @Test("issuing the next id from a counter at Int.max does not trap")
    func issuingAtTheTop() {
        var plan = Plan(id: "CP-X", person: Person(name: "A"))
        plan.lastIssuedIDs[.goal] = Int.max
        #expect(plan.issueID(.goal).number == Int.max)
        struct Counters: SectionIDIssuer { var lastIssuedIds = ["T": Int.max] }
        var counters = Counters()
        #expect(counters.issueID("T") == "T\(Int.max)")
    }

    @Test("folders given as the store, an export target, the directory file or a script get a one-line error")
    func foldersAsFiles() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for store in [".", "./", "~", "sub"] {
            expectOneLineFailure(try run(["list", "--store", store], in: folder), containing: "it is a folder", "--store \(store)")
        }
        #expect(try run(["import", "--store", "s.sqlite", Fixtures.samplePlanFiles[0].path], in: folder).status == 0)
        let id = try PlanJSON.decodeStored(Data(contentsOf: Fixtures.samplePlanFiles[0])).id
        for target in [".", "./", "sub"] {
            expectOneLineFailure(
                try run(["export", id, "--store", "s.sqlite", "-o", target], in: folder),
                containing: "it is a folder", "-o \(target)")
        }
        let shell = try run(["--store", "s.sqlite", "-c", "open \(id)", "-c", "export ."], in: folder)
        #expect(shell.stderr == "-c:2: export: cannot write .: it is a folder; give a file name\n")
        let directory = try run(["--store", "s.sqlite", "-c", "directory search x"], in: folder, environment: ["CAREPLAN_DIRECTORY": "."])
        #expect(directory.stderr.contains("is a folder"), "\(directory.stderr)")
        #expect(directory.stderr.split(separator: "\n").count == 1)
        expectOneLineFailure(try run(["-f", "/etc"], in: folder), containing: "cannot read /etc: is a folder", "-f /etc")
        #expect(!FileManager.default.fileExists(atPath: folder.path("~")), "never a folder named ~")
    }

    // MARK: 4. No file traps

    @Test("a quoted ~ in CAREPLAN_STORE is the home folder, never a folder named ~")
    func quotedTilde() throws {
        let folder = try TemporaryDirectory()
        let result = try run(["list"], in: folder, environment: ["CAREPLAN_STORE": "~/plans/store.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("plans/store.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("~")))
    }

    @Test("an existing store with group or other permissions is tightened to 0600")
    func looseStoreTightened() throws {
        let folder = try TemporaryDirectory()
        #expect(try run(["list", "--store", "s.sqlite"], in: folder).status == 0)
        chmod(folder.path("s.sqlite"), 0o644)
        #expect(try run(["list", "--store", "s.sqlite"], in: folder).status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("s.sqlite"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("an export that fails leaves no temporary file; the temporary name is not predictable")
    func failedExportLeavesNothing() throws {
        let folder = try TemporaryDirectory()
        #expect(try run(["import", "--store", "s.sqlite", Fixtures.samplePlanFiles[0].path], in: folder).status == 0)
        let id = try PlanJSON.decodeStored(Data(contentsOf: Fixtures.samplePlanFiles[0])).id
        let target = folder.path("out.json")
        // A symlink where a pid-named temporary file used to go must not be followed.
        symlink(folder.path("victim"), folder.path(".out.json.\(getpid()).tmp"))
        #expect(try run(["export", id, "--store", "s.sqlite", "-o", target], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("victim")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".tmp") && !$0.contains("\(getpid())") }
        #expect(leftovers.isEmpty)
        let failed = try run(["export", id, "--store", "s.sqlite", "-o", folder.path("missing/out.json")], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr.split(separator: "\n").count == 1)
    }

    @Test("SIGTERM during export --all removes the temporary file and writes no target")
    func interruptedExport() async throws {
        let folder = try TemporaryDirectory()
        let store = try PlanStore(path: folder.path("s.sqlite"))
        let template = try PlanJSON.decodeStored(Data(contentsOf: Fixtures.samplePlanFiles[2]))
        var plans: [Plan] = []
        for number in 0..<600 {
            var plan = template
            plan.id = "CP-SIG\(number)"
            plan.person.nhsNumber = NHSNumber.fictional(number * 2 + 1) ?? NHSNumber.fictional(number * 2 + 2)
            plans.append(plan)
        }
        _ = try store.importPlans(plans, author: "t", at: Fixtures.now, replace: false)
        let process = Process()
        process.executableURL = careplan.executable
        process.arguments = ["export", "--all", "--format", "fhir", "--store", folder.path("s.sqlite"), "-o", folder.path("all.jsonl")]
        process.environment = ["HOME": folder.url.path, "CAREPLAN_FHIR_BASE": Fixtures.fhirBaseURL]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawTemporary = false
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline {
            if (try? FileManager.default.contentsOfDirectory(atPath: folder.url.path))?.contains(where: { $0.hasSuffix(".tmp") }) == true {
                sawTemporary = true
                break
            }
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(sawTemporary, "the export finished before it could be interrupted")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
        #expect(!names.contains("all.jsonl"))
    }

    @Test("a store the user may read but not write can still be listed, shown and exported; a change says why not")
    func readOnlyStore() throws {
        let folder = try TemporaryDirectory()
        #expect(try run(["import", "--store", "s.sqlite", Fixtures.samplePlanFiles[0].path], in: folder).status == 0)
        let id = try PlanJSON.decodeStored(Data(contentsOf: Fixtures.samplePlanFiles[0])).id
        // As root every file is writable: run careplan as nobody, for whom the store is read-only.
        let asRoot = getuid() == 0
        chmod(folder.url.path, 0o777)
        chmod(folder.path("s.sqlite"), asRoot ? 0o644 : 0o444)
        let prefix = asRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        func runReadOnly(_ arguments: [String]) throws -> CommandRunner.Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: prefix.first ?? careplan.executable.path)
            process.arguments = Array(prefix.dropFirst()) + (asRoot ? [careplan.executable.path] : []) + arguments
            process.environment = ["HOME": folder.url.path, "CAREPLAN_AUTHOR": "reader"]
            process.currentDirectoryURL = folder.url
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CommandRunner.Result(
                status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                stderr: String(decoding: err, as: UTF8.self))
        }
        let store = folder.path("s.sqlite")
        let listed = try runReadOnly(["list", "--store", store])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains(id))
        let exported = try runReadOnly(["export", id, "--store", store, "--format", "text"])
        #expect(exported.stdout.hasPrefix("My care and support plan:"), "\(exported.stderr)")
        #expect(exported.stderr == "careplan: note: the store is read-only, so this export is not in its access audit\n")
        let changed = try runReadOnly(["--store", store, "-c", "open \(id)", "-c", "show", "-c", "note hello"])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("opened \(id)"))
        #expect(changed.stdout.contains("note: the store is read-only, so what you open, show and export here is not in its access audit"))
        #expect(changed.stderr == "-c:3: the store \(store) is read-only for you: nothing was saved (ask for write access, or export what you need)\n")
    }

    // MARK: 5. Bounded cost

    @Test("oversized FHIR bundles and directory files are refused without being read; long directory texts too")
    func sizeLimits() throws {
        let folder = try TemporaryDirectory()
        let big = folder.path("big.json")
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, off_t(BoundedFile.Limit.directory + 1)) == 0)
        let bundle = try run(["import", "--store", "s.sqlite", "--format", "fhir", big], in: folder)
        #expect(bundle.status == 1)
        #expect(bundle.stderr.contains("at most \(BoundedFile.Limit.fhirBundle) bytes are read"), "\(bundle.stderr)")
        let directory = try run(["--store", "s.sqlite", "-c", "directory import \(big)"], in: folder)
        #expect(directory.stderr.contains("at most \(BoundedFile.Limit.directory) bytes are read"), "\(directory.stderr)")
        let long = String(repeating: "x", count: PlanJSON.maximumTextLength + 1)
        try Data(#"{"services": [{"id": "s1", "name": "A", "description": "\#(long)", "status": "active"}]}"#.utf8)
            .write(to: folder.url.appendingPathComponent("long.json"))
        let longText = try run(["--store", "s.sqlite", "-c", "directory import long.json"], in: folder)
        #expect(longText.stderr.contains("services[0].description: text is 20001 characters long"), "\(longText.stderr)")
    }

    @Test("a one-megabyte line is parsed in one pass")
    func longLine() throws {
        let line = "note " + String(repeating: "word \"quoted\" ", count: 80_000)
        let tokens = Tokenizer.tokens(line).count
        #expect(tokens == 160_001)
    }

    // MARK: 6. Versions and encodings

    @Test("a store changed by a newer careplan is refused, naming both versions, and not written to")
    func newerStore() throws {
        let folder = try TemporaryDirectory()
        #expect(try run(["list", "--store", "s.sqlite"], in: folder).status == 0)
        let queue = try DatabaseQueue(path: folder.path("s.sqlite"))
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
        try queue.close()
        let before = try Data(contentsOf: folder.url.appendingPathComponent("s.sqlite"))
        let result = try run(["list", "--store", "s.sqlite"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("it has schema v9 from a newer careplan, and this careplan understands up to v6"), "\(result.stderr)")
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("s.sqlite")) == before)
    }

    @Test("FHIR import refuses bytes that are not UTF-8, as plan JSON does")
    func fhirInvalidUTF8() throws {
        let folder = try TemporaryDirectory()
        try Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]).write(to: folder.url.appendingPathComponent("bad.json"))
        let result = try run(["import", "--store", "s.sqlite", "--format", "fhir", "bad.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("not valid UTF-8 text (bad byte at offset 2)"), "\(result.stderr)")
    }

    // MARK: 7. Small ones

    @Test("validate /dev/zero and other non-regular files gives a true reason")
    func nonRegularFiles() throws {
        let folder = try TemporaryDirectory()
        let result = try run(["validate", "/dev/zero"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("/dev/zero: (document): cannot read the file: is not a regular file"), "\(result.stderr)")
    }

    @Test("--dir onto an existing file and an uncreatable store folder give one-line errors")
    func dirOntoFileAndBadFolder() throws {
        let folder = try TemporaryDirectory()
        #expect(FileManager.default.createFile(atPath: folder.path("afile"), contents: Data("x".utf8)))
        #expect(try run(["list", "--store", "s.sqlite"], in: folder).status == 0)
        expectOneLineFailure(
            try run(["export", "--all", "--store", "s.sqlite", "--dir", "afile"], in: folder),
            containing: "it is a file, not a folder", "--dir afile")
        expectOneLineFailure(
            try run(["export", "--all", "--store", "s.sqlite", "--dir", "afile/sub"], in: folder),
            containing: "cannot write to afile/sub: afile is a file, not a folder", "--dir under a file")
        expectOneLineFailure(
            try run(["list", "--store", "afile/sub/s.sqlite"], in: folder),
            containing: "afile is a file, not a folder", "store under a file")
    }

    @Test("a store, an export file and a folder named by one character work: Foundation's path splitting stopped careplan on them")
    func oneCharacterPaths() throws {
        let folder = try TemporaryDirectory()
        #expect(try run(["import", "--store", "q/s.sqlite", Fixtures.samplePlanFiles[0].path], in: folder).status == 0)
        let plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[0])).plan
        let export = try run(["export", plan.id, "--store", "q/s.sqlite", "-o", "e"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try PlanJSON.decode(Data(contentsOf: folder.url.appendingPathComponent("e"))).plan == plan)
        let all = try run(["export", "--all", "--store", "q/s.sqlite", "--dir", "d"], in: folder)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("d")).count == 1)
        let onto = try run(["export", plan.id, "--store", "q/s.sqlite", "-o", "e/"], in: folder)
        #expect(onto.status == 1)
        #expect(!onto.stderr.contains("crashed"), "\(onto.stderr)")
    }

    @Test("careplan-bench --help prints help instead of running; an interrupted run removes its scratch folder")
    func benchHelpAndCleanup() async throws {
        let bench = CommandRunner(product: "careplan-bench")
        let help = try bench.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: careplan-bench [N ...]"))
        let folder = try TemporaryDirectory()
        let process = Process()
        process.executableURL = bench.executable
        process.arguments = ["1000000"]
        process.environment = ["TMPDIR": folder.url.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var scratch: String?
        let deadline = Date().addingTimeInterval(30)
        while scratch == nil, process.isRunning, Date() < deadline {
            scratch = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first { $0.hasPrefix("careplan-bench-") }
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        // Give the benchmark a moment to start writing its store, then interrupt it.
        try await Task.sleep(nanoseconds: 200_000_000)
        kill(process.processIdentifier, SIGINT)
        // Never hang the suite: if the interrupt is not honoured, end the run and fail.
        let stop = Date().addingTimeInterval(20)
        while process.isRunning, Date() < stop { try await Task.sleep(nanoseconds: 10_000_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(scratch != nil)
        #expect(process.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test("plan ids that differ only in case are one id: a second is refused")
    func idCase() throws {
        let folder = try TemporaryDirectory()
        var plan = try PlanJSON.decodeStored(Data(contentsOf: Fixtures.samplePlanFiles[0]))
        let store = try PlanStore(path: folder.path("s.sqlite"))
        try store.create(plan, author: "t", summary: "x", at: Fixtures.now)
        plan.id = plan.id.lowercased()
        plan.person.nhsNumber = nil
        #expect(throws: StoreError.idInOtherCase(planID: plan.id, existing: plan.id.uppercased())) {
            try store.create(plan, author: "t", summary: "x", at: Fixtures.now)
        }
        #expect(try store.find(plan.id).map(\.id) == [plan.id.uppercased()])
    }
}
