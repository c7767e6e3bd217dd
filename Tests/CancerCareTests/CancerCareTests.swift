import CancerCare
import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing

/// A harness with the cancer care module, Nadia Begum at the keyboard, on a clock the test moves.
func cancerHarness(_ clock: TestClock) throws -> ShellHarness {
    try ShellHarness(author: "Nadia Begum", plugins: [CancerCarePlugin()], clock: { clock.now }, planIDPrefix: "CP-CA")
}

/// The rows of one worklist group ("  2026-09-08  CP-CA1 ..."), or [] when it is empty.
func rows(of title: String, in worklist: String) -> [String] {
    guard let start = worklist.range(of: "\n\(title) (") else { return [] }
    let rest = worklist[start.upperBound...]
    let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
    return rest[..<end].split(separator: "\n").filter { $0.hasPrefix("  20") }.map { String($0) }
}

@Suite("Cancer care")
struct CancerCareTests {
    static let missed = "Missed cancer tests and appointments"
    static let awaiting = "Suspected cancer awaiting an outcome"
    static let limits = "Cancer treatment limits at risk or passed"

    /// What `worklist --today DAY` printed.
    static func worklist(_ shell: ShellHarness, today: String) -> String {
        let before = shell.output.results.count
        #expect(shell.run(bail: true, ["worklist --today \(today)"]), "\(shell.output.errors)")
        return String(shell.output.results.dropFirst(before))
    }

    /// What the last command printed, after running `line` on `day`.
    static func run(_ shell: ShellHarness, _ clock: TestClock, on day: String, _ line: String) -> String {
        clock.set(day)
        let before = shell.output.results.count
        #expect(shell.session.execute(line), "\(day) \(line): \(shell.output.errors.last ?? "")")
        return String(shell.output.results.dropFirst(before))
    }

