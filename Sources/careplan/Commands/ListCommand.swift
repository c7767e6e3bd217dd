import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the plans in the store."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let plans = try context.openStore().list()
            switch format {
            case .json:
                let items: [JSONValue] = plans.map { summary in
                    var members: [String: JSONValue] = [
                        "id": .string(summary.id), "name": .string(summary.name),
                        "status": .string(summary.status), "headRevision": .integer(Int64(summary.headRevision)),
                        "updatedAt": .string(Timestamp.format(summary.updatedAt)),
                    ]
                    if let nhs = summary.nhsNumber { members["nhsNumber"] = .string(nhs) }
                    return .object(members)
                }
                FileHandle.standardOutput.write(PlanJSON.encode(.array(items)))
            case .text:
                let rows = plans.map { summary in
                    [summary.id, TerminalSafe.sanitize(summary.name),
                     summary.nhsNumber.flatMap(NHSNumber.init)?.formatted ?? "-",
                     summary.status, String(summary.headRevision)]
                }
                print(TextTable(headers: ["ID", "NAME", "NHS NUMBER", "STATUS", "REV"], rows: rows).render(), terminator: "")
                print("\(plans.count) plan\(plans.count == 1 ? "" : "s")")
            }
        }
    }
}
