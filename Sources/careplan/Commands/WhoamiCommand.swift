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
            if case .postgres = try context.storeAddress() {
                let (store, team) = try context.openTeamStore()
                let me = team.identity
                printLine("you are \(me.displayName), \(me.role) in \(me.organisationName) (\(me.organisationCode), \(me.organisationKind))")
                printLine("login: \(me.login), on the team store \(store.path)")
                printLine(
                    store.isReadOnly
                        ? "you may read plans here (partners: only what was shared with your organisation), not change them"
                        : "your changes are signed by your login; opens, exports and changes are in the access audit")
                return
            }
            let author = context.authorAndSource
            printLine("you are \(author.name) (from \(author.source))")
            printLine("store: \(context.storePath) (the embedded store: one member of staff's, on this computer)")
            printLine("on this store your name is a label, not a login: changes, opens and exports are recorded under it")
        }
    }
}
