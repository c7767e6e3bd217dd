import ArgumentParser
import CarePlanCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check plan files without storing them.",
        discussion:
            "Prints every problem as FILE: FIELD: REASON. A folder stands for the .json files directly in it, in name order. Exits 0 only if every file is valid (warnings allowed)."
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Argument(help: ArgumentHelp("Plan files, or folders of .json plan files.", valueName: "path"))
    var files: [String]

    func run() throws {
        try reportingFailures { try validateFiles() }
    }

    private func validateFiles() throws {
        let context = CommandContext(global.merged(with: root.global))
        let plugins = try context.pluginHost()
        let paths = try PlanFileArguments.expand(files)
        var failed = 0
        // Nothing is stored, so the plans' canonical bytes are never written.
        let reader = PlanFileReader(plugins: plugins, today: context.clock.today, canonicalBytes: .onDemand)
        reader.forEachChecked(paths, format: .json) { checked in
            switch checked {
            case .accepted(let accepted):
                let file = accepted.file
                for warning in accepted.checked.warnings { printError(PlanFileReader.line(warning, in: file)) }
                printLine("\(TerminalSafe.sanitize(file)): valid")
            case .refused(let file, let issues):
                for issue in issues { printError(PlanFileReader.line(issue, in: file)) }
                failed += 1
            case .message(let file, _):
                printLine("\(TerminalSafe.sanitize(file)): a message from another system, not a plan: import it to receive it")
            }
        }
        if failed > 0 {
            printError("careplan: \(failed) of \(paths.count) file\(paths.count == 1 ? "" : "s") invalid")
            throw ExitCode.failure
        }
    }
}
