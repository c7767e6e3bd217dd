@testable import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

/// A module whose rule reports what its section says, in the plan it is given and in a
/// changed copy of that plan: the section the check decoded must be used only for the plan
/// it was decoded from.
private struct TallySection: PluginSection {
    static let moduleID = "tally"
    var count = 0
}

private struct TallyRule: PlanRule {
    func validate(_ plan: Plan, today: CalendarDate?) -> [ValidationIssue] {
        var copy = plan
        copy.extensions["tally"] = .object(["count": .integer(99)])
        let seen = (try? SectionCodec.read(TallySection.self, from: plan).count) ?? -1
        let seenInCopy = (try? SectionCodec.read(TallySection.self, from: copy).count) ?? -1
        return [ValidationIssue(.warning, at: "extensions.tally", "saw \(seen), then \(seenInCopy) in a copy")]
    }
}

private struct TallyPlugin: CarePlanPlugin {
    static let id = "tally"
    static let title = "Tally"
    static let role: String? = nil
    func register(into registrar: inout PluginRegistrar) throws(PluginError) {
        try registrar.section(TallySection.self)
        registrar.rule(TallyRule())
    }
}

@Suite("A module's section is decoded once per check")
struct SectionReuseTests {
    @Test("a rule reads the section the check decoded for its plan, and a changed copy's own section")
    func rulesReadTheirPlansSection() throws {
        let host = try PluginHost([TallyPlugin()])
        var plan = try Fixtures.samplePlan("health-coaching-dev-patel")
        for count in [0, 3, 7] {
            plan.extensions["tally"] = .object(["count": .integer(Int64(count))])
            let messages = host.validate(plan, today: Fixtures.today).filter { $0.path == "extensions.tally" }.map(\.message)
            #expect(messages == ["saw \(count), then 99 in a copy"])
        }
        // Outside a check nothing is remembered.
        #expect(SectionCodec.alreadyDecoded.isEmpty)
        plan.extensions["tally"] = .object(["count": .integer(5)])
        #expect(try SectionCodec.read(TallySection.self, from: plan).count == 5)
    }
}
