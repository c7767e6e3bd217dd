import CancerCare
import CarePlanCore
import Testing

@Suite("Cancer waiting-time standards")
struct CancerStandardsTests {
    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    static func referral(
        _ referred: String, outcome: (CancerOutcomeResult, String)? = nil, decision: String? = nil, treatment: String? = nil
    ) throws -> SuspectedCancerReferral {
        var referral = SuspectedCancerReferral(id: "U1", route: .urgentSuspectedCancer, site: .lung, referredOn: try date(referred))
        if let outcome { referral.outcome = CancerOutcome(result: outcome.0, communicatedOn: try date(outcome.1)) }
        referral.decisionToTreatOn = try decision.map(date)
        referral.firstTreatmentOn = try treatment.map(date)
        return referral
    }

    static func states(_ referral: SuspectedCancerReferral, today: String, atRiskDays: Int = 5) throws -> [String] {
        CancerStandards(referral, today: try date(today), atRiskDays: atRiskDays).standards.map {
            "\($0.days.map(String.init) ?? "-") \($0.state.rawValue)"
        }
    }

    // Hand-computed: referred 2026-10-01 is day 0; day 28 is 2026-10-29, day 62 is 2026-12-02.
    @Test(
        "an open referral: on track, at risk from 5 days before the limit, breached the day after it; 31 and 62 days wait for a diagnosis",
        arguments: [
            ("2026-10-01", ["0 on track", "- does not apply", "0 does not apply"]),
            ("2026-10-23", ["22 on track", "- does not apply", "22 does not apply"]),
            ("2026-10-24", ["23 at risk", "- does not apply", "23 does not apply"]),
            ("2026-10-29", ["28 at risk", "- does not apply", "28 does not apply"]),
            ("2026-10-30", ["29 breached", "- does not apply", "29 does not apply"]),
            ("2027-01-15", ["106 breached", "- does not apply", "106 does not apply"]),
        ])
    func openReferral(_ today: String, _ expected: [String]) throws {
        #expect(try Self.states(Self.referral("2026-10-01"), today: today) == expected)
    }

    @Test("the outcome stops the Faster Diagnosis clock: told on day 28 meets it, on day 29 breaches it")
    func fasterDiagnosisLimit() throws {
        let onLimit = try Self.referral("2026-10-01", outcome: (.ruledOut, "2026-10-29"))
        #expect(try Self.states(onLimit, today: "2026-12-25") == ["28 met", "- does not apply", "- does not apply"])
        let dayAfter = try Self.referral("2026-10-01", outcome: (.ruledOut, "2026-10-30"))
        #expect(try Self.states(dayAfter, today: "2026-12-25").first == "29 breached")
    }

    @Test("once cancer is diagnosed the 31-day standard starts at the decision to treat and the 62-day runs from the referral")
    func afterDiagnosis() throws {
        let diagnosed = try Self.referral("2026-10-01", outcome: (.diagnosed, "2026-10-25"))
        #expect(try Self.states(diagnosed, today: "2026-11-01") == ["24 met", "- not started", "31 on track"])
        let decided = try Self.referral("2026-10-01", outcome: (.diagnosed, "2026-10-25"), decision: "2026-11-01")
        // Day 26 of 31 is at risk (31 - 5); day 57 of 62 is at risk too.
        #expect(try Self.states(decided, today: "2026-11-27") == ["24 met", "26 at risk", "57 at risk"])
        #expect(try Self.states(decided, today: "2026-11-26") == ["24 met", "25 on track", "56 on track"])
        #expect(try Self.states(decided, today: "2026-12-03") == ["24 met", "32 breached", "63 breached"])
        // Treated on day 58 from referral, 27 days after the decision: both met.
        let treated = try Self.referral("2026-10-01", outcome: (.diagnosed, "2026-10-25"), decision: "2026-11-01", treatment: "2026-11-28")
        #expect(try Self.states(treated, today: "2027-03-01") == ["24 met", "27 met", "58 met"])
        // On the limits themselves: day 31 and day 62 are met, a day later is not.
        let onLimits = try Self.referral("2026-10-01", outcome: (.diagnosed, "2026-10-20"), decision: "2026-11-01", treatment: "2026-12-02")
        #expect(try Self.states(onLimits, today: "2027-03-01") == ["19 met", "31 met", "62 met"])
        let late = try Self.referral("2026-10-01", outcome: (.diagnosed, "2026-10-20"), decision: "2026-11-01", treatment: "2026-12-03")
        #expect(try Self.states(late, today: "2027-03-01") == ["19 met", "32 breached", "63 breached"])
    }

