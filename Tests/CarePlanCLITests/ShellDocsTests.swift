import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing
@testable import careplan

@Suite("Shell documentation")
struct ShellDocsTests {
    @Test("docs/shell.md documents every command, the modules' included, exactly as help does (regenerate with Tests/Support/make_shell_docs.sh)")
    func everyCommandDocumented() throws {
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/shell.md"), encoding: .utf8)
        // The modules this build loads, from the list careplan itself uses.
        let shell = try ShellHarness(plugins: roleModules)
        let commands = shell.session.registry.commands
        #expect(commands.count > 60)
        #expect(commands.contains { $0.name == "coach progress" } && commands.contains { $0.name == "task add" })
        for command in commands {
            let before = shell.output.results.count
            #expect(shell.session.execute("help \(command.name)"))
            let help = String(shell.output.results.dropFirst(before))
            #expect(docs.contains("```\n" + help + "```"), "docs/shell.md is out of date for \(command.name)")
        }
    }
}
