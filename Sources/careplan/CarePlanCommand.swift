import ArgumentParser
import CarePlanCore

@main
struct CarePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careplan",
        abstract: "Personalised care and support plans for NHS primary care.",
        discussion: """
            Plans live in an embedded store; every change is a kept revision.
            The store is $CAREPLAN_STORE, else $XDG_DATA_HOME/careplan/careplan.sqlite,
            else ~/.local/share/careplan/careplan.sqlite; --store overrides both.
            """,
        version: CarePlanVersion.current,
        subcommands: [
            ImportCommand.self, ValidateCommand.self, ExportCommand.self, ListCommand.self,
            HistoryCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}
