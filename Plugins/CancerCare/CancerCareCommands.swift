import CarePlanCore
import CarePlanShell

/// The cancer care coordinator's shell commands: suspected cancer referrals and their
/// pathway, the tests on it, and holistic needs assessments.
enum CancerCareCommands {
    static let group = "Cancer care"

    static let referralID = ArgumentType.sectionEntries(CancerCareSection.self, "Un") { $0.referrals.map(\.id) }
    static let testID = ArgumentType.sectionEntries(CancerCareSection.self, "Pn") { $0.appointments.map(\.id) }
    static let assessmentID = ArgumentType.sectionEntries(CancerCareSection.self, "Hn") { $0.assessments.map(\.id) }

    /// What the person was told: an outcome that stops the clock (not "not recorded").
    static let toldResult = ArgumentType<CancerOutcomeResult>(kind: .choice(["diagnosed", "ruled-out"])) { raw, field, _ in
        guard let result = CancerOutcomeResult.parse(raw), result != .notRecorded else {
            throw ShellError("\(field): expected diagnosed or ruled-out")
        }
        return result
    }

    static func register(into registry: inout CommandRegistry, atRiskDays: Int) throws(ShellError) {
        try registerReferrals(into: &registry, atRiskDays: atRiskDays)
        try registerTests(into: &registry)
        try registerAssessments(into: &registry)
    }

