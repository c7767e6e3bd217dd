package import CarePlanCore
package import CarePlanStore

/// The inbox: referrals received and not yet answered, across every plan, oldest first, with
/// how many days each has waited. Read from the store's due-item index, a row at a time.
package struct Inbox {
    /// The store it reads.
    package let store: PlanStore
    /// The inbox kinds to list (every service's, or one role's).
    package let group: WorklistGroupQuery
    /// The day waiting is counted to.
    package let today: CalendarDate
    /// At most this many lines.
    package let limit: Int

    private static let headers = ["RECEIVED", "DAYS", "PLAN", "NAME", "ID", "WHAT"]

    private func cells(_ entry: WorklistEntry) -> [String] {
        [
            entry.item.dueOn.description, String(max(0, entry.item.dueOn.days(until: today))), entry.planID,
            TerminalSafe.sanitize(entry.name), entry.item.entryID, TerminalSafe.sanitize(entry.item.title),
        ]
    }

    /// Writes the inbox for a terminal `width` columns wide; returns how many referrals wait.
    @discardableResult
    package func write(width: Int = 80, to write: (String) -> Void) throws -> Int {
        let total = try store.dueItemTotal(group)
        write("Inbox for \(today): \(total) referral\(total == 1 ? "" : "s") waiting for an answer\n")
        guard total > 0 else { return 0 }
        var columns = TextTable.Columns(headers: Self.headers)
        var shown = 0
        try store.forEachDueItem(group, limit: limit) { entry in
            columns.measure(cells(entry))
            shown += 1
        }
        let fitted = columns.fitted(maxWidth: width - 2, shrinkable: [(5, 16), (3, 12)])
        write("  " + fitted.line(Self.headers))
        try store.forEachDueItem(group, limit: shown) { entry in write("  " + fitted.line(cells(entry))) }
        if total > shown { write("  ... and \(total - shown) more (use --limit or --role)\n") }
        return total
    }
}
