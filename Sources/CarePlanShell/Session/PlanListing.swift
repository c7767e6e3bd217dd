import CarePlanCore
package import CarePlanStore

/// Plans as a table staff can choose from: the date of birth tells two people with one name
/// apart. Shared by `plans`, the scripted `list`, and the choice offered when a name matches
/// several plans.
package enum PlanListing {
    /// The table, ending with a newline.
    package static func table(_ plans: [PlanSummary]) -> String {
        let rows = plans.map { summary in
            [
                summary.id, TerminalSafe.sanitize(summary.name), summary.dateOfBirth?.description ?? "-",
                summary.nhsNumber.flatMap(NHSNumber.init)?.formatted ?? "-", summary.status, String(summary.headRevision),
            ]
        }
        return TextTable(headers: ["ID", "NAME", "BORN", "NHS NUMBER", "STATUS", "REV"], rows: rows).render()
    }

    /// Every plan in the store as the same table, written a row at a time as it is read, so a
    /// caseload of any size lists in constant memory. Returns how many plans there were.
    @discardableResult
    package static func stream(_ store: PlanStore, write: (String) -> Void) throws -> Int {
        let widths = try store.listingWidths()
        let columns = [
            max(2, widths.id), max(4, widths.name), widths.anyDateOfBirth ? 10 : 4,
            widths.anyNHSNumber ? 12 : 10, max(6, widths.status),
        ]
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                text += index == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, columns[index] - cell.count) + 2)
            }
            return text + "\n"
        }
        write(line(["ID", "NAME", "BORN", "NHS NUMBER", "STATUS", "REV"]))
        var count = 0
        try store.forEachSummary { summary in
            count += 1
            write(
                line([
                    summary.id, TerminalSafe.sanitize(summary.name), summary.dateOfBirth?.description ?? "-",
                    summary.nhsNumber.flatMap(NHSNumber.init)?.formatted ?? "-", summary.status, String(summary.headRevision),
                ]))
        }
        return count
    }

    /// The choice shown when a look-up matches several plans: name, date of birth and id,
    /// without NHS numbers (the listing may be read out on the phone).
    package static func choices(_ plans: [PlanSummary]) -> String {
        let rows = plans.map { [$0.id, TerminalSafe.sanitize($0.name), $0.dateOfBirth?.description ?? "-"] }
        return TextTable(headers: ["ID", "NAME", "BORN"], rows: rows).render()
    }
}
