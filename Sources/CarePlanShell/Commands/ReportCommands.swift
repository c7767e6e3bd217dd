import CarePlanCore

/// `report`: what the referrals received came to over a period, across every plan.
enum ReportCommands {
    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "report", group: "Reports",
                summary:
                    "Referrals received over a period: sources, answers, waits, contacts, discharges, caseloads, outcomes, codes; by age, sex, ethnicity or IMD quintile.",
                example: "report --month 2026-11 --suppress-small", needsPlan: false
            ) { arguments in
                let month = arguments.option("month", .text, "a month, like 2026-11")
                let quarter = arguments.option("quarter", .text, "a quarter of the financial year, like 2026-Q3 (October to December 2026)")
                let from = arguments.option("from", .date, "the first day")
                let practice = arguments.option("practice", .text, "only plans registered with this GP practice (ODS code)")
                let role = arguments.option("role", .vocabulary(ReportRole.self), "only this service's referrals (splw, hwbc or cc)")
                let worker = arguments.option("worker", .text, "only the plans this worker looks after (the key worker, else the review's)")
                let organisation = arguments.option("organisation", .text, "only referrals from this organisation (the referrer's)")
                let to = arguments.option("to", .date, "the last day")
                let breakdown = arguments.option(
                    "by", .vocabulary(ReportBreakdown.self), "break every figure down by age, sex, gender, ethnicity or imd")
                let format = arguments.option("format", .vocabulary(ReportFormat.self), "text (default), csv, json or markdown")
                let suppressSmall = arguments.flag("suppress-small", "show counts of 1 to 7 as <8, for figures shared outside the team")
                return { invocation, session in
                    let (first, last) = try ReportOutput.period(
                        month: try invocation[month], quarter: try invocation[quarter], from: try invocation[from], to: try invocation[to])
                    let report = try ReportOutput.report(
                        session.store, plugins: session.plugins, from: first, to: last, practice: try invocation[practice],
                        role: try invocation[role], worker: try invocation[worker], organisation: try invocation[organisation],
                        breakdown: try invocation[breakdown])
                    session.output.write(
                        ReportOutput.render(
                            report, format: try invocation[format] ?? .text, suppressSmall: try invocation[suppressSmall],
                            bars: session.output.decorated ? .blocks : .plain))
                }
            })
    }
}
