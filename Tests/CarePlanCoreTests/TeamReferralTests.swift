import CarePlanCore
import CarePlanTestSupport
import Testing

/// A referral from one role in the team to another: the sender's referral and the receiver's
/// episode kept in step by the core's edits.
@Suite("Referrals within the team")
struct TeamReferralTests {
    let context = EditContext(today: Fixtures.today, author: "Ruth Evans")

    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// A plan with one referral from the CC to the coach, sent on 2 November.
    func referred() throws -> Plan {
        let plan = Plan(id: "CP-T1", person: Person(name: "Ada Test"))
        return try PlanEdit.refer(
            to: .healthAndWellbeingCoach, serviceName: nil, reason: "Walking", referrer: "Ruth Evans", on: day("2026-11-02"),
            responseDays: 10
        ).apply(to: plan, context: context).plan
    }

    func status(_ plan: Plan) -> ReferralStatus? { plan.referrals.first?.status }

    @Test("sending to a team role makes an episode in its inbox, answer due as the PCN sets; another service gets none")
    func delivered() throws {
        let plan = try referred()
        let episode = try #require(plan.episodes.first)
        #expect(episode.service == .healthAndWellbeingCoach && episode.source == .team)
        #expect(episode.receivedOn == day("2026-11-02") && episode.responseDueOn == day("2026-11-12"))
        #expect(episode.fromReferral == plan.referrals.first?.id)
        let other = try PlanEdit.refer(to: .otherService, serviceName: "Men's Shed", reason: "Company", referrer: nil)
            .apply(to: plan, context: context).plan
        #expect(other.episodes.count == 1)
    }

    @Test("declined: the referral is rejected; reopened: requested again; accepted, then discharged as declining further support")
    func followsTheEpisode() throws {
        var plan = try referred()
        let episode = try #require(plan.episodes.first?.id)
        plan = try PlanEdit.answerReferral(episode, .declined, reason: .notEligible, on: day("2026-11-03")).apply(to: plan, context: context).plan
        #expect(status(plan) == .rejected)
        plan = try PlanEdit.reopenEpisode(episode, note: "Asked again", on: day("2026-11-04")).apply(to: plan, context: context).plan
        #expect(status(plan) == .requested)
        plan = try PlanEdit.answerReferral(episode, .accepted, on: day("2026-11-05")).apply(to: plan, context: context).plan
        plan = try PlanEdit.dischargeEpisode(episode, .declinedFurtherSupport, on: day("2026-11-06")).apply(to: plan, context: context).plan
        #expect(status(plan) == .declinedByPerson)
        // Every step is in the history, in order, so the plan stays valid.
        #expect(plan.referrals.first?.history.map(\.status) == [.requested, .rejected, .requested, .accepted, .declinedByPerson])
        #expect(!PlanValidator(today: Fixtures.today).validate(plan).containsErrors)
    }

    @Test("a referral its sender cancelled is left as it is when the episode moves")
    func cancelledIsLeft() throws {
        var plan = try referred()
        let referral = try #require(plan.referrals.first?.id)
        plan = try PlanEdit.moveReferral(referral, to: .cancelled, on: day("2026-11-03")).apply(to: plan, context: context).plan
        plan = try PlanEdit.answerReferral(try #require(plan.episodes.first?.id), .accepted, on: day("2026-11-04"))
            .apply(to: plan, context: context).plan
        #expect(status(plan) == .cancelled)
    }

    @Test("the path between statuses is the shortest run of allowed moves")
    func paths() {
        #expect(ReferralStatus.path(from: .requested, to: .completed) == [.accepted, .completed])
        #expect(ReferralStatus.path(from: .rejected, to: .inProgress) == [.requested, .accepted, .inProgress])
        #expect(ReferralStatus.path(from: .accepted, to: .accepted) == [])
        #expect(ReferralStatus.path(from: .draft, to: .inProgress) == [.requested, .accepted, .inProgress])
    }
}