    @Test("days are counted across a leap day and a year end")
    func leapYears() throws {
        // 2028 is a leap year: 2028-02-01 + 28 days is 2028-02-29.
        let leap = try Self.referral("2028-02-01")
        #expect(CancerStandards(leap, today: try Self.date("2028-02-29"))[.fasterDiagnosis].state == .atRisk)
        #expect(CancerStandards(leap, today: try Self.date("2028-03-01"))[.fasterDiagnosis].state == .breached)
        #expect(CancerStandards(leap, today: try Self.date("2028-03-01"))[.fasterDiagnosis].limitOn == (try Self.date("2028-02-29")))
        // 2026 is not: 2026-02-01 + 28 days is 2026-03-01.
        #expect(CancerStandards(try Self.referral("2026-02-01"), today: try Self.date("2026-03-01"))[.fasterDiagnosis].days == 28)
        let yearEnd = try Self.referral("2026-12-10", outcome: (.diagnosed, "2027-01-06"))
        #expect(try Self.states(yearEnd, today: "2027-02-10") == ["27 met", "- not started", "62 at risk"])
    }

    @Test("a migrated outcome that does not say diagnosed or ruled out keeps the 31 and 62 day standards in view")
    func notRecordedOutcome() throws {
        let referral = try Self.referral("2026-10-01", outcome: (.notRecorded, "2026-10-20"))
        #expect(try Self.states(referral, today: "2026-11-30") == ["19 met", "- not started", "60 at risk"])
    }

    @Test("the support owed after a diagnosis falls due 93 days, 3 months and 12 months after it was told")
    func afterDiagnosisDue() throws {
        let told = try Self.date("2026-10-25")
        #expect(AfterDiagnosis.supportConversation.due(after: told) == (try Self.date("2027-01-26")))
        #expect(AfterDiagnosis.threeMonthContact.due(after: told) == (try Self.date("2027-01-25")))
        #expect(AfterDiagnosis.careReview.due(after: told) == (try Self.date("2027-10-25")))
        // The end of a month and a leap day roll back to the last day of the shorter month.
        #expect(try Self.date("2026-11-30").addingMonths(3) == (try Self.date("2027-02-28")))
        #expect(try Self.date("2028-02-29").addingMonths(12) == (try Self.date("2029-02-28")))
        #expect(try Self.date("2027-11-30").addingMonths(3) == (try Self.date("2028-02-29")))
    }

    @Test("the period report counts each standard met or breached in the period its clock stopped, and referrals made by route")
    func reportCounts() throws {
        let host = try PluginHost([CancerCarePlugin()])
        func plan(_ referral: SuspectedCancerReferral) throws -> Plan {
            var plan = Plan(id: "CP-\(referral.referredOn.description.replacingOccurrences(of: "-", with: ""))", person: Person(name: "Ada Test"))
            var section = CancerCareSection()
            section.referrals = [referral]
            try SectionCodec.write(section, into: &plan)
            return plan
        }
        // Told on day 24 (met), treated on day 58 (62 met) and 27 days after the decision (31 met).
        let quick = try Self.referral("2026-09-01", outcome: (.diagnosed, "2026-09-25"), decision: "2026-10-02", treatment: "2026-10-29")
        // Told on day 29 (breached), treated on day 63 (62 breached), decision to treatment 34 days (31 breached).
        let slow = try Self.referral("2026-08-01", outcome: (.diagnosed, "2026-08-30"), decision: "2026-08-30", treatment: "2026-10-03")
        // Ruled out on day 20 (met); no treatment standards.
        let ruledOut = try Self.referral("2026-09-10", outcome: (.ruledOut, "2026-09-30"))
        var report = ReferralReport(from: try Self.date("2026-08-01"), to: try Self.date("2026-10-31"), plugins: host)
        for referral in [quick, slow, ruledOut] { report.add(try plan(referral)) }
        #expect(report.moduleCounts["cancer 28-day Faster Diagnosis"] == ["met": 2, "breached": 1])
        #expect(report.moduleCounts["cancer 62-day referral to treatment"] == ["met": 1, "breached": 1])
        #expect(report.moduleCounts["cancer 31-day decision to treatment"] == ["met": 1, "breached": 1])
        #expect(report.moduleCounts["cancer referrals made"] == ["urgent-suspected-cancer": 3])
        // A clock that stopped outside the period is not counted.
        var september = ReferralReport(from: try Self.date("2026-09-01"), to: try Self.date("2026-09-30"), plugins: host)
        for referral in [quick, slow, ruledOut] { september.add(try plan(referral)) }
        #expect(september.moduleCounts["cancer 28-day Faster Diagnosis"] == ["met": 2])
        #expect(september.moduleCounts["cancer 62-day referral to treatment"] == nil)
        #expect(september.rows(suppressSmall: true).contains { $0.section == "cancer 28-day Faster Diagnosis" && $0.item == "met" && $0.value == "<8" })
    }
}
