import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("The plan as a document the person keeps")
struct PlanDocumentTests {
    @Test(
        "puts what matters to the person first, in plain words, dates written out, no ids, within 80 columns",
        arguments: Fixtures.samplePlanFiles.map(\.lastPathComponent))
    func plainDocument(_ name: String) throws {
        let plan = try Fixtures.samplePlan(String(name.dropLast(5)))
        let text = PlanDocument(today: Fixtures.today).render(plan)
        let headings = text.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") }
        #expect(headings.first?.hasPrefix("My care and support plan: \(plan.person.name)") == true)
        let matters = try #require(text.range(of: "What matters to me"))
        for later in ["What I want to work on", "People involved in my care", "Reviewing my plan"] {
            #expect(text.range(of: later).map { $0.lowerBound > matters.lowerBound } == true, "\(later)")
        }
        #expect(text.range(of: #"\b[MSNGARCVD][0-9]+\b"#, options: .regularExpression) == nil, "no internal ids")
        #expect(
            text.range(of: #"\b20[0-9]{2}-[0-9]{2}-[0-9]{2}\b"#, options: .regularExpression).map { _ in
                // ISO dates may appear only in module tables, never in the core document.
                text.contains("Wellbeing (ONS4") || text.contains("Progress:")
            } ?? true)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!text.contains(".."))
    }

    @Test("shows ids when asked")
    func withIDs() throws {
        let plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        let text = PlanDocument(showIDs: true).render(plan)
        #expect(text.contains("G1 My goal: Feel steady on my feet in the house, by 1 February 2027."))
    }

    @Test("Markdown has headings and escapes what would read as formatting")
    func markdown() throws {
        var plan = try Fixtures.samplePlan("health-coaching-dev-patel")
        plan.aboutMe.entries[0].text = "Keep *working* [and] #playing \u{1B}[2J"
        let text = PlanDocument(format: .markdown).render(plan)
        #expect(text.hasPrefix("# My care and support plan: Dev Patel\n"))
        #expect(text.contains("\n## What matters to me\n\n- Keep \\*working\\* \\[and\\] \\#playing \\\\u\\{1B\\}\\[2J\n"))
    }
}
