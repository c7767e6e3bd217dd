import ArgumentParser
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the plans in the store, or those a query finds.",
        usage: "careplan list [QUERY...] [--format text|json] [options]",
        discussion: "A query is a plan id, an NHS number, a date of birth, a phone number, a postcode, or the start of a name."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Option(help: "Output format.")
    var format: Format = .text

    @Argument(help: "Only plans this finds: id, NHS number, date of birth, phone, postcode or name.")
    var query: [String] = []

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let store = try context.openStore()
            let plans = query.isEmpty ? try store.list() : try store.find(query.joined(separator: " "), limit: 1_000)
            switch format {
            case .json:
                let items: [JSONValue] = plans.map { summary in
                    var members: [String: JSONValue] = [
                        "id": .string(summary.id), "name": .string(summary.name),
                        "status": .string(summary.status), "headRevision": .integer(Int64(summary.headRevision)),
                        "updatedAt": .string(Timestamp.format(summary.updatedAt)),
                    ]
                    if let nhs = summary.nhsNumber { members["nhsNumber"] = .string(nhs) }
                    if let born = summary.dateOfBirth { members["dateOfBirth"] = .string(born.description) }
                    return .object(members)
                }
                FileHandle.standardOutput.write(PlanJSON.encode(.array(items)))
            case .text:
                printLine(String(PlanListing.table(plans).dropLast()))
                printLine("\(plans.count) plan\(plans.count == 1 ? "" : "s")")
            }
        }
    }
}
