import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

/// `careplan reference import imd FILE`: public reference data reports need.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Import public reference data reports use (the postcode to IMD decile lookup).",
        subcommands: [Import.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Replace a reference table with a file's contents: imd (postcode to IMD decile).",
            usage: "careplan reference import imd FILE [--store ADDRESS]",
            discussion: """
                imd: a CSV with a header row, a postcode column (pcds, pcd, pcd7, pcd8 or postcode) and a decile \
                column (Index of Multiple Deprivation Decile, as the English Indices of Deprivation postcode lookup \
                writes it, or imd_decile); other columns are ignored. Rows with an empty decile (postcodes outside \
                England) are skipped and counted. The lookup replaces the one before, entirely or not at all; on the \
                team store only a manager or an admin may. Reports count a plan whose postcode is not in it as unknown.
                """
        )

        enum Table: String, ExpressibleByArgument, CaseIterable {
            case imd
        }

        @OptionGroup var global: GlobalOptions
        @ParentCommand var root: CarePlanCommand

        @Argument(help: "The table: imd.")
        var table: Table

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file"))
        var file: String

        func run() throws {
            try reportingFailures {
                let context = CommandContext(global.merged(with: root.global))
                let lookup: DeprivationLookup
                do {
                    lookup = try DeprivationLookup.read(path: file)
                } catch {
                    throw Failure("reference import imd: \(error)")
                }
                guard !lookup.postcodes.isEmpty else {
                    throw Failure("reference import imd: \(file): no postcode has a decile; nothing was changed")
                }
                let store = try context.openStore()
                try store.replaceDeprivationLookup(lookup)
                printLine(
                    "imported the IMD deciles of \(lookup.postcodes.count) postcode\(lookup.postcodes.count == 1 ? "" : "s")"
                        + (lookup.skipped == 1 ? "; 1 row without a decile was skipped" : "")
                        + (lookup.skipped > 1 ? "; \(lookup.skipped) rows without a decile were skipped" : ""))
            }
        }
    }
}
