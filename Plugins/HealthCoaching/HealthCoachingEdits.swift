import CarePlanCore

/// The health coaching module's edits, built here rather than in its commands, so the same
/// change and checks serve any front end.
extension PlanEdit {
    /// Adds a SMART coaching goal; the plan goal and needs it serves must exist.
    static func addCoachingGoal(
        _ what: String, measure: String?, target: String?, by: CalendarDate?, importance: Int?, confidence: Int?, stage: StageOfChange?,
        planGoal: EntryID?, needs: [EntryID]
    ) -> PlanEdit {
        .section(HealthCoachingSection.self, "coaching goal") { section, plan, _ throws(PlanEditError) in
            if let planGoal { _ = try plan.position(of: planGoal, in: plan.goals) }
            for need in needs { _ = try plan.position(of: need, in: plan.needs) }
            let id = section.issueID("CG")
            section.goals.append(
                CoachingGoal(
                    id: id, what: what, measure: measure, target: target, byDate: by, importance: importance, confidence: confidence,
                    stage: stage, planGoalId: planGoal?.description, needIds: needs.map(\.description)))
            return "add coaching goal \(id)"
        }
    }

    /// Sets a coaching goal's stage of change.
    static func setStage(_ id: String, to stage: StageOfChange) -> PlanEdit {
        .section(HealthCoachingSection.self, "stage") { section, _, _ throws(PlanEditError) in
            guard let index = section.goals.firstIndex(where: { $0.id == id }) else {
                throw PlanEditError("there is no coaching goal \(id) in this plan")
            }
            section.goals[index].stage = stage
            return "coaching goal \(id) stage \(stage.label)"
        }
    }

    /// Logs a session held on `date`, with progress and GAS scores for goals that must exist.
    /// A session logged late goes in its place by date, after any already logged that day.
    static func logSession(
        on date: CalendarDate, mode: SessionMode, minutes: Int?, progress: [String: Int], gas: [String: Int], wins: String?,
        barriers: String?, next: String?, nextSession: CalendarDate?
    ) -> PlanEdit {
        .section(HealthCoachingSection.self, "session") { section, _, _ throws(PlanEditError) in
            let goalIDs = Array(Set(progress.keys).union(gas.keys)).sorted()
            for goal in goalIDs where !section.goals.contains(where: { $0.id == goal }) {
                throw PlanEditError("there is no coaching goal \(goal) in this plan")
            }
            let id = section.issueID("CS")
            let reviews = goalIDs.map { GoalReview(goalId: $0, progress: progress[$0], gas: gas[$0]) }
            let position = section.sessions.firstIndex { $0.heldOn > date } ?? section.sessions.endIndex
            section.sessions.insert(
                CoachingSession(
                    id: id, heldOn: date, durationMinutes: minutes, mode: mode, reviews: reviews, wins: wins, barriers: barriers,
                    nextSteps: next, nextSessionOn: nextSession),
                at: position)
            return "log session \(id) (\(date))"
        }
    }

    /// Records a Patient Activation Measure level and score as entered (on the day of the edit
    /// unless `day` is given).
    static func recordActivation(level: Int, score: String?, on day: CalendarDate?) -> PlanEdit {
        .section(HealthCoachingSection.self, "activation") { section, _, context in
            let id = section.issueID("PA")
            section.activation.append(ActivationRecord(id: id, takenOn: day ?? context.today, level: level, score: score))
            return "activation \(id): level \(level)"
        }
    }
}
