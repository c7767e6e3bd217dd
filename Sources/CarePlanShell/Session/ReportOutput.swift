package import CarePlanCore
package import CarePlanStore
import Foundation

/// The service a report is limited to.
package enum ReportRole: String, Vocabulary {
    case splw, hwbc, cc

    package var service: ReferralRecipient {
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

    /// The report of every plan in `store` for the period, each plan in its current shape,
    /// broken down by `breakdown` if given. Plans are read one at a time, and only those with a
    /// date in the period are decoded (`ReportDigest`); for the IMD quintile, the deciles of
    /// all plans' postcodes are looked up first, in one query.
    package static func report(
        _ store: PlanStore, plugins: PluginHost, from: CalendarDate, to: CalendarDate, practice: String? = nil, role: ReportRole? = nil,
        worker: String? = nil, organisation: String? = nil, breakdown: ReportBreakdown? = nil
    ) throws -> ReferralReport {
        var report = ReferralReport(
            from: from, to: to, plugins: plugins, practice: practice, service: role?.service, worker: worker, organisation: organisation,
            breakdown: breakdown)
        let deciles = breakdown == .imd ? try store.planDeciles() : [:]
        // A plan with nothing dated in the period adds only its open episodes, which its
        // digest holds; the others, and any without a digest, are decoded.
        let months = ReportDigest.monthRange(from: from, to: to)
        try store.forEachReportRow(
            { id, stored in
                // A digest does not hold who referred: with that filter, every plan is read.
                guard organisation == nil, let digest = ReportDigest.decode(stored), !digest.touches(months) else { return true }
                report.add(digest, planID: id, decile: deciles[id])
                return false
            },
            decoded: { id, body in report.add(plugins.upgraded(try PlanJSON.decodeStored(body)), decile: deciles[id]) })
        return report
    }

    /// How counts are drawn beside them in the terminal's table.
    package enum Bars: Sendable {
        /// No bars.
        case none
        /// `#` characters: for pipes, files and NO_COLOR.
        case plain
        /// Unicode blocks, for a terminal.
        case blocks
    }

    /// `report` written in `format`; the text's bars drawn as `bars`.
    package static func render(_ report: ReferralReport, format: ReportFormat, suppressSmall: Bool, bars: Bars = .plain) -> String {
        let rows = report.rows(suppressSmall: suppressSmall)
        let groups = report.breakdown?.groups ?? []
        switch format {
        case .text:
            var limits: [String] = []
            if let practice = report.practice { limits.append("practice \(TerminalSafe.sanitize(practice))") }
            if let service = report.service { limits.append("\(service.abbreviation) only; the modules' figures are left out") }
            if let worker = report.worker { limits.append("plans \(TerminalSafe.sanitize(worker)) looks after") }
            if let organisation = report.organisation {
                limits.append("referrals from \(TerminalSafe.sanitize(organisation)); the modules' figures are left out")
            }
            if let breakdown = report.breakdown { limits.append("by \(breakdown.rawValue)") }
            var lines = [
                "Referrals received, \(report.from) to \(report.to)" + (limits.isEmpty ? "" : " (" + limits.joined(separator: "; ") + ")")
                    + (suppressSmall ? " (counts of 1 to 7 shown as <8)" : "")
            ]
            if let breakdown = report.breakdown {
                let renamed = zip(breakdown.headings, breakdown.groups).filter { $0 != $1 }.map { "\($0) = \($1)" }
                lines.append("A column for each group" + (renamed.isEmpty ? "" : " (" + renamed.joined(separator: ", ") + ")") + ", then all.")
            }
            // Fits 80 columns without a breakdown: a long item (a code's meaning) is cut here,
            // never in csv or json.
            let width = min(report.breakdown == nil ? 60 : 40, max(24, rows.map(\.item.count).max() ?? 0))
            let valueWidth = max(3, rows.map(\.value.count).max() ?? 0)
            // Each group's column is as wide as its heading or its widest figure.
            let columns = (report.breakdown?.headings ?? []).enumerated().map { index, heading in
                max(heading.count, rows.map { index < $0.groups.count ? $0.groups[index].count : 0 }.max() ?? 0)
            }
            var section = ""
            var sectionMax = 0
            for row in rows {
                if row.section != section {
                    section = row.section
                    let charted = rows.filter { $0.section == section && $0.charted }
                    sectionMax = charted.count > 1 ? charted.compactMap { Int($0.value) }.max() ?? 0 : 0
                    lines.append("")
                    lines.append(section.prefix(1).uppercased() + section.dropFirst())
                    if let breakdown = report.breakdown {
                        let headings = zip(breakdown.headings, columns).map { $0.leftPadded(to: $1) }
                        lines.append(
                            "  " + String(repeating: " ", count: width) + "  " + headings.joined(separator: " ") + " " + "all".leftPadded(to: valueWidth))
                    }
                }
                let item = TerminalSafe.sanitize(row.item)
                let shown = item.count > width ? String(item.prefix(width - 1)) + "…" : item
                var line = "  " + shown.fitted(to: width) + "  "
                if report.breakdown != nil {
                    let cells = zip(row.groups, columns).map { $0.leftPadded(to: $1) }
                    line += cells.joined(separator: " ") + " " + row.value.leftPadded(to: valueWidth)
                } else {
                    line += row.value.leftPadded(to: valueWidth)
                    // A bar for each count, against the largest in its section, in what is left of 80 columns.
                    let room = min(20, 80 - line.count - 1)
                    if bars != .none, row.charted, room > 0, sectionMax > 0, let value = Int(row.value), value > 0 {
                        let length = max(1, value * room / sectionMax)
                        line += " " + String(repeating: bars == .blocks ? "█" : "#", count: length)
                    }
                }
                lines.append(line)
            }
            return lines.joined(separator: "\n") + "\n"
        case .csv:
            let header = (["section", "item", "value"] + groups).map(CSVText.field).joined(separator: ",")
            return ([header] + rows.map { ([$0.section, $0.item, $0.value] + $0.groups).map(CSVText.field).joined(separator: ",") }).joined(separator: "\n")
                + "\n"
        case .markdown:
            let header = "| section | item | value |" + groups.map { " \($0) |" }.joined()
            let rule = "| --- | --- | ---: |" + String(repeating: " ---: |", count: groups.count)
            return
                ([header, rule]
                + rows.map { row in
                    "| \(row.section) | \(row.item.replacingOccurrences(of: "|", with: "\\|")) | \(row.value) |" + row.groups.map { " \($0) |" }.joined()
                }).joined(separator: "\n") + "\n"
        case .json:
            let figures: [JSONValue] = rows.map { row in
                var members: [String: JSONValue] = ["section": .string(row.section), "item": .string(row.item), "value": .string(row.value)]
                if !groups.isEmpty {
                    members["groups"] = .object(Dictionary(uniqueKeysWithValues: zip(groups, row.groups).map { ($0, .string($1)) }))
                }
                return .object(members)
            }
            var members: [String: JSONValue] = [
                "from": .string(report.from.description), "to": .string(report.to.description),
                "suppressSmall": .bool(suppressSmall), "figures": .array(figures),
            ]
            if let practice = report.practice { members["practice"] = .string(practice) }
            if let service = report.service { members["service"] = .string(service.rawValue) }
            if let worker = report.worker { members["worker"] = .string(worker) }
            if let organisation = report.organisation { members["organisation"] = .string(organisation) }
            if let breakdown = report.breakdown {
                members["breakdown"] = .string(breakdown.rawValue)
                members["groups"] = .array(groups.map { .string($0) })
            }
            let tree: JSONValue = .object(members)
            return String(decoding: PlanJSON.encode(tree), as: UTF8.self)
        }
    }
}

extension String {
    /// The text right-aligned in `width` columns.
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

extension CalendarDate {
    /// The first day of the next month.
    func addingMonth() -> CalendarDate? {
        month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1) : CalendarDate(year: year, month: month + 1, day: 1)
    }
}
