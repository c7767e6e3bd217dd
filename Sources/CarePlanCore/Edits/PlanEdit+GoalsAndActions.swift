/// Edits to goals and actions, built here so every front end (the shell, a script, a future
/// team service) makes the same change with the same checks.
extension PlanEdit {
    /// What `editGoal` changes: nil leaves a field alone; for optional fields `.some(nil)`
    /// clears it.
    public struct GoalChanges: Sendable, Equatable {
        public var text: String?
        public var needs: [EntryID]?
        public var importance: Int??
        public var confidence: Int??
        public var target: CalendarDate??
        public var measure: String??
        public var outcome: String??

        /// No change.
        public init() {}
    }

    /// What `editAction` changes: nil leaves a field alone; for optional fields `.some(nil)`
    /// clears it.
    public struct ActionChanges: Sendable, Equatable {
        public var text: String?
        public var goal: EntryID??
        public var due: CalendarDate??
        public var review: CalendarDate??
        public var assignee: Assignee??

        /// No change.
        public init() {}
    }

    /// Adds a goal in the person's words, linked to needs that must exist.
    public static func addGoal(
        _ text: String, needs: [EntryID] = [], importance: Int? = nil, confidence: Int? = nil, target: CalendarDate? = nil,
        measure: String? = nil, outcome: String? = nil
    ) -> PlanEdit {
        PlanEdit("add goal") { plan, _ throws(PlanEditError) in
            for need in needs { _ = try plan.position(of: need, in: plan.needs) }
            let id = plan.issueID(.goal)
            plan.goals.append(
                Goal(
                    id: id, description: text, needIDs: needs, importance: importance, confidence: confidence,
                    targetDate: target, measure: measure, outcome: outcome))
            return "add goal \(id)"
        }
    }

    /// Changes a goal; needs it is linked to must exist.
    public static func editGoal(_ id: EntryID, _ changes: GoalChanges) -> PlanEdit {
        PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
            let index = try plan.position(of: id, in: plan.goals)
            for need in changes.needs ?? [] { _ = try plan.position(of: need, in: plan.needs) }
            if let text = changes.text { plan.goals[index].description = text }
            if let needs = changes.needs { plan.goals[index].needIDs = needs }
            if let importance = changes.importance { plan.goals[index].importance = importance }
            if let confidence = changes.confidence { plan.goals[index].confidence = confidence }
            if let target = changes.target { plan.goals[index].targetDate = target }
            if let measure = changes.measure { plan.goals[index].measure = measure }
            if let outcome = changes.outcome { plan.goals[index].outcome = outcome }
            return "edit goal \(id)"
        }
    }

    /// Adds an action: what, who, when; the goal it serves must exist.
    public static func addAction(
        _ text: String, goal: EntryID? = nil, assignee: Assignee? = nil, due: CalendarDate? = nil, review: CalendarDate? = nil
    ) -> PlanEdit {
        PlanEdit("add action") { plan, _ throws(PlanEditError) in
            if let goal { _ = try plan.position(of: goal, in: plan.goals) }
            let id = plan.issueID(.action)
            plan.actions.append(Action(id: id, description: text, assignee: assignee, dueDate: due, goalID: goal, reviewDate: review))
            return "add action \(id)"
        }
    }

    /// Changes an action; a goal it is linked to must exist.
    public static func editAction(_ id: EntryID, _ changes: ActionChanges) -> PlanEdit {
        PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
            let index = try plan.position(of: id, in: plan.actions)
            if let text = changes.text { plan.actions[index].description = text }
            if let goal = changes.goal {
                if let goal { _ = try plan.position(of: goal, in: plan.goals) }
                plan.actions[index].goalID = goal
            }
            if let due = changes.due { plan.actions[index].dueDate = due }
            if let review = changes.review { plan.actions[index].reviewDate = review }
            if let assignee = changes.assignee { plan.actions[index].assignee = assignee }
            return "edit action \(id)"
        }
    }

    /// Sets an action's status.
    public static func setActionStatus(_ id: EntryID, to status: ActionStatus) -> PlanEdit {
        PlanEdit("action \(id) \(status.label)") { plan, _ throws(PlanEditError) in
            plan.actions[try plan.position(of: id, in: plan.actions)].status = status
            return "action \(id) \(status.label)"
        }
    }
}
