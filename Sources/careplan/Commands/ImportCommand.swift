import ArgumentParser
import CarePlanCore
import CarePlanStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate plan files and store them.",
        usage: "careplan import FILE... [--format json|fhir] [--replace] [options]",
        discussion: """
            Each file is checked in full first; an invalid file is reported (FILE: FIELD: REASON) and stores nothing. \
            Valid files are committed in batches, each batch at once. A plan already stored with identical content is \
            left alone; a plan whose NHS number another plan has is refused (one person, one plan). \
            Exits 1 if any file failed.
            """
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, fhir
    }

    @Option(help: "What the files hold: careplan plan JSON, or FHIR R4 Bundles written by careplan export --format fhir.")
    var format: Format = .json

    @Flag(help: "Store a file whose plan id is already stored as a new revision of that plan.")
    var replace = false

    @Option(name: .customLong("if-revision"), help: ArgumentHelp(
        "Store each file as the next revision only if its plan is still at this revision; otherwise report a conflict and store nothing for it.",
        valueName: "number"))
    var ifRevision: Int?

    @Argument(help: ArgumentHelp("Plan JSON files.", valueName: "file"))
    var files: [String]

    /// Plans committed per transaction: big enough to import quickly, small enough that a
    /// killed import keeps most of its work.
    static let batchSize = 200

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let plugins = try context.pluginHost()
            let store = try context.openStore()
            var failed = 0
            var batch: [(file: String, plan: Plan, canonical: Data)] = []

            func flush() throws {
                guard !batch.isEmpty else { return }
                let outcomes = try store.importPlans(batch.map(\.plan), bodies: batch.map(\.canonical), author: context.author,
                                                     at: context.clock.now, replace: replace)
                for (entry, outcome) in zip(batch, outcomes) {
                    let file = TerminalSafe.sanitize(entry.file)
                    switch outcome {
                    case .stored(let revision):
                        printLine("\(file): stored as \(revision.planID) revision \(revision.number)")
                    case .unchanged(let planID, let head):
                        printLine("\(file): unchanged (\(planID) revision \(head))")
                    case .refused(let error):
                        printError("\(file): \(error)")
                        failed += 1
                    }
                }
                batch.removeAll(keepingCapacity: true)
            }

            for file in files {
                let outcome = format == .fhir
                    ? PlanFiles.readFHIR(file, today: context.clock.today, plugins: plugins)
                    : PlanFiles.read(file, today: context.clock.today, plugins: plugins)
                switch outcome {
                case .valid(let plan, let warnings, let canonical):
                    PlanFiles.report(warnings, in: file)
                    if let ifRevision {
                        // A read-modify-write from a script: commit on top of the revision it read, or conflict.
                        do {
                            let revision = try store.commit(plan, basedOn: ifRevision, author: context.author,
                                                            summary: "imported (on top of revision \(ifRevision))", at: context.clock.now)
                            printLine("\(TerminalSafe.sanitize(file)): stored as \(revision.planID) revision \(revision.number)")
                        } catch let error as StoreError {
                            printError("\(TerminalSafe.sanitize(file)): \(error)")
                            failed += 1
                        }
                        continue
                    }
                    batch.append((file, plan, canonical ?? PlanJSON.encode(plan)))
                    if batch.count >= Self.batchSize { try flush() }
                case .invalid(let issues):
                    PlanFiles.report(issues, in: file)
                    failed += 1
                }
            }
            try flush()
            if failed > 0 {
                throw Failure("\(failed) of \(files.count) file\(files.count == 1 ? "" : "s") not imported")
            }
        }
    }
}
