package import CarePlanCore
package import CarePlanStore
import Foundation

/// The service a report is limited to.
package enum ReportRole: String, Vocabulary {
    case splw, hwbc, cc

    var service: ReferralRecipient {
        switch self {
        case .splw: .socialPrescribingLinkWorker
        case .hwbc: .healthAndWellbeingCoach
        case .cc: .careCoordinator
        }
    }
}

/// How a report is written: for people at a terminal, or for other tools.
package enum ReportFormat: String, Vocabulary {
    case text, csv, json, markdown
}

/// The referral report over a store, and its formats, for the shell's `report` and
/// `careplan report` alike.
package enum ReportOutput {
    /// The period a `--month YYYY-MM`, a `--quarter YYYY-Qn`, or `--from` and `--to` names.
    ///
    /// Quarters are of the NHS financial year that starts in April of YYYY: 2026-Q1 is April
    /// to June 2026, 2026-Q4 January to March 2027.
    package static func period(
        month: String?, quarter: String? = nil, from: CalendarDate?, to: CalendarDate?
    ) throws(ShellError) -> (CalendarDate, CalendarDate) {
        if let quarter {
            guard month == nil, from == nil, to == nil else { throw ShellError("report: give one of --month, --quarter, or --from and --to") }
            let parts = quarter.uppercased().split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2, parts[1].hasPrefix("Q"),
                let number = Int(parts[1].dropFirst()), (1...4).contains(number),
                let first = CalendarDate(year: number == 4 ? year + 1 : year, month: number == 4 ? 1 : 1 + number * 3, day: 1),
                let last = first.addingMonth()?.addingMonth()?.addingMonth()?.adding(days: -1)
            else {
                throw ShellError(
                    "report: --quarter: expected a quarter of the financial year like 2026-Q3 (October to December 2026), got "
                        + TerminalSafe.sanitize(String(quarter.prefix(20))))
            }
            return (first, last)
        }
        if let month {
            guard from == nil, to == nil else { throw ShellError("report: give --month, or --from and --to, not both") }
            let parts = month.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), let first = CalendarDate(year: year, month: number, day: 1),
                parts[0].count == 4, parts[1].count == 2, let last = first.addingMonth()?.adding(days: -1)
            else { throw ShellError("report: --month: expected a month like 2026-11, got \(TerminalSafe.sanitize(String(month.prefix(20))))") }
            return (first, last)
        }
        guard let from, let to else { throw ShellError("report: give --month YYYY-MM, --quarter YYYY-Qn, or --from DATE and --to DATE") }
        guard from <= to else { throw ShellError("report: --from \(from) is after --to \(to)") }
        return (from, to)
    }

    /// The report of every plan in `store` for the period, each plan in its current shape.
    package static func report(
        _ store: PlanStore, plugins: PluginHost, from: CalendarDate, to: CalendarDate, practice: String? = nil, role: ReportRole? = nil
    ) throws -> ReferralReport {
        var report = ReferralReport(from: from, to: to, plugins: plugins, practice: practice, service: role?.service)
        let everyPlan = role == nil && !plugins.registrar.reportContributions.isEmpty
        try store.forEachPlanBody { _, body in
            // Without module counts, plans without episodes need no decoding.
            guard everyPlan || body.range(of: Data("\"episodes\"".utf8)) != nil else { return }
            report.add(plugins.upgraded(try PlanJSON.decodeStored(body)))
        }
        return report
    }

    /// `report` written in `format`.
    package static func render(_ report: ReferralReport, format: ReportFormat, suppressSmall: Bool) -> String {
        let rows = report.rows(suppressSmall: suppressSmall)
        switch format {
        case .text:
            var limits: [String] = []
            if let practice = report.practice { limits.append("practice \(TerminalSafe.sanitize(practice))") }
            if let service = report.service { limits.append("\(service.abbreviation) only; the modules' figures are left out") }
            var lines = [
                "Referrals received, \(report.from) to \(report.to)" + (limits.isEmpty ? "" : " (" + limits.joined(separator: "; ") + ")")
                    + (suppressSmall ? " (counts of 1 to 7 shown as <8)" : "")
            ]
            var section = ""
            // Fits 80 columns: a long item (a code's meaning) is cut here, never in csv or json.
            let width = min(60, max(24, rows.map(\.item.count).max() ?? 0))
            for row in rows {
                if row.section != section {
                    section = row.section
                    lines.append("")
                    lines.append(section.prefix(1).uppercased() + section.dropFirst())
                }
                let item = TerminalSafe.sanitize(row.item)
                let shown = item.count > width ? String(item.prefix(width - 1)) + "…" : item
                lines.append("  " + shown.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.value)
            }
            return lines.joined(separator: "\n") + "\n"
        case .csv:
            func field(_ text: String) -> String {
                text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
            return (["section,item,value"] + rows.map { [$0.section, $0.item, $0.value].map(field).joined(separator: ",") }).joined(separator: "\n") + "\n"
        case .markdown:
            return
                (["| section | item | value |", "| --- | --- | ---: |"]
                + rows.map { "| \($0.section) | \($0.item.replacingOccurrences(of: "|", with: "\\|")) | \($0.value) |" }).joined(separator: "\n") + "\n"
        case .json:
            let figures: [JSONValue] = rows.map {
                .object(["section": .string($0.section), "item": .string($0.item), "value": .string($0.value)])
            }
            var members: [String: JSONValue] = [
                "from": .string(report.from.description), "to": .string(report.to.description),
                "suppressSmall": .bool(suppressSmall), "figures": .array(figures),
            ]
            if let practice = report.practice { members["practice"] = .string(practice) }
            if let service = report.service { members["service"] = .string(service.rawValue) }
            let tree: JSONValue = .object(members)
            return String(decoding: PlanJSON.encode(tree), as: UTF8.self)
        }
    }
}

extension CalendarDate {
    /// The first day of the next month.
    func addingMonth() -> CalendarDate? {
        month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1) : CalendarDate(year: year, month: month + 1, day: 1)
    }
}
