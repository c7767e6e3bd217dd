import ArgumentParser
import CarePlanCore
import CarePlanShell
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "What the referrals received came to over a period, across every plan.",
        usage:
            "careplan report --month YYYY-MM | --quarter YYYY-Qn | --from DATE --to DATE [--practice ODS] [--role splw|hwbc|cc] [--worker NAME] [--organisation NAME] [--by age|sex|gender|ethnicity|imd] [--format text|csv|json|markdown] [--suppress-small]",
        discussion: """
            Referrals received by service and by source; accepted and declined (by reason); days from receipt to first \
            contact (median and 90th percentile, nearest rank); contacts by mode and the did-not-attend rate; discharges \
            by reason; episodes open on the last day, by service and by the worker who looks after the plan; people \
            referred by how many referrals they had; goals achieved by people discharged; the modules' outcomes \
            (ONS4 baseline to latest follow-up); codes recorded. Periods include both days. --by breaks every figure \
            down (imd needs the lookup: careplan reference import imd FILE; a postcode it lacks counts as unknown). \
            --suppress-small shows counts from 1 to 7 as <8.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, csv, json, markdown
    }

    @OptionGroup var global: GlobalOptions
    @ParentCommand var root: CarePlanCommand

    @OptionGroup var period: PeriodOptions

    @Option(help: ArgumentHelp("Only the plans this worker looks after (the key worker, else the review's).", valueName: "name"))
    var worker: String?

    @Option(help: ArgumentHelp("Only referrals from this organisation (the referrer's); the modules' figures are left out.", valueName: "name"))
    var organisation: String?

    @Option(help: ArgumentHelp("Break every figure down by age, sex, gender, ethnicity or imd (quintile).", valueName: "group"))
    var by: String?

    @Option(help: "text (default), csv, json or markdown.")
    var format: Format = .text

    @Flag(help: "Show counts from 1 to 7 as <8, for figures shared outside the team.")
    var suppressSmall = false

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            let (from, to, chosenRole) = try period.resolved("report")
            var breakdown: ReportBreakdown?
            if let by {
                guard let parsed = ReportBreakdown.parse(by) else {
                    throw Failure("report: --by: expected one of \(ReportBreakdown.choices), got \(TerminalSafe.sanitize(String(by.prefix(20))))")
                }
                breakdown = parsed
            }
            let report = try ReportOutput.report(
                try context.openStore(), plugins: try context.pluginHost(), from: from, to: to, practice: period.practice, role: chosenRole, worker: worker,
                organisation: organisation,
                breakdown: breakdown)
            let chosen = ReportFormat(rawValue: format.rawValue) ?? .text
            let decorated = isatty(STDOUT_FILENO) == 1 && context.environment["NO_COLOR"] == nil
            FileHandle.standardOutput.write(
                Data(ReportOutput.render(report, format: chosen, suppressSmall: suppressSmall, bars: decorated ? .blocks : .plain).utf8))
        }
    }
}
