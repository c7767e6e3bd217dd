import ArgumentParser
import CarePlanCore
import CarePlanShell
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "What the referrals received came to over a period, across every plan.",
        usage:
            "careplan report --month YYYY-MM | --quarter YYYY-Qn | --from DATE --to DATE [--practice ODS] [--role splw|hwbc|cc] [--by age|sex|gender|ethnicity|imd] [--format text|csv|json|markdown] [--suppress-small]",
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

    @Option(help: ArgumentHelp("A month, like 2026-11.", valueName: "month"))
    var month: String?

    @Option(help: ArgumentHelp("A quarter of the financial year, like 2026-Q3 (October to December 2026).", valueName: "quarter"))
    var quarter: String?

    @Option(help: ArgumentHelp("The first day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("The last day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Only plans registered with this GP practice.", valueName: "ods-code"))
    var practice: String?

    @Option(help: ArgumentHelp("Only this service's referrals: splw, hwbc or cc.", valueName: "role"))
    var role: String?

    @Option(help: ArgumentHelp("Break every figure down by age, sex, gender, ethnicity or imd (quintile).", valueName: "group"))
    var by: String?

    @Option(help: "text (default), csv, json or markdown.")
    var format: Format = .text

    @Flag(help: "Show counts from 1 to 7 as <8, for figures shared outside the team.")
    var suppressSmall = false

    func run() throws {
        try reportingFailures {
            let context = CommandContext(global.merged(with: root.global))
            func day(_ text: String?, _ name: String) throws -> CalendarDate? {
                guard let text else { return nil }
                guard let day = CalendarDate(text) else { throw Failure("report: --\(name): expected a date like 2026-12-31") }
                return day
            }
            let first = try day(from, "from"), last = try day(to, "to")
            let period: (CalendarDate, CalendarDate)
            do throws(ShellError) {
                period = try ReportOutput.period(month: month, quarter: quarter, from: first, to: last)
            } catch {
                throw Failure(error.message)
            }
            var chosenRole: ReportRole?
            if let role {
                guard let parsed = ReportRole.parse(role) else {
                    throw Failure("report: --role: expected one of splw, hwbc, cc, got \(TerminalSafe.sanitize(String(role.prefix(20))))")
                }
                chosenRole = parsed
            }
            var breakdown: ReportBreakdown?
            if let by {
                guard let parsed = ReportBreakdown.parse(by) else {
                    throw Failure("report: --by: expected one of \(ReportBreakdown.choices), got \(TerminalSafe.sanitize(String(by.prefix(20))))")
                }
                breakdown = parsed
            }
            let report = try ReportOutput.report(
                try context.openStore(), plugins: try context.pluginHost(), from: period.0, to: period.1, practice: practice, role: chosenRole,
                breakdown: breakdown)
            let chosen = ReportFormat(rawValue: format.rawValue) ?? .text
            let decorated = isatty(STDOUT_FILENO) == 1 && context.environment["NO_COLOR"] == nil
            FileHandle.standardOutput.write(
                Data(ReportOutput.render(report, format: chosen, suppressSmall: suppressSmall, bars: decorated ? .blocks : .plain).utf8))
        }
    }
}
