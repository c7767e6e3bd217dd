import ArgumentParser
import CarePlanCore
import CarePlanStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every revision of a plan: number, time, author, summary."
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Argument(help: ArgumentHelp("The plan: id, NHS number or name.", valueName: "plan"))
    var plan: String

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let store = try context.openStore()
            let summary = try resolvePlan(plan, in: store)
            let rows = try store.history(of: summary.id).map { revision in
                [
                    String(revision.number), Timestamp.format(revision.createdAt),
                    TerminalSafe.sanitize(revision.author), TerminalSafe.sanitize(revision.summary),
                ]
            }
            printLine(String(TextTable(headers: ["REV", "WHEN (UTC)", "AUTHOR", "SUMMARY"], rows: rows).render().dropLast()))
        }
    }
}
