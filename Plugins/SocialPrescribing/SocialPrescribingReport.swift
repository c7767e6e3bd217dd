import CarePlanCore

/// What social prescribing adds to the period report: ONS4 personal wellbeing, each question
/// paired from the person's first baseline to their latest follow-up, counted in the period
/// that follow-up was taken (a pair needs the follow-up after the baseline); and the same for
/// every other measure recorded by name (WEMWBS, SWEMWBS...), among its whole-number scores.
/// A higher score is better, except for the measures in `lowerIsBetter`.
struct SocialPrescribingReport: ReportContribution {
    static let ons4Section = "ONS4, baseline to latest follow-up"
    static let otherSection = "other measures, baseline to latest follow-up"
    static let questions = ["life satisfaction", "worthwhile", "happiness", "anxiety"]
    /// Measures scored so that lower is better, by name in capitals.
    static let lowerIsBetter: Set<String> = ["PHQ-9", "GAD-7", "MYCAW"]

    var outcomeItems: [(section: String, items: [String])] { [(Self.ons4Section, Self.questions)] }

    func counts(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [(section: String, item: String)] { [] }

    func outcomes(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [OutcomePair] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan) else { return [] }
        // Sorted by day, the order recorded breaking ties: the first baseline, the last follow-up.
        let measures = section.measures.enumerated().sorted { ($0.element.takenOn, $0.offset) < ($1.element.takenOn, $1.offset) }.map(\.element)
        func pair(_ taken: [WellbeingMeasure]) -> (WellbeingMeasure, WellbeingMeasure)? {
            guard let baseline = taken.first(where: { $0.timepoint == .baseline }),
                let latest = taken.last(where: { $0.timepoint == .followUp && $0.takenOn > baseline.takenOn }), latest.takenOn >= from,
                latest.takenOn <= to
            else { return nil }
            return (baseline, latest)
        }
        var pairs: [OutcomePair] = []
        if let (baseline, latest) = pair(measures.filter { $0.ons4 != nil }), let before = baseline.ons4, let after = latest.ons4 {
            pairs += zip(before.items, after.items).map { first, last in
                OutcomePair(
                    section: Self.ons4Section, item: first.name, baseline: first.value, later: last.value, higherIsBetter: first.higherIsBetter)
            }
        }
        let scored = measures.compactMap { measure -> (name: String, score: Int, measure: WellbeingMeasure)? in
            guard measure.ons4 == nil, let name = measure.name?.trimmingCharacters(in: .whitespaces).uppercased(), !name.isEmpty,
                let raw = measure.rawScore?.trimmingCharacters(in: .whitespaces), let score = Int(raw), raw.allSatisfy(\.isNumber)
            else { return nil }
            return (name, score, measure)
        }
        for name in Set(scored.map(\.name)).sorted() {
            let named = scored.filter { $0.name == name }
            guard let (baseline, latest) = pair(named.map(\.measure)),
                let before = named.first(where: { $0.measure == baseline })?.score, let after = named.last(where: { $0.measure == latest })?.score
            else { continue }
            pairs.append(
                OutcomePair(section: Self.otherSection, item: name, baseline: before, later: after, higherIsBetter: !Self.lowerIsBetter.contains(name)))
        }
        return pairs
    }
}

extension SocialPrescribingReport {
    /// Social prescribing's part of the minimum dataset: each link made in the period (support
    /// offered) and the social determinant it addresses (needs and concerns), and each measure
    /// taken in the period (outcomes). Service names, outcomes in words and measure names are
    /// typed, so they go only in `text`; a raw score is a value only when it is a number.
    func datasetRows(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [DatasetRow] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan) else { return [] }
        func within(_ day: CalendarDate) -> Bool { day >= from && day <= to }
        var rows: [DatasetRow] = []
        for link in section.links {
            guard let made = link.history.first?.on, within(made) else { continue }
            rows.append(
                DatasetRow(
                    .needs, planID: plan.id, item: "social determinant", system: MinimumDataset.System.careplan("Determinant"),
                    code: link.determinant.rawValue, display: link.determinant.label, date: made))
            rows.append(
                DatasetRow(
                    .support, planID: plan.id, item: "social prescription", system: MinimumDataset.System.careplan("LinkKind"), code: link.kind.rawValue,
                    display: link.kind.label, value: link.status.rawValue, date: made,
                    text: [link.service.name, link.outcome].compactMap { $0 }.joined(separator: ": ")))
        }
        for measure in section.measures where within(measure.takenOn) {
            let timepoint = MinimumDataset.System.careplan("Timepoint")
            if let ons4 = measure.ons4 {
                for item in ons4.items {
                    rows.append(
                        DatasetRow(
                            .outcomes, planID: plan.id, item: "ONS4 \(item.name)", system: timepoint, code: measure.timepoint.rawValue,
                            value: String(item.value), date: measure.takenOn))
                }
            } else {
                let raw = measure.rawScore?.trimmingCharacters(in: .whitespaces) ?? ""
                let number = !raw.isEmpty && raw.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && Double(raw) != nil
                rows.append(
                    DatasetRow(
                        .outcomes, planID: plan.id, item: "measure", system: timepoint, code: measure.timepoint.rawValue, value: number ? raw : nil,
                        date: measure.takenOn, text: [measure.name, measure.rawScore].compactMap { $0 }.joined(separator: ": ")))
            }
        }
        return rows
    }
}
