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
        for file in files {
            switch PlanFiles.read(file, today: context.clock.today, plugins: plugins) {
            case .valid(_, let warnings, _):
                PlanFiles.report(warnings, in: file)
                printLine("\(TerminalSafe.sanitize(file)): valid")
            case .invalid(let issues):
                PlanFiles.report(issues, in: file)
                failed += 1
            }
        }
        if failed > 0 {
            printError("careplan: \(failed) of \(files.count) file\(files.count == 1 ? "" : "s") invalid")
            throw ExitCode.failure
        }
    }
}
