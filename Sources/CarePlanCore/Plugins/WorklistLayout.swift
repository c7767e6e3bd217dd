/// Where a kind of due item appears on the caseload worklist.
public enum WorklistPlacement: Sendable, Equatable {
    /// Something to do: under "Overdue", "Due today" or "Due this week" by its date.
    case work
    /// A group of its own, shown after the work groups: items due in `window`.
    case group(String, WorklistWindow)
    /// Not on the worklist: listed by `inbox`, oldest first (referrals received and not yet
    /// answered, due on the day they were received).
    case inbox
}

/// Which due dates a worklist group of its own shows, judged on the date alone.
public enum WorklistWindow: Sendable, Equatable {
    /// Due before today.
    case overdue
    /// Due this week (the next six days) or earlier.
    case byWeekEnd
    /// Due within the next `days` days or earlier: for limits that turn "at risk" that many
    /// days before they fall.
    case within(days: Int)
    /// Every item, whatever its date, earliest first: for lists nothing may drop out of, such
    /// as referrals still waiting for an outcome.
    case any
}

/// One group of the worklist as a query: its title, the kinds it holds and its dates.
public struct WorklistGroupQuery: Sendable, Equatable {
    /// "Overdue", "Reviews due"...
    public var title: String
    /// The kinds it holds.
    public var kinds: Set<DueItemKind>
    /// Due strictly after this day, if given.
    public var after: CalendarDate?
    /// Due on or before this day.
    public var through: CalendarDate

    /// A group of `kinds` due after `after` (if given) and on or before `through`.
    public init(title: String, kinds: Set<DueItemKind>, after: CalendarDate?, through: CalendarDate) {
        self.title = title
        self.kinds = kinds
        self.after = after
        self.through = through
    }
}

extension PluginHost {
    /// Where each declared kind goes: the core's own, then the modules'.
    public var worklistPlacements: [DueItemKind: WorklistPlacement] {
        var placements = CoreDueItems.placements
        for (kind, placement) in registrar.dueItemPlacements { placements[kind] = placement }
        return placements
    }

    /// The roles the loaded modules belong to, in module order, each once.
    public var roles: [String] {
        var seen: Set<String> = []
        return plugins.compactMap { type(of: $0).role }.filter { seen.insert($0).inserted }
    }

    /// The inbox: every item of an `.inbox` kind, oldest first; for one role's kinds when
    /// `role` is given.
    public func inboxGroup(role: String? = nil) -> WorklistGroupQuery {
        let kinds = worklistPlacements.filter { $0.value == .inbox }.map(\.key).filter { kind in
            guard let role else { return true }
            return self.role(of: kind).map { $0 == role } ?? true
        }
        return WorklistGroupQuery(title: "Inbox", kinds: Set(kinds), after: nil, through: CalendarDate.latest)
    }

    /// The role a kind of item belongs to: its module's, or the core's own for the kinds it
    /// keeps per role; nil for kinds every role sees.
    func role(of kind: DueItemKind) -> String? {
        if let module = registrar.dueItemModules[kind] {
            return plugins.first { type(of: $0).id == module }.flatMap { type(of: $0).role } ?? ""
        }
        return CoreDueItems.roles[kind]
    }

    /// The worklist's groups for one role: the core's items and those of the modules of
    /// `role`; groups left with no kind are dropped.
    public func worklistGroups(today: CalendarDate, role: String) -> [WorklistGroupQuery]? {
        worklistGroups(today: today)?.compactMap { group in
            var mine = group
            mine.kinds = group.kinds.filter { kind in self.role(of: kind).map { $0 == role } ?? true }
            return mine.kinds.isEmpty ? nil : mine
        }
    }

    /// The worklist's groups as of `today`: overdue, due today and due this week for the work
    /// kinds, then each group the core and the modules declared, in the order declared.
    /// Nil when `today` is too close to the ends of the calendar to count a week from.
    public func worklistGroups(today: CalendarDate) -> [WorklistGroupQuery]? {
        guard let yesterday = today.adding(days: -1), let weekEnd = today.adding(days: 6) else { return nil }
        let ordered = CoreDueItems.order + registrar.dueItemOrder
        let placements = worklistPlacements
        let work = Set(ordered.filter { placements[$0] == .work })
        var groups = [
            WorklistGroupQuery(title: "Overdue", kinds: work, after: nil, through: yesterday),
            WorklistGroupQuery(title: "Due today", kinds: work, after: yesterday, through: today),
            WorklistGroupQuery(title: "Due this week", kinds: work, after: today, through: weekEnd),
        ]
        for kind in ordered {
            guard case .group(let title, let window)? = placements[kind] else { continue }
            if let index = groups.firstIndex(where: { $0.title == title }) {
                groups[index].kinds.insert(kind)
                continue
            }
            let through: CalendarDate
            switch window {
            case .overdue: through = yesterday
            case .byWeekEnd: through = weekEnd
            case .within(let days):
                guard let last = today.adding(days: max(days, 0)) else { return nil }
                through = last
            case .any:
                through = CalendarDate.latest
            }
            groups.append(WorklistGroupQuery(title: title, kinds: [kind], after: nil, through: through))
        }
        return groups
    }
}
