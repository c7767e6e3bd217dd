import CarePlanCore
import CarePlanTestSupport
import Testing

/// The core's edit factories, without the shell: the same change and the same checks for
/// every front end.
@Suite("Plan edits built by the core")
struct PlanEditFactoryTests {
    let context = EditContext(today: Fixtures.today, author: "test")

    @Test("addGoal issues the next id, links existing needs and refuses a need that is not there")
    func addGoal() throws {
        var plan = Plan(id: "CP-E1", person: Person(name: "Ada Test"))
        plan.needs = [Need(id: plan.issueID(.need), description: "Lonely", domain: .emotional)]
        let (added, summary) = try PlanEdit.addGoal("Join a choir", needs: [EntryID(.need, 1)], importance: 8).apply(to: plan, context: context)
        #expect(summary == "add goal G1")
        #expect(added.goals.map(\.needIDs) == [[EntryID(.need, 1)]])
        #expect(added.goals.first?.importance == 8)
        #expect(throws: PlanEditError("there is no need N9 in this plan")) {
            try PlanEdit.addGoal("Walk", needs: [EntryID(.need, 9)]).apply(to: plan, context: context)
        }
    }

    @Test("editGoal leaves what it is not given, sets what it is, and clears with .some(nil)")
    func editGoal() throws {
        var plan = Plan(id: "CP-E1", person: Person(name: "Ada Test"))
        plan = try PlanEdit.addGoal("Walk", importance: 5, measure: "steps").apply(to: plan, context: context).plan
        var changes = PlanEdit.GoalChanges()
        changes.importance = .some(nil)
        changes.confidence = 7
        let edited = try PlanEdit.editGoal(EntryID(.goal, 1), changes).apply(to: plan, context: context).plan
        #expect(edited.goals[0].importance == nil)
        #expect(edited.goals[0].confidence == 7)
        #expect(edited.goals[0].measure == "steps")
        #expect(edited.goals[0].description == "Walk")
    }

    @Test("actions: added, re-linked, moved on; a goal that is not there is refused")
    func actions() throws {
        var plan = Plan(id: "CP-E1", person: Person(name: "Ada Test"))
        plan = try PlanEdit.addGoal("Walk").apply(to: plan, context: context).plan
        plan = try PlanEdit.addAction("Buy shoes", goal: EntryID(.goal, 1), due: Fixtures.today).apply(to: plan, context: context).plan
        var changes = PlanEdit.ActionChanges()
        changes.goal = .some(nil)
        changes.assignee = .some(Assignee(name: "Sam Osei"))
        plan = try PlanEdit.editAction(EntryID(.action, 1), changes).apply(to: plan, context: context).plan
        #expect(plan.actions[0].goalID == nil)
        #expect(plan.actions[0].assignee?.name == "Sam Osei")
        #expect(plan.actions[0].dueDate == Fixtures.today)
        plan = try PlanEdit.setActionStatus(EntryID(.action, 1), to: .completed).apply(to: plan, context: context).plan
        #expect(plan.actions[0].status == .completed)
        changes = PlanEdit.ActionChanges()
        changes.goal = EntryID(.goal, 4)
        #expect(throws: PlanEditError("there is no goal G4 in this plan")) {
            try PlanEdit.editAction(EntryID(.action, 1), changes).apply(to: plan, context: context)
        }
    }
}
