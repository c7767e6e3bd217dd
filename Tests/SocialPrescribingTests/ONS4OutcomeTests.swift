@testable import SocialPrescribing
import CarePlanCore
import CarePlanTestSupport
import Testing

/// ONS4 outcomes in the period report: each question from the first baseline to the latest
/// follow-up after it, counted in the period of that follow-up (issue 10).
@Suite("ONS4 outcomes in the report")
struct ONS4OutcomeTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    func measure(_ id: String, _ taken: String, _ timepoint: Timepoint, _ answers: (Int, Int, Int, Int)) -> WellbeingMeasure {
        WellbeingMeasure(
            id: id, takenOn: day(taken), timepoint: timepoint,
            ons4: ONS4(lifeSatisfaction: answers.0, worthwhile: answers.1, happiness: answers.2, anxiety: answers.3))
    }

    /// The report for November over plans with these measures, one plan each.
    func report(_ people: [[WellbeingMeasure]], suppressSmall: Bool = false) throws -> [String: String] {
        var report = ReferralReport(from: day("2026-11-01"), to: day("2026-11-30"), plugins: try PluginHost([SocialPrescribingPlugin()]))
        for (index, measures) in people.enumerated() {
            var plan = Plan(id: "CP-O\(index)", person: Person(name: "Outcome Test"))
            var section = SocialPrescribingSection()
            section.measures = measures
            try SectionCodec.write(section, into: &plan)
            report.add(plan)
        }
        let rows = report.rows(suppressSmall: suppressSmall).filter { $0.section == SocialPrescribingReport.ons4Section }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.item, $0.value) })
    }

    @Test(
        "the first baseline pairs with the latest later follow-up; anxiety improves when it falls; follow-ups on or before the baseline, or outside the period, do not count"
    )
    func pairs() throws {
        let figures = try report([
            // Two baselines: the first counts. Two follow-ups: the latest counts.
            [
                measure("W1", "2026-09-01", .baseline, (4, 5, 3, 8)), measure("W2", "2026-10-01", .baseline, (9, 9, 9, 0)),
                measure("W3", "2026-11-02", .followUp, (5, 5, 5, 5)), measure("W4", "2026-11-20", .followUp, (6, 4, 3, 6)),
            ],
            [measure("W1", "2026-08-01", .baseline, (5, 5, 5, 5)), measure("W2", "2026-11-10", .followUp, (5, 7, 4, 6))],
            // Not counted: a follow-up on the baseline's day, one before it, one outside November.
            [measure("W1", "2026-11-05", .baseline, (1, 1, 1, 1)), measure("W2", "2026-11-05", .followUp, (9, 9, 9, 9))],
            [measure("W1", "2026-11-06", .followUp, (9, 9, 9, 9)), measure("W2", "2026-11-07", .baseline, (1, 1, 1, 1))],
            [measure("W1", "2026-08-01", .baseline, (1, 1, 1, 1)), measure("W2", "2026-12-01", .followUp, (9, 9, 9, 9))],
        ])
        #expect(figures["life satisfaction: pairs"] == "2")
        #expect(figures["life satisfaction: mean change"] == "1.0")  // (+2 + 0) / 2
        #expect(figures["life satisfaction: improved"] == "1")
        #expect(figures["worthwhile: mean change"] == "0.5")  // (-1 + 2) / 2
        #expect(figures["happiness: mean change"] == "-0.5")  // (0 - 1) / 2: half away from zero
        #expect(figures["anxiety: mean change"] == "-0.5")  // (-2 + 1) / 2
        #expect(figures["anxiety: improved"] == "1", "lower anxiety is better")
    }

    @Test("with no pairs each question still shows, as none; small numbers and their means hide behind <8")
    func noneAndSuppressed() throws {
        let none = try report([])
        #expect(none["anxiety: pairs"] == "0" && none["anxiety: mean change"] == "-" && none["anxiety: improved"] == "0")
        let small = try report(
            [[measure("W1", "2026-08-01", .baseline, (5, 5, 5, 5)), measure("W2", "2026-11-10", .followUp, (7, 7, 7, 3))]], suppressSmall: true)
        #expect(small["anxiety: pairs"] == "<8" && small["anxiety: mean change"] == "<8" && small["anxiety: improved"] == "<8")
    }
}
