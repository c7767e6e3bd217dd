import CarePlanCore
import CarePlanShell

/// The cancer care coordinator's shell commands: suspected cancer referrals and their
/// pathway, the tests on it, and holistic needs assessments.
enum CancerCareCommands {
    static let group = "Cancer care"

    static let referralID = ArgumentKind.sectionEntries(CancerCareSection.self, "Un") { $0.referrals.map(\.id) }
    static let testID = ArgumentKind.sectionEntries(CancerCareSection.self, "Pn") { $0.appointments.map(\.id) }
    static let assessmentID = ArgumentKind.sectionEntries(CancerCareSection.self, "Hn") { $0.assessments.map(\.id) }

    static func register(into registry: inout CommandRegistry, atRiskDays: Int) throws(ShellError) {
        try registerReferrals(into: &registry, atRiskDays: atRiskDays)
        try registerTests(into: &registry)
        try registerAssessments(into: &registry)
    }

    private static func registerReferrals(into registry: inout CommandRegistry, atRiskDays: Int) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "cancer refer", group: group, summary: "Record a suspected cancer referral: the site group, route, day and referrer.",
                positionals: [PositionalSpec("SITE", .vocabulary(TumourSiteGroup.self))],
                options: [
                    OptionSpec("route", .vocabulary(CancerReferralRoute.self), "how (default: urgent-suspected-cancer)"),
                    OptionSpec("on", .pastDate, "the day it was made (default today)"), OptionSpec("by", .text, "the referring clinician"),
                ],
                example: "cancer refer lung --on 2026-10-01 --by \"Dr Amir Shah\""
            ) { invocation, session in
                guard let site = try invocation.choice("SITE", as: TumourSiteGroup.self) else { return }
                let route = try invocation.choice("route", as: CancerReferralRoute.self) ?? .urgentSuspectedCancer
                let day = try invocation.date("on") ?? session.today
                try session.apply(.referSuspectedCancer(site: site, route: route, on: day, referrer: invocation.text("by")))
            })
        try registry.register(
            CommandSpec(
                "cancer outcome", group: group,
                summary: "Record that the person was told cancer was diagnosed or ruled out: it stops the Faster Diagnosis clock.",
                positionals: [PositionalSpec("ID", referralID), PositionalSpec("RESULT", .choice(["diagnosed", "ruled-out"]))],
                options: [OptionSpec("on", .pastDate, "the day the person was told (default today)")],
                example: "cancer outcome U1 diagnosed --on 2026-10-25"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let result = try invocation.choice("RESULT", as: CancerOutcomeResult.self), result != .notRecorded else {
                    throw ShellError("cancer outcome: RESULT: expected diagnosed or ruled-out")
                }
                try session.apply(.recordCancerOutcome(id, result, on: try invocation.date("on") ?? session.today))
            })
        try registry.register(
            CommandSpec(
                "cancer record", group: group,
                summary: "Record a later step: decision to treat, first treatment, support conversation, three-month contact or care review.",
                positionals: [PositionalSpec("ID", referralID), PositionalSpec("STEP", .vocabulary(CancerPathwayStep.self))],
                options: [OptionSpec("on", .pastDate, "the day it happened (default today)")],
                example: "cancer record U1 treatment --on 2026-11-28",
                details: "decision: decision to treat; treatment: first treatment; support: the conversation about the support "
                    + "available (due within 93 days of diagnosis); contact: the contact about three months after diagnosis; "
                    + "review: the cancer care review (due within 12 months of diagnosis)."
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let step = try invocation.choice("STEP", as: CancerPathwayStep.self) else { return }
                try session.apply(.recordCancerStep(id, step, on: try invocation.date("on") ?? session.today))
            })
        try registry.register(
            CommandSpec(
                "cancer show", group: group,
                summary: "Show suspected cancer referrals against the 28, 31 and 62 day standards, with their tests.",
                positionals: [PositionalSpec("ID", referralID, optional: true)],
                options: [OptionSpec("today", .date, "judge as of this day (default today)")],
                example: "cancer show U1"
            ) { invocation, session in
                let section = try SectionCodec.read(CancerCareSection.self, from: session.openPlan().plan)
                let wanted = invocation.text("ID")?.uppercased()
                let referrals = section.referrals.filter { wanted == nil || $0.id == wanted }
                if let wanted, referrals.isEmpty { throw ShellError("there is no suspected cancer referral \(wanted) in this plan") }
                guard !referrals.isEmpty else { throw ShellError("cancer show: no suspected cancer referral yet; add one with cancer refer SITE") }
                let style = TextStyle.staff(width: min(session.width, 80), today: try invocation.date("today") ?? session.today)
                let lines = referrals.flatMap { CancerCareText.referralLines($0, in: section, style: style, atRiskDays: atRiskDays) }
                session.say(lines.joined(separator: "\n"))
            })
    }

    private static func registerTests(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "test add", group: group, summary: "Book a test or appointment on a suspected cancer referral's pathway.",
                positionals: [PositionalSpec("WHAT", .text, rest: true)],
                options: [
                    OptionSpec("for", referralID, "the referral (U1)", required: true), OptionSpec("on", .date, "the appointment day", required: true),
                    OptionSpec("where", .text, "where"),
                ],
                example: "test add CT chest --for U1 --on 2026-10-06 --where \"Westshire General\""
            ) { invocation, session in
                let what = try invocation.required("WHAT")
                let referral = try invocation.required("for").uppercased()
                guard let day = try invocation.date("on") else { throw ShellError("test add: --on DATE is required") }
                try session.apply(.bookCancerTest(what, for: referral, place: invocation.text("where"), on: day))
            })
        try registry.register(
            CommandSpec(
                "test status", group: group, summary: "Record whether the person went to the test or appointment now booked.",
                positionals: [PositionalSpec("ID", testID), PositionalSpec("ATTENDANCE", .vocabulary(Attendance.self))],
                example: "test status P1 did-not-attend",
                details: "It is recorded against the appointment day, which must have come, and is never changed "
                    + "afterwards: a missed appointment stays on the worklist until it is rebooked."
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let attendance = try invocation.choice("ATTENDANCE", as: Attendance.self) else { return }
                try session.apply(.recordAttendance(id, attendance))
            })
        try registry.register(
            CommandSpec(
                "test rebook", group: group, summary: "Book a test or appointment again for a new day; earlier bookings are kept.",
                positionals: [PositionalSpec("ID", testID), PositionalSpec("DATE", .date)],
                example: "test rebook P1 2026-10-09"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let day = try invocation.date("DATE") else { throw ShellError("test rebook: give the new appointment day") }
                try session.apply(.rebookCancerTest(id, on: day))
            })
        try registry.register(
            CommandSpec(
                "test results", group: group, summary: "Record that a test's results were told to the person.",
                positionals: [PositionalSpec("ID", testID)],
                options: [OptionSpec("on", .pastDate, "the day (default today)")],
                example: "test results P1 --on 2026-10-12"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                try session.apply(.recordCancerResults(id, on: try invocation.date("on") ?? session.today))
            })
    }

    private static func registerAssessments(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "hna add", group: group, summary: "Start a holistic needs assessment (concerns scored 0-10 by domain).",
                options: [OptionSpec("for", referralID, "the referral it follows (U1)"), OptionSpec("on", .pastDate, "the day it was held (default today)")],
                example: "hna add --for U1 --on 2026-11-02"
            ) { invocation, session in
                let referral = invocation.text("for")?.uppercased()
                try session.apply(.addNeedsAssessment(on: try invocation.date("on") ?? session.today, referral: referral))
            })
        try registry.register(
            CommandSpec(
                "hna concern", group: group, summary: "Add a concern to an assessment: its domain, a score 0-10 and the person's words.",
                positionals: [
                    PositionalSpec("ID", assessmentID), PositionalSpec("DOMAIN", .vocabulary(ConcernDomain.self)),
                    PositionalSpec("SCORE", .integer(0...10)), PositionalSpec("CONCERN", .text, rest: true),
                ],
                example: "hna concern H1 physical 7 Tiredness, can't manage the stairs"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let domain = try invocation.choice("DOMAIN", as: ConcernDomain.self), let score = try invocation.integer("SCORE") else { return }
                try session.apply(.addConcern(id, domain: domain, score: score, try invocation.required("CONCERN")))
            })
        try registry.register(
            CommandSpec(
                "hna plan", group: group, summary: "Agree what will be done about a concern: it becomes a plan action.",
                positionals: [PositionalSpec("ID", assessmentID), PositionalSpec("CONCERN", .integer(1...99)), PositionalSpec("ACTION", .text, rest: true)],
                options: [OptionSpec("who", .text, "who does it"), OptionSpec("due", .date, "when")],
                example: "hna plan H1 1 Refer to the fatigue management course --who \"Sam Osei\" --due 2026-11-20"
            ) { invocation, session in
                let id = try invocation.required("ID").uppercased()
                guard let number = try invocation.integer("CONCERN") else { return }
                let who = invocation.text("who").map { Assignee(name: $0) }
                try session.apply(.planConcern(id, concern: number, action: try invocation.required("ACTION"), who: who, due: try invocation.date("due")))
            })
    }
}
