import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Shell documentation")
struct ShellDocsTests {
    @Test("docs/shell.md documents every command exactly as help does (regenerate with Tests/Support/make_shell_docs.sh)")
    func everyCommandDocumented() throws {
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/shell.md"), encoding: .utf8)
        let shell = try ShellHarness()
        let commands = try StandardCommands.registry().commands
        #expect(commands.count > 40)
        for command in commands {
            let before = shell.output.results.count
            #expect(shell.session.execute("help \(command.name)"))
            let help = String(shell.output.results.dropFirst(before))
            #expect(docs.contains("```\n" + help + "```"), "docs/shell.md is out of date for \(command.name)")
        }
    }
}
