package import CarePlanCore
package import CarePlanStore

/// The caseload worklist across every plan: the groups the core and the modules declare, each
/// read from the store's due-item index, so no plan is decoded.
///
/// A group's page is measured for its columns before it is written: held when it is of the
/// usual size, read a second time when it is longer, so even `--limit 100000` holds one row
/// at a time.
package struct CaseloadWorklist {
    /// The store it reads.
    package let store: PlanStore
    /// The groups, in order.
    package let groups: [WorklistGroupQuery]
    /// The day it is judged on.
    package let today: CalendarDate
    /// Only items for this person (ignoring case), if given.
    package let owner: String?
    /// With `owner`: items no one owns too (`worklist --mine`).
    package let includeUnowned: Bool
    /// At most this many lines per group.
    package let limit: Int

    /// The worklist of `store` as of `today`, with the groups `plugins` declare.
    /// - Throws: `ShellError` when `today` is too close to the ends of the calendar.
    package init(
        store: PlanStore, plugins: PluginHost, today: CalendarDate, owner: String?, includeUnowned: Bool = false, role: String? = nil,
        limit: Int
    ) throws(ShellError) {
        guard let groups = role.map({ plugins.worklistGroups(today: today, role: $0) }) ?? plugins.worklistGroups(today: today) else {
            throw ShellError("worklist: \(today) is too close to the ends of the calendar")
        }
        self.store = store
        self.groups = groups
        self.today = today
        self.owner = owner
        self.includeUnowned = includeUnowned
        self.limit = limit
    }

    /// How many items each group holds in all, in group order.
    package func totals() throws -> [Int] {
        try groups.map { try store.dueItemTotal($0, owner: owner, includeUnowned: includeUnowned) }
    }

    private static let headers = ["DUE", "PLAN", "NAME", "ID", "WHAT", "OWNER"]

    /// Pages up to this many rows are read once and held; longer ones are read twice.
    static let keptRows = 1_000

    private static func cells(_ entry: WorklistEntry) -> [String] {
        [
            entry.item.dueOn.description, entry.planID, TerminalSafe.sanitize(entry.name), entry.item.entryID,
            TerminalSafe.sanitize(entry.item.title), TerminalSafe.sanitize(entry.item.owner ?? "-"),
        ]
    }

    /// Writes the worklist for a terminal `width` columns wide, a line at a time.
    /// Returns how many items there are in all.
    @discardableResult
    package func write(width: Int = 80, to write: (String) -> Void) throws -> Int {
        let whose = owner.map { " (owner: \(TerminalSafe.sanitize($0))" + (includeUnowned ? ", and items no one owns)" : ")") } ?? ""
        write("Worklist for \(today)\(whose)\n")
        var all = 0
        for group in groups {
            let total = try store.dueItemTotal(group, owner: owner, includeUnowned: includeUnowned)
            all += total
            write("\n\(group.title) (\(total))\n")
            guard total > 0 else {
                write("  none\n")
                continue
            }
            var columns = TextTable.Columns(headers: Self.headers)
            var shown = 0
            // A page of the usual size is read once and kept; a long one is read again to be
            // written, so memory stays bounded whatever the limit.
            var kept: [[String]] = []
            let keeping = limit <= Self.keptRows
            try store.forEachDueItem(group, owner: owner, includeUnowned: includeUnowned, limit: limit) { entry in
                let cells = Self.cells(entry)
                columns.measure(cells)
                if keeping { kept.append(cells) }
                shown += 1
            }
            // Fits the width with the two-space indent: the owner, the name, then what give way.
            let fitted = columns.fitted(maxWidth: width - 2, shrinkable: [(5, 10), (2, 12), (4, 10)])
            write("  " + fitted.line(Self.headers))
            if keeping {
                for cells in kept { write("  " + fitted.line(cells)) }
            } else {
                try store.forEachDueItem(group, owner: owner, includeUnowned: includeUnowned, limit: shown) { entry in
                    write("  " + fitted.line(Self.cells(entry)))
                }
            }
            if total > shown {
                write("  ... and \(total - shown) more (use --limit or --owner)\n")
            }
        }
        return all
    }
}
