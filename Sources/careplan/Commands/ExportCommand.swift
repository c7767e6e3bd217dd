import ArgumentParser
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a plan as JSON, a document for the person (text, Markdown or HTML), or a FHIR R4 Bundle.",
        usage: "careplan export PLAN [--format FORMAT] [-o FILE] [options]\ncareplan export --all [-o FILE | --dir FOLDER] [--format json|fhir]",
        discussion: """
            PLAN is a plan id, an NHS number, a date of birth, a phone number, a postcode, or a name that matches one plan. \
            With -o and no --format, the file name says the format (.json, .txt, .md, .html); other endings are refused.

            --all exports every plan, streaming: as JSON Lines (one plan per line) to standard output or -o FILE, \
            or as one file per plan into --dir FOLDER. Files are mode 0600.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text, markdown, html, fhir
    }

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Argument(help: ArgumentHelp("The plan: id, NHS number or name.", valueName: "plan"))
    var plan: String?

    @Flag(help: "Export every plan in the store.")
    var all = false

    @Option(help: ArgumentHelp("With --all: write one file per plan into this folder.", valueName: "folder"))
    var dir: String?

    @Option(help: "Output format (default: from the -o file name, else json).")
    var format: Format?

    @Flag(help: "HTML in large print.")
    var largePrint = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Show entry ids (G1, R2...) in text and Markdown, for staff.")
    var ids = false

    @Option(help: ArgumentHelp("Export this revision instead of the newest.", valueName: "number"))
    var revision: Int?

    func validate() throws {
        if all {
            guard plan == nil else { throw ValidationError("give a PLAN or --all, not both") }
            guard format == nil || format == .json || format == .fhir else { throw ValidationError("--all writes json or fhir") }
            guard dir == nil || output == nil else { throw ValidationError("--all takes -o FILE (JSON Lines) or --dir FOLDER, not both") }
            guard revision == nil else { throw ValidationError("--revision is for one plan") }
        } else {
            guard plan != nil else { throw ValidationError("give a PLAN (id, NHS number or name), or --all") }
            guard dir == nil else { throw ValidationError("--dir goes with --all") }
        }
    }

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            if format == .fhir, let refusal = PlanExportFormat.fhir.refusal(plugins: try context.pluginHost()) {
                throw Failure("export: \(refusal)")
            }
            let store = try context.openStore()
            if all {
                try CaseloadExport(
                    store: store, format: format == .fhir ? .fhir : .json, plugins: try context.pluginHost(), author: context.author(on: store),
                    now: context.clock.now
                ).run(outputFile: output, folder: dir)
                return
            }
            let summary = try resolvePlan(plan ?? "", in: store)
            var stored = try revision.map { try store.load(summary.id, revision: $0) } ?? store.load(summary.id)
            // A plan stored in an older shape is exported in the current one.
            let plugins = try context.pluginHost()
            let upgraded = plugins.upgrade(&stored.plan)
            var chosen = format.flatMap { PlanExportFormat(rawValue: $0.rawValue) } ?? .json
            if format == nil, let output {
                do throws(ShellError) {
                    chosen = try PlanExportFormat.guess(fromFileName: output) ?? .json
                } catch {
                    throw Failure(error.message)
                }
            }
            if let refusal = chosen.refusal(plugins: plugins) { throw Failure("export: \(refusal)") }
            // JSON is the stored canonical bytes as they are, unless an upgrade changed them.
            let data =
                chosen == .json
                ? (upgraded ? PlanJSON.encode(stored.plan) : stored.body)
                : chosen.render(stored.plan, plugins: plugins, today: context.clock.today, showIDs: ids, largePrint: largePrint)
            // Recorded before the plan leaves the store, so no export goes unrecorded.
            let recorded = try store.recordAccess(
                .export, to: [summary.id], by: context.author(on: store), at: context.clock.now,
                detail: chosen.rawValue + (revision.map { ", revision \($0)" } ?? ""))
            if !recorded { printError("careplan: note: the store is read-only, so this export is not in its access audit") }
            if let output {
                try SecureFile.write(data, to: output)
            } else {
                FileHandle.standardOutput.write(data)
            }
            // On standard error, so it reaches the user and never the file or a pipe.
            if let caution = chosen.sharingCaution(for: stored.plan) { printError("careplan: careful: \(caution)") }
        }
    }
}
