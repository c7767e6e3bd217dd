import CarePlanCore

/// What social prescribing adds to the period report: ONS4 personal wellbeing, each question
/// paired from the person's first baseline to their latest follow-up, counted in the period
/// that follow-up was taken (a pair needs the follow-up after the baseline).
struct SocialPrescribingReport: ReportContribution {
    static let ons4Section = "ONS4, baseline to latest follow-up"
    static let questions = ["life satisfaction", "worthwhile", "happiness", "anxiety"]

    var outcomeItems: [(section: String, items: [String])] { [(Self.ons4Section, Self.questions)] }

    func counts(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [(section: String, item: String)] { [] }

    func outcomes(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [OutcomePair] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan) else { return [] }
        // Sorted by day, the order recorded breaking ties: the first baseline, the last follow-up.
        let ons4 = section.measures.enumerated().filter { $0.element.ons4 != nil }
            .sorted { ($0.element.takenOn, $0.offset) < ($1.element.takenOn, $1.offset) }.map(\.element)
        guard let baseline = ons4.first(where: { $0.timepoint == .baseline }),
            let latest = ons4.last(where: { $0.timepoint == .followUp && $0.takenOn > baseline.takenOn }),
            latest.takenOn >= from, latest.takenOn <= to, let before = baseline.ons4, let after = latest.ons4
        else { return [] }
        return zip(before.items, after.items).map { first, last in
            OutcomePair(
                section: Self.ons4Section, item: first.name, baseline: first.value, later: last.value, higherIsBetter: first.higherIsBetter)
        }
    }
}
