import ArgumentParser
import CarePlanCore
import CarePlanShell

/// The period and filters `careplan report` and `careplan dataset` share.
struct PeriodOptions: ParsableArguments {
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

    /// The period's first and last days and the role, checked; `command` names the command in
    /// messages ("report: --month: ...").
    func resolved(_ command: String) throws -> (from: CalendarDate, to: CalendarDate, role: ReportRole?) {
        func day(_ text: String?, _ name: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let day = CalendarDate(text) else { throw Failure("\(command): --\(name): expected a date like 2026-12-31") }
            return day
        }
        let first = try day(from, "from"), last = try day(to, "to")
        let period: (CalendarDate, CalendarDate)
        do throws(ShellError) {
            period = try ReportOutput.period(month: month, quarter: quarter, from: first, to: last)
        } catch {
            // The shared wording names `report`; this command may be another.
            throw Failure(command + error.message.drop { $0 != ":" })
        }
        var chosenRole: ReportRole?
        if let role {
            guard let parsed = ReportRole.parse(role) else {
                throw Failure("\(command): --role: expected one of splw, hwbc, cc, got \(TerminalSafe.sanitize(String(role.prefix(20))))")
            }
            chosenRole = parsed
        }
        return (period.0, period.1, chosenRole)
    }
}
