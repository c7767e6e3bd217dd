import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List who opened, showed, exported or changed a plan, or what one person did.",
        usage: "careplan audit PLAN\ncareplan audit --user NAME [--since DATE]",
        discussion: """
            For the person who asks who has looked at their record (NHS Care Record Guarantee): every open, show, \
            export and change of their plan, oldest first, with who and when (UTC). Never the plan's content. \
            --user lists what one member of staff did across every plan, from --since (YYYY-MM-DD) on.
            """
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Argument(help: ArgumentHelp("The plan: id, NHS number or name.", valueName: "plan"))
    var plan: String?

    @Option(help: ArgumentHelp("Everything this member of staff did, instead of one plan.", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("With --user: from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    func validate() throws {
        guard (plan == nil) != (user == nil) else { throw ValidationError("give a PLAN or --user NAME, not both or neither") }
        if since != nil, user == nil { throw ValidationError("--since goes with --user") }
        if let since, CalendarDate(since) == nil { throw ValidationError("--since: expected a date like 2026-12-31") }
    }

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let store = try context.openStore()
            let records: [AccessRecord]
            var headers = ["WHEN (UTC)", "WHO", "ACTION", "DETAIL"]
            if let plan {
                records = try store.accessRecords(of: try resolvePlan(plan, in: store).id)
            } else {
                let start = since.flatMap { CalendarDate($0) }.map { Timestamp.startOfDay($0) }
                records = try store.accessRecords(by: user ?? "", since: start)
                headers.insert("PLAN", at: 2)
            }
            let rows = records.map { record in
                var row = [Timestamp.format(record.at), TerminalSafe.sanitize(record.who), record.action.rawValue, record.detail ?? "-"]
                if plan == nil { row.insert(record.planID, at: 2) }
                return row
            }
            printLine(String(TextTable(headers: headers, rows: rows).render().dropLast()))
            printLine("\(records.count) entr\(records.count == 1 ? "y" : "ies")")
        }
    }
}
