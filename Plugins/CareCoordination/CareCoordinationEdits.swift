import CarePlanCore

/// The care coordination module's edits, built here rather than in its commands, so the same
/// change and checks serve any front end.
extension PlanEdit {
    /// Adds a coordination task; the referral it chases and the goal it serves must exist.
    static func addTask(
        _ title: String, owner: String, due: CalendarDate?, priority: TaskPriority, referral: EntryID?, goal: EntryID?
    ) -> PlanEdit {
        .section(CareCoordinationSection.self, "task") { section, plan, context throws(PlanEditError) in
            if let referral { _ = try plan.position(of: referral, in: plan.referrals) }
            if let goal { _ = try plan.position(of: goal, in: plan.goals) }
            let id = section.issueID("T")
            section.tasks.append(
                CoordinationTask(
                    id: id, title: title, owner: owner, dueOn: due, priority: priority, referralId: referral?.description,
                    goalId: goal?.description, createdOn: context.today))
            return "add task \(id)" + (due.map { " due \($0)" } ?? "")
        }
    }

    /// Moves a task on, dated `day` (the day of the edit when nil); reopening a closed task
    /// needs a note saying why.
    static func moveTask(_ id: String, to status: TaskStatus, note: String?, on day: CalendarDate?) -> PlanEdit {
        .section(CareCoordinationSection.self, "task \(id)") { section, _, context throws(PlanEditError) in
            guard let index = section.tasks.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no task \(id) in this plan") }
            var task = section.tasks[index]
            guard task.status != status else { throw PlanEditError("\(id) is already \(status.label)") }
            if task.status.isClosed, !status.isClosed, note == nil {
                throw PlanEditError("\(id) is \(task.status.label): reopening it needs --note saying why")
            }
            task.status = status
            task.history.append(TaskStatusChange(status: status, on: day ?? context.today, note: note))
            if status == .done, let note { task.completionNote = note }
            if !status.isClosed { task.completionNote = nil }
            section.tasks[index] = task
            return "task \(id) \(status.label)"
        }
    }

    /// Changes when a task is due (nil: no date), and who owns it when given.
    static func rescheduleTask(_ id: String, due: CalendarDate?, owner: String?) -> PlanEdit {
        .section(CareCoordinationSection.self, "task \(id)") { section, _, _ throws(PlanEditError) in
            guard let index = section.tasks.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no task \(id) in this plan") }
            section.tasks[index].dueOn = due
            if let owner { section.tasks[index].owner = owner }
            return "task \(id) due \(due?.description ?? "(none)")"
        }
    }

    /// Starts tracking an appointment or test.
    static func track(_ what: String, place: String?, on: CalendarDate?, status: TrackedStatus) -> PlanEdit {
        .section(CareCoordinationSection.self, "track") { section, _, context in
            let id = section.issueID("K")
            section.tracked.append(
                TrackedItem(id: id, what: what, place: place, on: on, status: status, history: [TrackedStatusChange(status: status, on: context.today)]))
            return "track \(id): \(what)"
        }
    }

    /// Moves a tracked item on. Booking steps are dated the day they were made and put the
    /// appointment day (`on`) on the item; other steps are dated the day they happened.
    static func moveTracked(_ id: String, to status: TrackedStatus, on: CalendarDate?) -> PlanEdit {
        .section(CareCoordinationSection.self, "track \(id)") { section, _, context throws(PlanEditError) in
            guard let index = section.tracked.firstIndex(where: { $0.id == id }) else {
                throw PlanEditError("there is no tracked item \(id) in this plan")
            }
            let item = section.tracked[index]
            guard item.status.allowedNext.contains(status) else {
                let next = item.status.allowedNext.map(\.rawValue).joined(separator: ", ")
                throw PlanEditError("\(id) is \(item.status.label); it can move to \(next.isEmpty ? "nothing further" : next)")
            }
            let stepDay = status.isBooking ? context.today : (on ?? context.today)
            section.tracked[index].status = status
            section.tracked[index].history.append(TrackedStatusChange(status: status, on: stepDay))
            if status.isBooking, let on { section.tracked[index].on = on }
            return "\(id) \(status.label)"
        }
    }
}
