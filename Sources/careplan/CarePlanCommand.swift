import ArgumentParser
import CarePlanCore
import Foundation

@main
struct CarePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careplan",
        abstract: "Personalised care and support plans for NHS primary care.",
        usage: "careplan [--store PATH] [-c COMMAND ...] [-f FILE] [--bail]\ncareplan SUBCOMMAND [options]",
        discussion: """
            With no subcommand, careplan starts the shell (GNU readline on a terminal; line by line from a pipe). \
            -c and -f run shell commands non-interactively.

            Plans live in a store; every change is a kept revision. The store is $CAREPLAN_STORE, \
            else $XDG_DATA_HOME/careplan/careplan.sqlite, else ~/.local/share/careplan/careplan.sqlite; \
            --store overrides both. A postgresql://user@host:port/database address opens the team store \
            (docs/team.md), with the password from PGPASSWORD or ~/.pgpass.
            """,
        version: CarePlanVersion.current,
        subcommands: [
            ImportCommand.self, ValidateCommand.self, ExportCommand.self, ListCommand.self,
            HistoryCommand.self, AuditCommand.self, WhoamiCommand.self, ReportCommand.self,
            ShareCommand.self, UnshareCommand.self, SharingCommand.self, StoreCommand.self, StaffCommand.self,
            OrganisationCommand.self, FHIRDefinitionsCommand.self, ReferenceCommand.self, DatasetCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run this shell command and exit (repeatable).", valueName: "command"))
    var commands: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the shell commands in this file and exit.", valueName: "file"))
    var file: String?

    @Flag(help: "Stop at the first command that fails.")
    var bail = false

    @Flag(name: .customLong("no-history"), help: "Do not read or write the shell's history file.")
    var noHistory = false

    /// Starts careplan: a plain shell start (`ShellStart`) directly, anything else through
    /// swift-argument-parser.
    static func main() {
        guard let start = ShellStart(CommandLine.arguments.dropFirst()) else { return main(nil) }
        do {
            try runShell(start)
        } catch let code as ExitCode {
            // Already explained; swift-argument-parser's exit would build the help to say nothing.
            Foundation.exit(code.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    func run() throws {
        try Self.runShell(
            ShellStart(store: global.store, author: global.author, commands: commands, file: file, bail: bail, noHistory: noHistory))
    }

    /// The shell, for `start`.
    static func runShell(_ start: ShellStart) throws {
        try reportingFailures {
            let context = CommandContext(store: start.store, author: start.author)
            let succeeded = try ShellFrontEnd(
                context: context, commands: start.commands, scriptFile: start.file,
                bail: start.bail, history: !start.noHistory
            ).run()
            if !succeeded { throw ExitCode.failure }
        }
    }
}