    private static func registerReferrals(into registry: inout CommandRegistry, atRiskDays: Int) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "cancer refer", group: group, summary: "Record a suspected cancer referral: the site group, route, day and referrer.",
                example: "cancer refer lung --on 2026-10-01 --by \"Dr Amir Shah\""
            ) { arguments in
                let site = arguments.positional("SITE", .vocabulary(TumourSiteGroup.self))
                let route = arguments.option("route", .vocabulary(CancerReferralRoute.self), "how (default: urgent-suspected-cancer)")
                let day = arguments.option("on", .pastDate, "the day it was made (default today)")
                let referrer = arguments.option("by", .text, "the referring clinician")
                return { invocation, session in
                    try session.apply(
                        .referSuspectedCancer(
                            site: try invocation[site], route: try invocation[route] ?? .urgentSuspectedCancer,
                            on: try invocation[day] ?? session.today, referrer: try invocation[referrer]))
                }
            })
        try registry.register(
            CommandSpec(
                "cancer outcome", group: group,
                summary: "Record that the person was told cancer was diagnosed or ruled out: it stops the Faster Diagnosis clock.",
                example: "cancer outcome U1 diagnosed --on 2026-10-25"
            ) { arguments in
                let referral = arguments.positional("ID", referralID)
                let result = arguments.positional("RESULT", toldResult)
                let day = arguments.option("on", .pastDate, "the day the person was told (default today)")
                return { invocation, session in
                    try session.apply(
                        .recordCancerOutcome(try invocation[referral].uppercased(), try invocation[result], on: try invocation[day] ?? session.today))
                }
            })
        try registry.register(
            CommandSpec(
                "cancer record", group: group,
                summary: "Record a later step: decision to treat, first treatment, support conversation, three-month contact or care review.",
                example: "cancer record U1 treatment --on 2026-11-28",
                details: "decision: decision to treat; treatment: first treatment; support: the conversation about the support "
                    + "available (due within 93 days of diagnosis); contact: the contact about three months after diagnosis; "
                    + "review: the cancer care review (due within 12 months of diagnosis)."
            ) { arguments in
                let referral = arguments.positional("ID", referralID)
                let step = arguments.positional("STEP", .vocabulary(CancerPathwayStep.self))
                let day = arguments.option("on", .pastDate, "the day it happened (default today)")
                return { invocation, session in
                    try session.apply(
                        .recordCancerStep(try invocation[referral].uppercased(), try invocation[step], on: try invocation[day] ?? session.today))
                }
            })
        try registry.register(
            CommandSpec(
                "cancer show", group: group,
                summary: "Show suspected cancer referrals against the 28, 31 and 62 day standards, with their tests.",
                example: "cancer show U1"
            ) { arguments in
                let referral = arguments.optionalPositional("ID", referralID)
                let today = arguments.option("today", .date, "judge as of this day (default today)")
                return { invocation, session in
                    let section = try SectionCodec.read(CancerCareSection.self, from: session.openPlan().plan)
                    let wanted = try invocation[referral]?.uppercased()
                    let referrals = section.referrals.filter { wanted == nil || $0.id == wanted }
                    if let wanted, referrals.isEmpty { throw ShellError("there is no suspected cancer referral \(wanted) in this plan") }
                    guard !referrals.isEmpty else {
                        throw ShellError("cancer show: no suspected cancer referral yet; add one with cancer refer SITE")
                    }
                    let style = TextStyle.staff(width: min(session.width, 80), today: try invocation[today] ?? session.today)
                    let lines = referrals.flatMap { CancerCareText.referralLines($0, in: section, style: style, atRiskDays: atRiskDays) }
                    session.say(lines.joined(separator: "\n"))
                }
            })
    }

    private static func registerTests(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "test add", group: group, summary: "Book a test or appointment on a suspected cancer referral's pathway.",
                example: "test add CT chest --for U1 --on 2026-10-06 --where \"Westshire General\""
            ) { arguments in
                let what = arguments.positional("WHAT", .text, rest: true)
                let referral = arguments.requiredOption("for", referralID, "the referral (U1)")
                let day = arguments.requiredOption("on", .date, "the appointment day")
                let place = arguments.option("where", .text, "where")
                return { invocation, session in
                    try session.apply(
                        .bookCancerTest(
                            try invocation[what], for: try invocation[referral].uppercased(), place: try invocation[place], on: try invocation[day]))
                }
            })
        try registry.register(
            CommandSpec(
                "test status", group: group, summary: "Record whether the person went to the test or appointment now booked.",
                example: "test status P1 did-not-attend",
                details: "It is recorded against the appointment day, which must have come, and is never changed "
                    + "afterwards: a missed appointment stays on the worklist until it is rebooked."
            ) { arguments in
                let test = arguments.positional("ID", testID)
                let attendance = arguments.positional("ATTENDANCE", .vocabulary(Attendance.self))
                return { invocation, session in
                    try session.apply(.recordAttendance(try invocation[test].uppercased(), try invocation[attendance]))
                }
            })
        try registry.register(
            CommandSpec(
                "test rebook", group: group, summary: "Book a test or appointment again for a new day; earlier bookings are kept.",
                example: "test rebook P1 2026-10-09"
            ) { arguments in
                let test = arguments.positional("ID", testID)
                let day = arguments.positional("DATE", .date)
                return { invocation, session in
                    try session.apply(.rebookCancerTest(try invocation[test].uppercased(), on: try invocation[day]))
                }
            })
        try registry.register(
            CommandSpec(
                "test results", group: group, summary: "Record that a test's results were told to the person.",
                example: "test results P1 --on 2026-10-12"
            ) { arguments in
                let test = arguments.positional("ID", testID)
                let day = arguments.option("on", .pastDate, "the day (default today)")
                return { invocation, session in
                    try session.apply(.recordCancerResults(try invocation[test].uppercased(), on: try invocation[day] ?? session.today))
                }
            })
    }

    private static func registerAssessments(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "hna add", group: group, summary: "Start a holistic needs assessment (concerns scored 0-10 by domain).",
                example: "hna add --for U1 --on 2026-11-02"
            ) { arguments in
                let referral = arguments.option("for", referralID, "the referral it follows (U1)")
                let day = arguments.option("on", .pastDate, "the day it was held (default today)")
                return { invocation, session in
                    try session.apply(
                        .addNeedsAssessment(on: try invocation[day] ?? session.today, referral: try invocation[referral]?.uppercased()))
                }
            })
        try registry.register(
            CommandSpec(
                "hna concern", group: group, summary: "Add a concern to an assessment: its domain, a score 0-10 and the person's words.",
                example: "hna concern H1 physical 7 Tiredness, can't manage the stairs"
            ) { arguments in
                let assessment = arguments.positional("ID", assessmentID)
                let domain = arguments.positional("DOMAIN", .vocabulary(ConcernDomain.self))
                let score = arguments.positional("SCORE", .integer(0...10))
                let concern = arguments.positional("CONCERN", .text, rest: true)
                return { invocation, session in
                    try session.apply(
                        .addConcern(
                            try invocation[assessment].uppercased(), domain: try invocation[domain], score: try invocation[score],
                            try invocation[concern]))
                }
            })
        try registry.register(
            CommandSpec(
                "hna plan", group: group, summary: "Agree what will be done about a concern: it becomes a plan action.",
                example: "hna plan H1 1 Refer to the fatigue management course --who \"Sam Osei\" --due 2026-11-20"
            ) { arguments in
                let assessment = arguments.positional("ID", assessmentID)
                let concern = arguments.positional("CONCERN", .integer(1...99))
                let action = arguments.positional("ACTION", .text, rest: true)
                let who = arguments.option("who", .text, "who does it")
                let due = arguments.option("due", .date, "when")
                return { invocation, session in
                    try session.apply(
                        .planConcern(
                            try invocation[assessment].uppercased(), concern: try invocation[concern], action: try invocation[action],
                            who: try invocation[who].map { Assignee(name: $0) }, due: try invocation[due]))
                }
            })
    }
}
