import CarePlanCore
import CarePlanTestSupport
import Testing

@Suite("Plan validation")
struct PlanValidatorTests {
    private func issues(_ change: (inout Plan) -> Void, today: CalendarDate? = nil) throws -> [String] {
        var plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        change(&plan)
        return PlanValidator(today: today).validate(plan).map(\.description)
    }

    @Test("the sample plans have no errors", arguments: Fixtures.samplePlanFiles.map(\.lastPathComponent))
    func samplesAreValid(_ name: String) throws {
        let plan = try Fixtures.samplePlan(String(name.dropLast(5)))
        #expect(!PlanValidator(today: Fixtures.today).validate(plan).containsErrors)
    }

    @Test("a date of birth after today is an error")
    func birthInFuture() throws {
        let found = try issues({ $0.person.dateOfBirth = CalendarDate(year: 2027, month: 1, day: 1) }, today: Fixtures.today)
        #expect(found.contains("person.dateOfBirth: is after today (2026-11-21)"))
    }

    @Test("ids are checked: kind, uniqueness, and never reused")
    func idRules() throws {
        let found = try issues { plan in
            plan.goals[1].id = EntryID(.goal, 1)
            plan.actions[0].id = EntryID(.goal, 7)
            plan.lastIssuedIDs[.note] = 1
        }
        #expect(found.contains("goals[1].id: id G1 is already used at goals[0].id"))
        #expect(found.contains("actions[0].id: expected a action id (A1, A2...), got G7"))
        #expect(found.contains("lastIssuedIds.D: is 1 but D2 is in use; it must be at least 2 so ids are never reused"))
        #expect(found.contains("lastIssuedIds.G: is 3 but G7 is in use; it must be at least 7 so ids are never reused"))
    }

    @Test("ids of different kinds with the same number are not duplicates, and each kind has its own place in the id tables")
    func kindsAreDistinct() throws {
        let found = try issues { plan in
            plan.goals[0].id = EntryID(.goal, 1)
            plan.actions[0].id = EntryID(.action, 1)
        }
        #expect(!found.contains { $0.contains("already used") })
        #expect(EntryKind.allCases.map(\.ordinal) == Array(EntryKind.allCases.indices))
        #expect(Set(EntryKind.allCases).count == EntryKind.allCases.count)
        #expect(EntryKind.goal != EntryKind.action && EntryKind.goal == EntryKind(rawValue: "G"))
    }

    @Test("issuing ids never reuses a deleted one")
    func issuesFreshIDs() throws {
        var plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        plan.goals.removeLast()
        #expect(plan.issueID(.goal) == EntryID(.goal, 4))
        #expect(plan.issueID(.goal) == EntryID(.goal, 5))
    }

    @Test("links must point at entries in the plan")
    func danglingLinks() throws {
        let found = try issues { plan in
            plan.goals[0].needIDs.append(EntryID(.need, 99))
            plan.referrals[1].goalIDs = [EntryID(.goal, 42)]
            plan.contingency.contactIDs.append(EntryID(.contact, 9))
        }
        #expect(found.contains("goals[0].needIds[2]: links to need N99, which is not in the plan"))
        #expect(found.contains("referrals[1].goalIds[0]: links to goal G42, which is not in the plan"))
        #expect(found.contains("contingency.contactIds[2]: links to contact C9, which is not in the plan"))
    }

    @Test("scores must be in range")
    func scoreRanges() throws {
        let found = try issues { plan in
            plan.needs[0].concernScore = -1
            plan.goals[0].importance = 11
            plan.goals[1].confidence = 0
        }
        #expect(found.contains("needs[0].concernScore: expected a score from 0 to 10, got -1"))
        #expect(found.contains("goals[0].importance: expected a score from 1 to 10, got 11"))
        #expect(found.contains("goals[1].confidence: expected a score from 1 to 10, got 0"))
    }

    @Test("a referral's status matches its history, which runs forwards")
    func referralHistory() throws {
        let found = try issues { plan in
            plan.referrals[0].status = .completed
            plan.referrals[1].history.append(ReferralStatusChange(status: .completed, on: CalendarDate(year: 2026, month: 8, day: 1)!))
            plan.referrals[1].status = .completed
        }
        #expect(found.contains("referrals[0].status: is completed but the last history entry is in-progress"))
        #expect(found.contains("referrals[1].history[2].on: 2026-08-01 is before the previous step (2026-09-01)"))
    }

    @Test("warns about an active plan with no review date and a goal with no target date")
    func warnings() throws {
        let found = try issues { plan in
            plan.review.nextReviewOn = nil
            plan.goals[1].targetDate = nil
        }
        #expect(found.contains("warning: review.nextReviewOn: an active plan should have a planned review date"))
        #expect(found.contains("warning: goals[1].targetDate: goal G2 has no target date"))
        let issues = PlanValidator().validate(try Fixtures.samplePlan("care-coordination-edith-lloyd"))
        #expect(!issues.contains { $0.severity == .warning && $0.path == "review.nextReviewOn" })
    }
}
