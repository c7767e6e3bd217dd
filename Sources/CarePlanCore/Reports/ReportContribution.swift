/// What a module adds to the period report: things to count in one plan over the period,
/// each as a section and an item ("cancer 28-day Faster Diagnosis", "met"). The report adds
/// them up across the caseload and shows them after its own figures.
public protocol ReportContribution: Sendable {
    /// One count for each thing in `plan` that the module reports for the period.
    func counts(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [(section: String, item: String)]
}

extension PluginRegistrar {
    /// Registers what the module counts in the period report.
    public mutating func report(_ contribution: some ReportContribution) {
        reportContributions.append(contribution)
    }
}
