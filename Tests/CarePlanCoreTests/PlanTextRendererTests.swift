import CarePlanCore
import CarePlanTestSupport
import Testing

@Suite("Text export")
struct PlanTextRendererTests {
    @Test("keeps every line within 80 columns", arguments: Fixtures.samplePlanFiles.map(\.lastPathComponent))
    func wrapsAt80(_ name: String) throws {
        let text = PlanTextRenderer(width: 80).render(try Fixtures.samplePlan(String(name.dropLast(5))))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(text.hasSuffix("\n"))
    }

    @Test("follows PRSB section order, what matters to the person first in About me")
    func sectionOrder() throws {
        let text = PlanTextRenderer().render(try Fixtures.samplePlan("social-prescribing-margaret-okafor"))
        let order = [
            "About the person", "About me", "What is most important to me", "People who are important to me",
            "Professional contacts", "Personal contacts", "My care and support plan", "Referrals",
            "If things go wrong", "Review", "Agreement and consent", "Notes",
        ]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        #expect(text.contains("Getting out of the house and seeing people again"))
        #expect(text.contains("NHS number: 999 000 0018"))
        #expect(text.contains("Date of birth: 14 March 1948"))
    }

    @Test("shows control characters harmlessly")
    func neutralisesEscapes() throws {
        var plan = try Fixtures.samplePlan("health-coaching-dev-patel")
        plan.person.name = "Dev \u{1B}[2J\u{1B}]0;pwned\u{07}Patel"
        let text = PlanTextRenderer().render(plan)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("Name: Dev \\u{1B}[2J\\u{1B}]0;pwned\\u{7}Patel"))
    }

    @Test("fitting a column pads with spaces or cuts between letters, never inside one")
    func fitting() {
        #expect("goal add".fitted(to: 10) == "goal add  ")
        #expect("O'Brien".fitted(to: 7) == "O'Brien")
        #expect("Siobhán Ní Bhriain".fitted(to: 7) == "Siobhán")
        // A flag is one letter of four UTF-16 units; a family emoji is one of eleven.
        #expect("🇬🇧👨‍👩‍👧 x".fitted(to: 2) == "🇬🇧👨‍👩‍👧")
        #expect("🇬🇧".fitted(to: 3) == "🇬🇧  ")
        #expect("abc".fitted(to: 0).isEmpty)
    }

    @Test("wraps long words and keeps the writer's line breaks")
    func wrapping() {
        let lines = TextWrapper(width: 20).wrap("first line\n" + String(repeating: "x", count: 45), firstPrefix: "- ")
        #expect(lines == ["- first line", "  xxxxxxxxxxxxxxxxxx", "  xxxxxxxxxxxxxxxxxx", "  xxxxxxxxx"])
    }
}
