import ArgumentParser
import CarePlanCore
import CarePlanShell
import CarePlanStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate plan files and store them.",
        usage: "careplan import PATH... [--format json|fhir] [--replace] [options]",
        discussion: """
            A folder stands for the .json files directly in it, in name order. \
            Each file is checked in full first; an invalid file is reported (FILE: FIELD: REASON) and stores nothing. \
            Valid files are committed in batches, each batch at once. A plan already stored with identical content is \
            left alone; a plan whose NHS number another plan has is refused (one person, one plan). \
            With --format fhir, a bundle another system sent (a ServiceRequest for one of our services and its Patient) \
            is received as a referral: on the plan with the person's NHS number, or on a new draft plan. Every resource \
            it holds that careplan did not use is listed. \
            Exits 1 if any file failed, 3 if all were imported but some resources were not used.
            """
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, fhir
    }

    @Option(help: "What the files hold: careplan plan JSON, or FHIR R4 Bundles (careplan's own, or another system's referral).")
    var format: Format = .json

    @Flag(help: "Store a file whose plan id is already stored as a new revision of that plan.")
    var replace = false

    @Option(
        name: .customLong("if-revision"),
        help: ArgumentHelp(
            "Store each file as the next revision only if its plan is still at this revision; otherwise report a conflict and store nothing for it.",
            valueName: "number"))
    var ifRevision: Int?

    @Argument(help: ArgumentHelp("Plan files, or folders of .json plan files.", valueName: "path"))
    var files: [String]

    /// Plans committed per transaction: big enough to import quickly, small enough that a
    /// killed import keeps most of its work.
    static let batchSize = 200

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let clock = context.clock
            let store = try context.openStore()
            let importer = PlanImporter(
                store: store, plugins: try context.pluginHost(), author: context.author(on: store),
                now: { clock.now }, today: clock.today)
            let fileFormat: PlanFileFormat = format == .fhir ? .fhir : .json
            let paths = try PlanFileArguments.expand(files)
            var failed = 0
            var unused = 0
            var batch: [PlanImporter.Accepted] = []

            func report(_ outcome: ImportOutcome, for file: String) {
                let line = PlanImporter.line(outcome, for: file)
                if line.isError {
                    printError(line.text)
                    failed += 1
                } else {
                    printLine(line.text)
                }
            }

            func flush() throws {
                guard !batch.isEmpty else { return }
                for (accepted, outcome) in zip(batch, try importer.store(batch, replace: replace)) {
                    report(outcome, for: accepted.file)
                }
                batch.removeAll(keepingCapacity: true)
            }

            try importer.forEachChecked(paths, format: fileFormat) { checked in
                switch checked {
                case .accepted(let accepted):
                    let file = accepted.file
                    for warning in accepted.checked.warnings { printError(PlanImporter.line(warning, in: file)) }
                    if let ifRevision {
                        // A read-modify-write from a script: commit on top of the revision it read, or conflict.
                        do {
                            report(.stored(try importer.store(accepted, onTopOf: ifRevision)), for: file)
                        } catch let error as StoreError {
                            report(.refused(error), for: file)
                        }
                        return
                    }
                    batch.append(accepted)
                    if batch.count >= Self.batchSize { try flush() }
                case .refused(let file, let issues):
                    for issue in issues { printError(PlanImporter.line(issue, in: file)) }
                    failed += 1
                case .message(let file, let message):
                    for line in PlanImporter.unusedLines(message, in: file) { printError(line) }
                    unused += message.unused.count
                    do {
                        printLine(try importer.receive(message, from: file, newPlanID: PlanIDGenerator.random).line)
                    } catch let error as StoreError {
                        printError("\(TerminalSafe.sanitize(file)): \(error)")
                        failed += 1
                    } catch {
                        printError("\(TerminalSafe.sanitize(file)): \(error)")
                        failed += 1
                    }
                }
            }
            try flush()
            if failed > 0 {
                throw Failure("\(failed) of \(paths.count) file\(paths.count == 1 ? "" : "s") not imported")
            }
            if unused > 0 {
                printError("careplan: imported; \(unused) resource\(unused == 1 ? " was" : "s were") not used (listed above)")
                throw ExitCode(3)
            }
        }
    }
}