    @Test(
        "the seed story: a suspected lung cancer referral, a missed CT flagged until it is rebooked within a week, the outcome on day 24, treatment by day 58, then the support and the review when due"
    )
    func seedStory() throws {
        let clock = TestClock("2026-09-01")
        let shell = try cancerHarness(clock)
        #expect(
            shell.run(
                bail: true,
                [
                    "new Jamal Test --nhs \"999 000 0042\"",
                    "contact add professional Nadia Begum --role \"Cancer Care Coordinator\" --phone \"01632 960 700\"",
                    "contact key-worker C1",
                    "cancer refer lung --by \"Dr Claire Dunn\"",
                    "test add CT chest --for U1 --on 2026-09-08 --where \"Westshire General\"",
                ]), "\(shell.output.errors)")
        // Day 0: the referral is safety-netted, its outcome due on day 28.
        var worklist = Self.worklist(shell, today: "2026-09-01")
        #expect(rows(of: Self.awaiting, in: worklist) == ["  2026-09-29  CP-CA1  Jamal Test  U1  lung: outcome due  Nadia Begum"])
        #expect(
            rows(of: "Due this week", in: Self.worklist(shell, today: "2026-09-02")) == ["  2026-09-08  CP-CA1  Jamal Test  P1  CT chest (U1)  Nadia Begum"])

        // The CT is missed on the 8th and recorded the next day, against the day it was missed.
        #expect(Self.run(shell, clock, on: "2026-09-09", "test status P1 did-not-attend") == "P1 did not attend on 2026-09-08 (revision 6)\n")
        for day in ["2026-09-09", "2026-09-11", "2026-09-14"] {
            worklist = Self.worklist(shell, today: day)
            #expect(rows(of: Self.missed, in: worklist) == ["  2026-09-08  CP-CA1  Jamal Test  P1  CT chest missed, not rebooked  Nadia Begum"], "\(day)")
            #expect(rows(of: Self.awaiting, in: worklist).first?.contains("lung: outcome due (missed") == true)
        }
        // Rebooked on the 14th, within a week, for the 15th: the flag goes, the missed day stays.
        _ = Self.run(shell, clock, on: "2026-09-14", "test rebook P1 2026-09-15")
        worklist = Self.worklist(shell, today: "2026-09-14")
        #expect(rows(of: Self.missed, in: worklist) == [])
        #expect(rows(of: "Due this week", in: worklist) == ["  2026-09-15  CP-CA1  Jamal Test  P1  CT chest (U1)  Nadia Begum"])
        _ = Self.run(shell, clock, on: "2026-09-15", "test status P1 attended")
        _ = Self.run(shell, clock, on: "2026-09-22", "test results P1")

        // The outcome is told on day 24: the Faster Diagnosis Standard is met.
        _ = Self.run(shell, clock, on: "2026-09-25", "cancer outcome U1 diagnosed")
        var shown = Self.run(shell, clock, on: "2026-09-25", "cancer show")
        #expect(shown.contains("  28-day Faster Diagnosis        day 24 of 28   met\n"))
        #expect(shown.contains("  * P1 CT chest at Westshire General: 2026-09-08 did not attend; 2026-09-15\n    attended; results told 2026-09-22\n"))
        #expect(rows(of: Self.awaiting, in: Self.worklist(shell, today: "2026-09-25")) == [])

        // Decision to treat on 5 October; by the 28th the 62-day limit (2 November) is at risk.
        _ = Self.run(shell, clock, on: "2026-10-05", "cancer record U1 decision")
        #expect(rows(of: Self.limits, in: Self.worklist(shell, today: "2026-10-27")) == [])
        #expect(
            rows(of: Self.limits, in: Self.worklist(shell, today: "2026-10-28")) == [
                "  2026-11-02  CP-CA1  Jamal Test  U1  lung: 62-day treatment limit  Nadia Begum"
            ])
        // Treated on day 58: both treatment standards met, the limits leave the worklist.
        _ = Self.run(shell, clock, on: "2026-10-29", "cancer record U1 treatment")
        shown = Self.run(shell, clock, on: "2026-10-29", "cancer show U1")
        #expect(shown.contains("  31-day decision to treatment   day 24 of 31   met\n"))
        #expect(shown.contains("  62-day referral to treatment   day 58 of 62   met\n"))
        #expect(rows(of: Self.limits, in: Self.worklist(shell, today: "2026-10-29")) == [])

        // The support conversation is due 93 days after the diagnosis was told (27 December),
        // the three-month contact on 25 December; they appear in the week they fall due.
        #expect(!Self.worklist(shell, today: "2026-12-18").contains("support conversation"))
        worklist = Self.worklist(shell, today: "2026-12-21")
        #expect(
            rows(of: "Due this week", in: worklist) == [
                "  2026-12-25  CP-CA1  Jamal Test  U1  lung: three-month contact   Nadia Begum",
                "  2026-12-27  CP-CA1  Jamal Test  U1  lung: support conversation  Nadia Begum",
            ])
        _ = Self.run(shell, clock, on: "2026-12-22", "cancer record U1 support")
        _ = Self.run(shell, clock, on: "2026-12-22", "cancer record U1 contact")
        #expect(rows(of: "Due this week", in: Self.worklist(shell, today: "2026-12-22")) == [])
        // The cancer care review, 12 months after the diagnosis: overdue once its day has passed.
        #expect(!Self.worklist(shell, today: "2027-09-17").contains("cancer care review"))
        #expect(
            rows(of: "Due this week", in: Self.worklist(shell, today: "2027-09-20")) == [
                "  2027-09-25  CP-CA1  Jamal Test  U1  lung: cancer care review  Nadia Begum"
            ])
        #expect(
            rows(of: "Overdue", in: Self.worklist(shell, today: "2027-10-01")) == [
                "  2027-09-25  CP-CA1  Jamal Test  U1  lung: cancer care review  Nadia Begum"
            ])

        // The person's own document: what happened and what happens next, who to call, and no
        // day counts, standards or ids.
        let plan = try shell.plan()
        let rendered = PlanExportFormat.text.render(plan, plugins: try PluginHost([CancerCarePlugin()]), today: Fixtures.today)
        let document = String(decoding: rendered, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(document.contains("I missed my CT chest appointment at Westshire General on 8 September 2026."))
        #expect(document.contains("I was told the tests found cancer."))
        #expect(document.contains("I can call Nadia Begum (Cancer Care Coordinator) on 01632 960 700."))
        for staffOnly in ["day 24", "breach", "at risk", "U1", "P1", "Faster Diagnosis", "2026-09"] {
            #expect(!document.contains(staffOnly), "\(staffOnly)")
        }
    }

    @Test("an attendance cannot be recorded before the day, twice, or over a miss; results need an attendance")
    func appointmentRules() throws {
        let clock = TestClock("2026-09-01")
        let shell = try cancerHarness(clock)
        #expect(shell.run(bail: true, ["new Ada Test", "cancer refer breast --route breast-symptomatic", "test add Clinic --for U1 --on 2026-09-08"]))
        #expect(!shell.session.execute("test status P1 attended"))
        #expect(shell.output.errors.last == "P1 is booked for 2026-09-08, which has not come yet (today is 2026-09-01)")
        #expect(!shell.session.execute("test results P1"))
        #expect(shell.output.errors.last == "P1 is not recorded as attended; record that first")
        clock.set("2026-09-09")
        #expect(shell.session.execute("test status P1 did-not-attend"))
        #expect(!shell.session.execute("test status P1 attended"))
        #expect(shell.output.errors.last == "P1 on 2026-09-08 is already recorded as did not attend; rebook it for a new day first")
        #expect(!shell.session.execute("test add Scan --for U9 --on 2026-09-10"))
        #expect(shell.output.errors.last == "there is no suspected cancer referral U9 in this plan")
        #expect(!shell.session.execute("cancer record U1 treatment"))
        #expect(shell.output.errors.last == "U1 has no outcome yet; record it first (cancer outcome U1 diagnosed DATE)")
        #expect(!shell.session.execute("cancer outcome U1 diagnosed --on 2026-08-01"))
        #expect(shell.output.errors.last == "U1 was made on 2026-09-01; the outcome cannot be told before it")
        #expect(!shell.session.execute("cancer outcome U1 not-recorded"))
        #expect(shell.session.execute("cancer outcome U1 ruled-out"))
        #expect(!shell.session.execute("cancer record U1 decision"))
        #expect(shell.output.errors.last == "cancer was ruled out for U1; there is no decision to treat to record")
        let section = try SectionCodec.read(CancerCareSection.self, from: shell.plan())
        #expect(section.appointments[0].bookings.map(\.attendance) == [.didNotAttend])
    }

    @Test("a holistic needs assessment scores concerns 0-10 by domain, and a chosen concern becomes a plan action on the worklist")
    func needsAssessment() throws {
        let clock = TestClock("2026-11-02")
        let shell = try cancerHarness(clock)
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test", "cancer refer lung --on 2026-10-01", "hna add --for U1",
                    "hna concern H1 physical 7 Tiredness, can't manage the stairs", "hna concern H1 family 4 Telling my sister",
                    "hna plan H1 1 Refer to the fatigue management course --who \"Sam Osei\" --due 2026-11-05",
                ]), "\(shell.output.errors)")
        let plan = try shell.plan()
        #expect(plan.actions.map(\.description) == ["Refer to the fatigue management course"])
        let section = try SectionCodec.read(CancerCareSection.self, from: plan)
        #expect(section.assessments[0].concerns.map(\.actionId) == ["A1", nil])
        #expect(!shell.session.execute("hna concern H1 physical 11 Pain"))
        #expect(!shell.session.execute("hna plan H1 1 Again"))
        #expect(shell.output.errors.last == "concern 1 of H1 already has action A1")
        #expect(!shell.session.execute("hna plan H1 3 Nothing"))
        #expect(shell.output.errors.last == "H1 has 2 concerns; there is no concern 3")
        #expect(rows(of: "Due this week", in: Self.worklist(shell, today: "2026-11-02")).first?.contains("Refer to the fatigue management") == true)
    }
}
