import CarePlanTestSupport
import CarePlanShell
import Foundation
import Testing

@Suite("Completion")
struct CompleterTests {
    private func completer() throws -> (ShellHarness, Completer) {
        let shell = try ShellHarness()
        #expect(
            shell.run([
                "new Ada Test", "need add Lonely --domain emotional", "need add Bills --domain financial",
                "goal add Club --need N1", "goal add Money --need N2",
            ]))
        return (shell, Completer(session: shell.session))
    }

    @Test("completes command words and subcommands")
    func commands() throws {
        let (_, completer) = try completer()
        #expect(completer.complete("go") == ["goal"])
        #expect(completer.complete("goal ") == ["add", "edit", "link", "status", "unlink"])
        #expect(completer.complete("goal st") == ["status"])
        #expect(completer.complete("re").contains("refer"))
        #expect(completer.complete("re").contains("redo"))
    }

    @Test("completes entry ids of the open plan, by kind")
    func entryIDs() throws {
        let (_, completer) = try completer()
        #expect(completer.complete("goal status ") == ["G1", "G2"])
        #expect(completer.complete("goal link G1 ") == ["N1", "N2"])
        #expect(completer.complete("remove ") == ["G1", "G2", "N1", "N2"])
        #expect(completer.complete("action add Call --goal g") == ["G1", "G2"])
        #expect(completer.complete("refer cc Help --need N1,") == ["N1,N2"])
    }

    @Test("completes option names and enumerated values")
    func optionsAndValues() throws {
        let (_, completer) = try completer()
        #expect(completer.complete("need add Worry --d") == ["--domain"])
        #expect(completer.complete("need add Worry --domain fa") == ["family-and-relationships"])
        #expect(
            completer.complete("goal status G1 ") == [
                "accepted", "active", "cancelled", "completed", "entered-in-error",
                "on-hold", "planned", "proposed", "rejected",
            ])
        #expect(completer.complete("refer ") == ["cc", "hwbc", "service", "splw"])
        #expect(completer.complete("refer splw x --method se") == ["secure-email", "secure-messaging", "self-referral"])
        #expect(completer.complete("review plan to") == ["today", "tomorrow"])
        #expect(completer.complete("note Called ").isEmpty)
    }

    @Test("completes plan ids, NHS numbers, and names with their ids for open")
    func plans() throws {
        let (shell, completer) = try completer()
        #expect(shell.run(["new Zoë Brown --nhs 9434765919"]))
        #expect(completer.complete("open CP-TEST") == ["CP-TEST1", "CP-TEST2"])
        #expect(completer.complete("open zoe") == ["Zoë Brown (CP-TEST2)"])
        #expect(completer.complete("open brown") == ["Zoë Brown (CP-TEST2)"])
        #expect(shell.run(["new Zoë Black"]))
        #expect(completer.complete("open zoe") == ["Zoë Black (CP-TEST3)", "Zoë Brown (CP-TEST2)"])
        #expect(completer.complete("open Zoë B") == ["Black (CP-TEST3)", "Brown (CP-TEST2)"])
        #expect(completer.complete("open Zoë Br") == ["Brown (CP-TEST2)"])
        #expect(shell.run(["open Zoë Brown (CP-TEST2)"]))
        #expect(try shell.plan().person.name == "Zoë Brown")
        #expect(completer.complete("open 94347") == ["9434765919"])
    }

    @Test("completes file paths for import and export")
    func files() throws {
        let (shell, completer) = try completer()
        let folder = shell.folder.url.path
        try Data().write(to: URL(fileURLWithPath: folder + "/visit-notes.json"))
        try FileManager.default.createDirectory(atPath: folder + "/visits", withIntermediateDirectories: true)
        #expect(completer.complete("import \(folder)/vis") == ["\(folder)/visit-notes.json", "\(folder)/visits/"])
        #expect(completer.complete("export \(folder)/visits") == ["\(folder)/visits/"])
    }
}
