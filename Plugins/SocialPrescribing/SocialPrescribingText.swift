import CarePlanCore

/// Social prescribing in `show` and the text export: links with their steps, and wellbeing
/// measures with the change since baseline.
struct SocialPrescribingText: PlanTextContribution {
    let title = "Social prescribing"

    func lines(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan),
            !section.links.isEmpty || !section.measures.isEmpty
        else { return [] }
        let wrapper = style.wrapper
        var lines: [String] = []
        for link in section.links {
            let needs = style.showIDs && !link.needIds.isEmpty ? " (for \(link.needIds.joined(separator: ", ")))" : ""
            lines += wrapper.wrap(
                "\(style.tag(link.id))\(link.kind.label.capitalized) to \(link.service.name): \(link.determinant.label)\(needs)",
                firstPrefix: "- ", restPrefix: "  ")
            let steps = link.history.map { "\($0.status.label) \(style.date($0.on))" }.joined(separator: "; ")
            lines += wrapper.wrap("Status: \(steps)" + (link.followUpOn.map { "; follow up \(style.date($0))" } ?? ""), firstPrefix: "  ")
            if let outcome = link.outcome { lines += wrapper.wrap("Outcome: \(outcome)", firstPrefix: "  ", restPrefix: "    ") }
            if style.showIDs {
                for code in link.codes { lines.append("  SNOMED CT \(code.code) \(code.display)") }
            }
        }
        lines += WellbeingView.lines(section.measures, style: style)
        return lines
    }
}

/// ONS4 answers over time, with the change since the baseline.
enum WellbeingView {
    static func lines(_ measures: [WellbeingMeasure], style: TextStyle = TextStyle()) -> [String] {
        var lines: [String] = []
        let ons4 = measures.filter { $0.ons4 != nil }
        if let baseline = ons4.first(where: { $0.timepoint == .baseline }) ?? ons4.first, let base = baseline.ons4 {
            lines.append("Wellbeing (ONS4, 0-10; for anxiety lower is better):")
            lines.append("  " + "date".fitted(to: 12) + "satisfied  worthwhile  happy  anxious")
            for measure in ons4 {
                guard let answers = measure.ons4 else { continue }
                var row = "  " + measure.takenOn.description.fitted(to: 12)
                for (index, item) in answers.items.enumerated() {
                    let widths = [11, 12, 7, 7]
                    var cell = "\(item.value)"
                    if measure.id != baseline.id {
                        let change = item.value - base.items[index].value
                        cell += change == 0 ? " (=)" : " (\(change > 0 ? "+" : "")\(change))"
                    }
                    row += cell.fitted(to: widths[index])
                }
                lines.append(row.replacingTrailingSpaces() + (measure.timepoint == .baseline ? "  baseline" : ""))
            }
            if let latest = ons4.last?.ons4, ons4.count > 1 {
                let better = zip(latest.items, base.items).filter { now, then in
                    now.higherIsBetter ? now.value > then.value : now.value < then.value
                }.map(\.0.name)
                lines.append("  Since baseline, better: \(better.isEmpty ? "none" : better.joined(separator: ", "))")
            }
        }
        for measure in measures where measure.ons4 == nil {
            lines.append("- \(measure.label) \(measure.rawScore ?? "") on \(style.date(measure.takenOn)) (\(measure.timepoint.label), as entered)")
        }
        return lines
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
