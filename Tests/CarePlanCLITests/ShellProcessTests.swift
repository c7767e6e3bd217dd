import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("careplan shell as a subprocess")
struct ShellProcessTests {
    let careplan = CommandRunner(product: "careplan")

    private func run(_ arguments: [String], stdin: String? = nil, folder: TemporaryDirectory) throws -> CommandRunner.Result {
        try careplan.run(["--store", folder.path("store.sqlite")] + arguments, stdin: stdin, currentDirectory: folder.url)
    }

    @Test("a script piped to stdin runs with no prompt; errors go to stderr with line numbers; exit 1 if any failed")
    func pipedScript() throws {
        let folder = try TemporaryDirectory()
        let script = """
            new Ada Test --nhs 9434765919
            need add Lonely --domain emotional --score 6
            goal add Join a club --need N9
            goal add Join a club --need N1
            plans
            """
        let result = try run([], stdin: script + "\n", folder: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "stdin:3: there is no need N9 in this plan\n")
        #expect(!result.stdout.contains("careplan>"))
        #expect(result.stdout.contains("add goal G1 (revision 3)"))
        #expect(result.stdout.contains("Ada Test"))
    }

    @Test(
        "-f reads CRLF and CR line endings and a leading byte-order mark exactly as stdin does",
        arguments: ["\r\n", "\r", "\n"])
    func scriptLineEndings(_ ending: String) throws {
        let folder = try TemporaryDirectory()
        let script = "\u{FEFF}" + ["new Ada Test", "strength add Kind", "note ref #4521 -- fine"].joined(separator: ending) + ending
        try Data(script.utf8).write(to: folder.url.appendingPathComponent("visit.cp"))
        let result = try run(["-f", "visit.cp"], folder: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("add strength S1 (revision 2)"))
        #expect(result.stdout.contains("add note D1 (revision 3)"))
        let plan = try run(["-c", "open ada", "-c", "show notes"], folder: folder)
        #expect(plan.stdout.contains("ref #4521 -- fine"))
    }

    @Test("a script that succeeds exits 0")
    func cleanScript() throws {
        let folder = try TemporaryDirectory()
        let result = try run([], stdin: "new Ada Test\nstrength add Kind\n", folder: folder)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test("--bail stops at the first failing command")
    func bail() throws {
        let folder = try TemporaryDirectory()
        let script = "new Ada Test\nbogus\nstrength add Kind\n"
        let result = try run(["--bail"], stdin: script, folder: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "stdin:2: unknown command bogus; type help for a list\n")
        #expect(!result.stdout.contains("add strength"))
        let without = try run([], stdin: script.replacingOccurrences(of: "Ada", with: "Bea"), folder: folder)
        #expect(without.status == 1)
        #expect(without.stdout.contains("add strength S1"))
    }

    @Test("-c runs commands in order; -f runs a file and names it in errors")
    func commandsAndFiles() throws {
        let folder = try TemporaryDirectory()
        let created = try run(["-c", "new Ada Test --nhs 9434765919", "-c", "note First call"], folder: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let file = folder.path("visit.cp")
        try "open 943 476 5919\nnote Second call\ngoal status G4 active\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run(["-f", file], folder: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "\(file):3: there is no goal G4 in this plan\n")
        let history = try run(["-c", "open ada", "-c", "history"], folder: folder)
        #expect(history.stdout.contains("add note D2"))
    }

    @Test("a usage error in the flags keeps swift-argument-parser's status 64")
    func usageError() throws {
        let folder = try TemporaryDirectory()
        let result = try run(["--no-such-flag"], folder: folder)
        #expect(result.status == 64)
    }

    @Test("export from the shell writes a 0600 file")
    func exportMode() throws {
        let folder = try TemporaryDirectory()
        let result = try run(["-c", "new Ada Test", "-c", "export ada.json", "-c", "export ada.txt"], folder: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["ada.json", "ada.txt"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.path(name))
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
        #expect(try String(contentsOfFile: folder.path("ada.txt"), encoding: .utf8).hasPrefix("My care and support plan: Ada Test"))
    }
}

@Suite("careplan shell in a terminal")
struct ShellTerminalTests {
    @Test("in a pseudo-terminal, Tab completes, Up recalls the last run's lines, pasted lines stay text, and history is 0600")
    func pseudoTerminal() throws {
        let binary = CommandRunner(product: "careplan").executable.path
        let result = try PythonChecker.run(["Tests/Support/pty_shell_test.py", binary])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok: Tab completes an entry id"))
        #expect(result.stdout.contains("ok: Up recalls previous lines from the last run"))
        #expect(result.stdout.contains("ok: history file is mode 0600"))
        #expect(result.stdout.contains("ok: a pasted block runs none of its lines as commands"))
        #expect(result.stdout.contains("ok: a second plan with the same name and date of birth is made only after a yes"))
        #expect(result.stdout.contains("ok: help goes through the pager on a terminal"))
        #expect(result.stdout.contains("ok: a history symlink's target is not written"))
        #expect(result.stdout.contains("ok: a history symlink's target is not chmod'ed"))
    }

    @Test("two shells on the team store: each is told of the other's change at the prompt; edits at the same moment are both kept")
    func twoShellsOnTheTeamStore() throws {
        let database = try TestTeamDatabase()
        let sam = try database.addStaff("sam", name: "Sam Osei")
        let ruth = try database.addStaff("ruth", name: "Ruth Evans", role: "CC")
        try database.open(as: sam).create(Plan(id: "CP-PTY1", person: Person(name: "Ada Test")), author: "", summary: "created", at: Fixtures.now)
        let binary = CommandRunner(product: "careplan").executable.path
        let result = try PythonChecker.run(
            ["Tests/Support/pty_two_shells.py", binary, database.url(for: sam), database.url(for: ruth), "CP-PTY1"],
            environment: [
                "SAM_PGPASSWORD": database.environment(for: sam)["PGPASSWORD"] ?? "",
                "RUTH_PGPASSWORD": database.environment(for: ruth)["PGPASSWORD"] ?? "",
            ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok: the other shell is told of a colleague's change without typing anything"))
        #expect(result.stdout.contains("ok: edits of different entries made at the same moment are both kept"))
    }
}
