import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import HealthCoaching
import SocialPrescribing
import Testing

/// Nothing stored, imported or typed can act on the terminal: escape sequences in every text
/// field, in a directory file and in the files careplan reads come out as visible text.
@Suite("Nothing raw reaches the terminal")
struct TerminalSafetyTests {
    /// ESC (clear screen), BEL, OSC 52 (set the clipboard) and OSC 8 (a hidden link).
    static let nasty = "x\u{1B}[2J\u{07}\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\\u{9B}31m"

    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }
    }

    /// One line for every command in help, run against a plan full of escape sequences.
    static let everyCommand: [String] = [
        "plans", "plans x", "show", "validate", "status active", "set phone 01632 960 118", "about written today",
        "need status N1 in-progress", "goal status G1 active", "goal link G1 N1", "goal unlink G1 N1",
        "action status A1 completed", "referral status R1 accepted", "contact key-worker C1", "contingency untrigger 1",
        "remove S1", "directory search x", "directory search --category x", "directory show svc-001",
        "link status L1 referred", "ons4 4 5 3 7", "measure add SWEMWBS 21", "coach stage CG1 action",
        "coach progress", "task due T1 2026-12-01", "track status K1 booked --on 2026-12-02",
        "test add Scan --for U1 --on 2026-11-10", "test status P1 did-not-attend", "test rebook P1 2026-11-12",
        "test status P1 attended", "test results P1", "cancer outcome U1 diagnosed --on 2026-11-13",
        "cancer record U1 decision --on 2026-11-14", "hna add --for U1", "cancer show",
        "receive cc Help --from team", "episode accept E3", "episode message E3", "call E3 no-answer", "episode contact E3 --mode phone",
        "episode discharge E3 goals-met", "episode reopen E3 --note Again", "episode decline E4 other", "inbox", "codes",
        "codes import no-such-file\(nasty).csv", "report --month 2026-11", "report --month \(nasty)", "worklist", "history", "diff", "undo", "redo", "again",
        "restore 2", "reload",
        "help", "help goal add",
        "frob\(nasty)", "goal \(nasty)", "help \(nasty)", "open \(nasty)", "export x.pdf", "close", "open CP-TEST1",
        "link add svc-001 --for other", "import no-such-file\(nasty).json", "quit",
    ]

    @Test("every command in help, over a plan and a directory full of escape sequences, prints none of them raw")
    func everyCommandIsSafe() throws {
        let shell = try ShellHarness(plugins: FreeTextTests.modules)
        let directory = shell.folder.path("directory.json")
        let services = """
            {"services": [{"id": "svc-001", "name": "Sing \(Self.jsonEscaped(Self.nasty))", "description": "\(Self.jsonEscaped(Self.nasty))",
              "status": "active", "service_areas": [{"name": "\(Self.jsonEscaped(Self.nasty))"}],
              "taxonomy_terms": [{"term": "\(Self.jsonEscaped(Self.nasty))"}]}]}
            """
        let file = shell.folder.path("services.json")
        try Data(services.utf8).write(to: URL(fileURLWithPath: file))
        setenv("CAREPLAN_DIRECTORY", directory, 1)
        defer { unsetenv("CAREPLAN_DIRECTORY") }
        #expect(shell.run(["directory import \(file)", "new Ada Test"] + FreeTextTests.setup, bail: true), "\(shell.output.errors)")
        #expect(shell.run(["coach goal Walk", "track add Scan", "review plan 2027-01-01"], bail: true), "\(shell.output.errors)")
        for field in FreeTextTests.fields where field.command != "new" {
            shell.session.execute(field.line.replacingOccurrences(of: "{T}", with: Self.nasty))
        }
        // Another author with an escape sequence in their name, for the conflict message.
        let open = try shell.session.openPlan()
        var theirs = open.plan
        theirs.person.phone = "01632 960 999"
        try shell.store.commit(theirs, basedOn: open.revision, author: "eve\(Self.nasty)", summary: "x\(Self.nasty)", at: Fixtures.now)
        shell.session.execute("note this one conflicts")
        shell.run(Self.everyCommand)
        shell.session.execute("export \(shell.folder.path("out.txt"))")
        shell.session.execute("exit")

        let registry = shell.session.registry
        let lines = Self.everyCommand + FreeTextTests.fields.map(\.line) + ["directory import x", "new x", "export x", "exit"]
        let covered = Set(lines.compactMap { registry.match(Tokenizer.split($0))?.0.name })
        let missing = registry.commands.map(\.name).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "commands not driven: \(missing)")
        #expect(shell.output.transcript.contains("\\u{1B}"), "the escape sequences were shown, as text")
        #expect(!Self.hasRawControl(shell.output.transcript))
        #expect(!Self.hasRawControl(shell.output.errors.joined()))
    }

    @Test("validate and import name bad fields, file names and values without raw escape sequences")
    func importPathsAreSafe() throws {
        let folder = try TemporaryDirectory()
        let name = folder.path("plan\u{1B}[2J.json")
        let plan =
            #"{"formatVersion": 1, "id": "CP-X", "person": {"name": "A", "\u001b[31mbad": 1}, "goals": [{"id": "G1", "description": "x", "targetDate": "\u001b]52;c;eA==\u0007"}]}"#
        try Data(plan.utf8).write(to: URL(fileURLWithPath: name))
        let careplan = CommandRunner(product: "careplan")
        for arguments in [
            ["validate", name], ["import", "--store", folder.path("s.sqlite"), name],
            ["import", "--store", folder.path("s.sqlite"), "--format", "fhir", name],
            ["export", "--store", folder.path("s.sqlite"), "x\u{1B}[2J"],
        ] {
            let result = try careplan.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(!Self.hasRawControl(result.stdout + result.stderr), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").allSatisfy { !$0.isEmpty }, "one line per problem")
        }
    }

    static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\"" || scalar == "\\" {
                result += String(format: "\\u%04x", scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
