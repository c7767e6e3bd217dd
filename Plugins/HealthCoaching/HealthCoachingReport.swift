import CarePlanCore

/// What health coaching adds to the period report and the minimum dataset: the Patient
/// Activation Measure level paired from the first record to the latest, counted in the period
/// of the latest (a pair needs the latest on a later day than the first; a higher level is
/// better), and the coaching sessions held.
struct HealthCoachingReport: ReportContribution {
    static let activationSection = "Patient activation, first to latest"
    static let levelItem = "PAM level"

    var outcomeItems: [(section: String, items: [String])] { [(Self.activationSection, [Self.levelItem])] }

    func counts(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [(section: String, item: String)] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan) else { return [] }
        return section.sessions.filter { $0.heldOn >= from && $0.heldOn <= to }.map { ("coaching sessions by mode", $0.mode.rawValue) }
    }

    func outcomes(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [OutcomePair] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan) else { return [] }
        // By day, the order recorded breaking ties: the first record and the last.
        let records = section.activation.enumerated().sorted { ($0.element.takenOn, $0.offset) < ($1.element.takenOn, $1.offset) }.map(\.element)
        guard let first = records.first, let latest = records.last, latest.takenOn > first.takenOn, latest.takenOn >= from, latest.takenOn <= to
        else { return [] }
        return [OutcomePair(section: Self.activationSection, item: Self.levelItem, baseline: first.level, later: latest.level, higherIsBetter: true)]
    }

    func datasetRows(in plan: Plan, from: CalendarDate, to: CalendarDate) -> [DatasetRow] {
        guard let section = try? SectionCodec.read(HealthCoachingSection.self, from: plan) else { return [] }
        func within(_ day: CalendarDate) -> Bool { day >= from && day <= to }
        var rows = section.sessions.filter { within($0.heldOn) }.map { session in
            DatasetRow(
                .support, planID: plan.id, item: "coaching session", system: MinimumDataset.System.careplan("SessionMode"), code: session.mode.rawValue,
                display: session.mode.label, value: session.durationMinutes.map(String.init), date: session.heldOn)
        }
        rows += section.activation.filter { within($0.takenOn) }.map { record in
            DatasetRow(.outcomes, planID: plan.id, item: "PAM level", value: String(record.level), date: record.takenOn)
        }
        return rows
    }
}
