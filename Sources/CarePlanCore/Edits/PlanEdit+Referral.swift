extension PlanEdit {
    /// Moves a referral to `status` on `date`, recording the step in its history.
    ///
    /// Only the usual moves are allowed (see `ReferralStatus.allowedNext`); a closed referral
    /// can be reopened as `requested`. A step may not be dated before the previous one.
    ///
    /// A draft to a role in the team, once sent (`requested`), lands in that role's inbox.
    public static func moveReferral(
        _ id: EntryID, to status: ReferralStatus, on date: CalendarDate?, responseDays: Int = ReferralEpisode.defaultResponseDays
    ) -> PlanEdit {
        PlanEdit("referral \(id) \(status.label)") { plan, context throws(PlanEditError) in
            let index = try plan.position(of: id, in: plan.referrals)
            var referral = plan.referrals[index]
            let day = date ?? context.today
            guard referral.status != status else {
                throw PlanEditError("\(id) is already \(status.label)")
            }
            // A referral to a role in the team is answered by that role, on its episode.
            if status != .cancelled, status != .requested,
                let episode = plan.episodes.first(where: { $0.fromReferral == id && $0.state != .declined && $0.state != .discharged })
            {
                throw PlanEditError(
                    "\(id) went to the \(referral.recipient.abbreviation) inbox as \(episode.id): its answer is recorded there "
                        + "(episode accept, decline, contact or discharge \(episode.id)), and \(id) follows")
            }
            guard referral.status.allowedNext.contains(status) else {
                let next = referral.status.allowedNext.map(\.rawValue).joined(separator: ", ")
                throw PlanEditError("\(id) is \(referral.status.label); it can move to \(next)")
            }
            if let last = referral.history.last, day < last.on {
                throw PlanEditError("\(day) is before \(id)'s last step (\(last.status.label) on \(last.on))")
            }
            referral.status = status
            referral.history.append(ReferralStatusChange(status: status, on: day))
            plan.referrals[index] = referral
            return "referral \(id) \(status.label)" + (status == .requested ? plan.deliverInTeam(referral, responseDays: responseDays) : "")
        }
    }

    /// Moves a goal through its FHIR lifecycle, optionally with an achievement status.
    public static func moveGoal(_ id: EntryID, to status: GoalLifecycleStatus, achievement: GoalAchievementStatus?) -> PlanEdit {
        PlanEdit("goal \(id) \(status.label)") { plan, _ throws(PlanEditError) in
            let index = try plan.position(of: id, in: plan.goals)
            plan.goals[index].lifecycleStatus = status
            if let achievement { plan.goals[index].achievementStatus = achievement }
            return "goal \(id) \(status.label)" + (achievement.map { " (\($0.label))" } ?? "")
        }
    }

    /// Links a goal to a need, or unlinks it.
    public static func linkGoal(_ goal: EntryID, need: EntryID, linked: Bool) -> PlanEdit {
        PlanEdit("\(linked ? "link" : "unlink") \(goal) \(need)") { plan, _ throws(PlanEditError) in
            let index = try plan.position(of: goal, in: plan.goals)
            _ = try plan.position(of: need, in: plan.needs)
            if linked {
                guard !plan.goals[index].needIDs.contains(need) else { throw PlanEditError("\(goal) is already linked to \(need)") }
                plan.goals[index].needIDs.append(need)
            } else {
                guard plan.goals[index].needIDs.contains(need) else { throw PlanEditError("\(goal) is not linked to \(need)") }
                plan.goals[index].needIDs.removeAll { $0 == need }
            }
            return "\(linked ? "link" : "unlink") \(goal) \(linked ? "to" : "from") \(need)"
        }
    }

    /// Links an action to a goal, or (with nil) unlinks it.
    public static func linkAction(_ action: EntryID, goal: EntryID?) -> PlanEdit {
        PlanEdit("link \(action)") { plan, _ throws(PlanEditError) in
            let index = try plan.position(of: action, in: plan.actions)
            if let goal { _ = try plan.position(of: goal, in: plan.goals) }
            plan.actions[index].goalID = goal
            return goal.map { "link \(action) to \($0)" } ?? "unlink \(action)"
        }
    }
}
