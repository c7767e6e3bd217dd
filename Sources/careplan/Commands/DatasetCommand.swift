import ArgumentParser
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

/// `careplan dataset`: the PRSB Social Prescribing minimum dataset for a period.
struct DatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "The minimum dataset for a period: demographics, needs and concerns, support offered, outcomes.",
        usage:
            "careplan dataset --month YYYY-MM | --quarter YYYY-Qn | --from DATE --to DATE [--practice ODS] [--role splw|hwbc|cc] [--format csv|fhir] [--codes-only] [-o FILE]",
        discussion: """
            The four sets of the PRSB Social Prescribing Information Standard for everyone with a referral episode open \
            in the period (use --role splw for social prescribing alone). csv: one file, its set column naming the set \
            of each row (docs/reports.md). fhir: one Bundle per person, one per line, each a Patient and an Observation \
            per fact. --codes-only leaves out every field that can hold words (names, reasons, notes, service names, \
            displays), for sending to the GP record. Every plan written is recorded in the access audit.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, fhir
    }

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand
    @OptionGroup var period: PeriodOptions

    @Option(help: "csv (default) or fhir.")
    var format: Format = .csv

    @Flag(help: "Leave out every free-text field.")
    var codesOnly = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (made readable by you alone) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let (from, to, role) = try period.resolved("dataset")
            let plugins = try context.pluginHost()
            if format == .fhir, let refusal = PlanExportFormat.fhir.refusal(plugins: plugins) { throw Failure("dataset: \(refusal)") }
            let store = try context.openStore()
            let dataset = MinimumDataset(from: from, to: to, plugins: plugins, practice: period.practice, service: role?.service)
            let deciles = try store.planDeciles()
            // Written to a temporary file beside the target and renamed at the end: a reader never
            // sees half a dataset, and a failed one leaves nothing behind.
            let temporary = try output.map { path in try SecureFile.TemporaryFile(for: path) }
            let handle = temporary.map { FileHandle(fileDescriptor: $0.descriptor, closeOnDealloc: false) } ?? FileHandle.standardOutput
            do {
                if format == .csv { try handle.write(contentsOf: Data((MinimumDataset.csvHeader(codesOnly: codesOnly) + "\n").utf8)) }
                var written: [String] = []
                try store.forEachPlanBody { id, body in
                    guard body.range(of: Data("\"episodes\"".utf8)) != nil else { return }
                    let plan = plugins.upgraded(try PlanJSON.decodeStored(body))
                    let rows = dataset.rows(for: plan, decile: deciles[id])
                    guard !rows.isEmpty else { return }
                    var text: Data
                    switch format {
                    case .csv:
                        text = Data(
                            rows.map { MinimumDataset.csvLine($0, nhsNumber: plan.person.nhsNumber, codesOnly: codesOnly) + "\n" }.joined().utf8)
                    case .fhir:
                        text = PlanJSON.encodeLine(dataset.fhirBundle(for: plan, rows: rows, codesOnly: codesOnly, base: plugins.settings.fhirBase))
                        text.append(UInt8(ascii: "\n"))
                    }
                    try handle.write(contentsOf: text)
                    written.append(id)
                }
                // Recorded before the file appears under its name: no export goes unrecorded.
                if !written.isEmpty,
                    try !store.recordAccess(
                        .export, to: written, by: context.author(on: store), at: context.clock.now, detail: "dataset, \(format.rawValue)")
                {
                    printError("careplan: note: the store is read-only, so this export is not in its access audit")
                }
                try temporary?.commit()
                if let output { printError("wrote the dataset of \(written.count) \(written.count == 1 ? "person" : "people") to \(output)") }
            } catch {
                temporary?.discard()
                throw error
            }
        }
    }
}
