/// What a role module adds to the period report: counts of what happened in its section, and
/// outcomes measured twice (a baseline and a later score), which the report pairs up.
///
/// Counts are kept per plan and summed; so are outcomes, so a report over any caseload still
/// reads one plan at a time. Every count and outcome must come from a day in the period: a plan
/// with no date in the period's months is not decoded at all (`ReportDigest`).
public protocol ReportContribution: Sendable {
    /// One count for each thing in `plan` that the module reports for the period.
    func counts(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [(section: String, item: String)]
    /// Each outcome in `plan` whose later score falls in the period, paired with its baseline.
    func outcomes(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [OutcomePair]
    /// The outcome sections and items the module reports, in order: shown even when no pair
    /// falls in the period, so "none" is said rather than left out.
    var outcomeItems: [(section: String, items: [String])] { get }
    /// What the module adds to the minimum dataset for `plan` over the period (support offered
    /// and outcomes, mostly): typed words only ever in `text`.
    func datasetRows(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [DatasetRow]
}

extension ReportContribution {
    public func outcomes(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [OutcomePair] { [] }
    public var outcomeItems: [(section: String, items: [String])] { [] }
    public func datasetRows(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [DatasetRow] { [] }
}

/// One person's score on one question at a baseline and later.
public struct OutcomePair: Sendable, Equatable {
    /// The part of the report ("ONS4, baseline to latest follow-up").
    public var section: String
    /// The question ("anxiety").
    public var item: String
    public var baseline: Int
    public var later: Int
    /// False when a lower score is better (ONS4 anxiety).
    public var higherIsBetter: Bool

    /// A pair of scores.
    public init(section: String, item: String, baseline: Int, later: Int, higherIsBetter: Bool) {
        self.section = section
        self.item = item
        self.baseline = baseline
        self.later = later
        self.higherIsBetter = higherIsBetter
    }

    /// True when the later score is better than the baseline.
    public var improved: Bool { higherIsBetter ? later > baseline : later < baseline }
}

/// The pairs of one question so far: how many, the sum of their changes, how many improved.
public struct OutcomeTally: Sendable, Equatable {
    public var pairs = 0
    public var totalChange = 0
    public var improved = 0

    /// The mean change (later minus baseline), to two decimals rounded half away from zero,
    /// or nil with no pairs.
    public var meanChange: Double? {
        guard pairs > 0 else { return nil }
        let mean = (Double(totalChange) * 100 / Double(pairs)).rounded() / 100
        return mean == 0 ? 0 : mean  // never "-0.0"
    }
}

extension PluginRegistrar {
    /// Registers what the module counts in the period report.
    public mutating func report(_ contribution: some ReportContribution) {
        reportContributions.append(contribution)
    }
}
