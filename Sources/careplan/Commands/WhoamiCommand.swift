import ArgumentParser
import CarePlanCore
import Foundation

struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Say who your changes are signed as, and which store they go to."
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let author = context.authorAndSource
            printLine("you are \(author.name) (from \(author.source))")
            printLine("store: \(context.storePath) (the embedded store: one member of staff's, on this computer)")
            printLine("on this store your name is a label, not a login: changes, opens and exports are recorded under it")
        }
    }
}
