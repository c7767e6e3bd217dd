import ArgumentParser
import CarePlanCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check plan files without storing them.",
        discussion: "Prints every problem as FILE: FIELD: REASON. Exits 0 only if every file is valid (warnings allowed)."
    )

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @Argument(help: ArgumentHelp("Plan JSON files.", valueName: "file"))
    var files: [String]

    func run() throws {
        try reportingFailures { try validateFiles() }
    }

    private func validateFiles() throws {
        let context = CommandContext(global.merged(with: root.global))
        let plugins = try context.pluginHost()
        var failed = 0
        let reader = PlanFileReader(plugins: plugins, today: context.clock.today)
        for file in files {
            switch reader.check(file: file, format: .json) {
            case .accepted(let accepted):
                for warning in accepted.checked.warnings { printError(PlanFileReader.line(warning, in: file)) }
                printLine("\(TerminalSafe.sanitize(file)): valid")
            case .refused(_, let issues):
                for issue in issues { printError(PlanFileReader.line(issue, in: file)) }
                failed += 1
            case .message:
                printLine("\(TerminalSafe.sanitize(file)): a message from another system, not a plan: import it to receive it")
            }
        }
        if failed > 0 {
            printError("careplan: \(failed) of \(files.count) file\(files.count == 1 ? "" : "s") invalid")
            throw ExitCode.failure
        }
    }
}
