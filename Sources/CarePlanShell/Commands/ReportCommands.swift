import CarePlanCore

/// `report`: what the referrals received came to over a period, across every plan.
enum ReportCommands {
    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "report", group: "Reports",
                summary:
                    "Referrals received over a period: sources, answers, waits, contacts, discharges, caseloads, outcomes, codes; by age, sex, ethnicity or IMD quintile.",
                options: [
                    OptionSpec("month", .text, "a month, like 2026-11"),
                    OptionSpec("quarter", .text, "a quarter of the financial year, like 2026-Q3 (October to December 2026)"),
                    OptionSpec("from", .date, "the first day"),
                    OptionSpec("practice", .text, "only plans registered with this GP practice (ODS code)"),
                    OptionSpec("role", .vocabulary(ReportRole.self), "only this service's referrals (splw, hwbc or cc)"),
                    OptionSpec("worker", .text, "only the plans this worker looks after (the key worker, else the review's)"),
                    OptionSpec("organisation", .text, "only referrals from this organisation (the referrer's)"),
                    OptionSpec("to", .date, "the last day"),
                    OptionSpec("by", .vocabulary(ReportBreakdown.self), "break every figure down by age, sex, gender, ethnicity or imd"),
                    OptionSpec("format", .vocabulary(ReportFormat.self), "text (default), csv, json or markdown"),
                    OptionSpec("suppress-small", nil, "show counts of 1 to 7 as <8, for figures shared outside the team"),
                ],
                example: "report --month 2026-11 --suppress-small", needsPlan: false
            ) { invocation, session in
                let (from, to) = try ReportOutput.period(
                    month: invocation.text("month"), quarter: invocation.text("quarter"), from: try invocation.date("from"),
                    to: try invocation.date("to"))
                let report = try ReportOutput.report(
                    session.store, plugins: session.plugins, from: from, to: to, practice: invocation.text("practice"),
                    role: try invocation.choice("role", as: ReportRole.self), worker: invocation.text("worker"),
                    organisation: invocation.text("organisation"), breakdown: try invocation.choice("by", as: ReportBreakdown.self))
                let format = try invocation.choice("format", as: ReportFormat.self) ?? .text
                session.output.write(
                    ReportOutput.render(
                        report, format: format, suppressSmall: invocation.flag("suppress-small"), bars: session.output.decorated ? .blocks : .plain))
            })
    }
}
