import ArgumentParser
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

struct ListCommand: ParsableCommand {
    /// One plan's summary as listed by `--format json`.
    static func json(_ summary: PlanSummary) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(summary.id), "name": .string(summary.name),
            "status": .string(summary.status), "headRevision": .integer(Int64(summary.headRevision)),
            "updatedAt": .string(Timestamp.format(summary.updatedAt)),
        ]
        if let nhs = summary.nhsNumber { members["nhsNumber"] = .string(nhs) }
        if let born = summary.dateOfBirth { members["dateOfBirth"] = .string(born.description) }
        return .object(members)
    }

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
            // The whole store streams, a row at a time; a query's matches are few and bounded.
            let matches = query.isEmpty ? nil : try store.find(query.joined(separator: " "), limit: 1_000)
            let out = FileHandle.standardOutput
            switch format {
            case .json:
                var first = true
                out.write(Data("[".utf8))
                let item = { (summary: PlanSummary) in
                    // Each item as the canonical writer lays out an array member: indented two spaces.
                    let object = String(decoding: PlanJSON.encode(Self.json(summary)), as: UTF8.self).dropLast()
                    let indented = object.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
                    out.write(Data(((first ? "\n" : ",\n") + indented).utf8))
                    first = false
                }
                if let matches { matches.forEach(item) } else { try store.forEachSummary(item) }
                out.write(Data((first ? "]\n" : "\n]\n").utf8))
            case .text:
                let count: Int
                if let matches {
                    printLine(String(PlanListing.table(matches).dropLast()))
                    count = matches.count
                } else {
                    count = try PlanListing.stream(store) { out.write(Data($0.utf8)) }
                }
                printLine("\(count) plan\(count == 1 ? "" : "s")")
            }
        }
    }
}
