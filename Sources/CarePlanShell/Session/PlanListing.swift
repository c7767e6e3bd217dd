public import CarePlanCore
public import CarePlanStore

/// Plans as a table staff can choose from: the date of birth tells two people with one name
/// apart. Shared by `plans`, the scripted `list`, and the choice offered when a name matches
/// several plans.
public enum PlanListing {
    /// The table, ending with a newline.
    public static func table(_ plans: [PlanSummary]) -> String {
        let rows = plans.map { summary in
            [summary.id, TerminalSafe.sanitize(summary.name), summary.dateOfBirth?.description ?? "-",
             summary.nhsNumber.flatMap(NHSNumber.init)?.formatted ?? "-", summary.status, String(summary.headRevision)]
        }
        return TextTable(headers: ["ID", "NAME", "BORN", "NHS NUMBER", "STATUS", "REV"], rows: rows).render()
    }

    /// The choice shown when a look-up matches several plans: name, date of birth and id,
    /// without NHS numbers (the listing may be read out on the phone).
    public static func choices(_ plans: [PlanSummary]) -> String {
        let rows = plans.map { [$0.id, TerminalSafe.sanitize($0.name), $0.dateOfBirth?.description ?? "-"] }
        return TextTable(headers: ["ID", "NAME", "BORN"], rows: rows).render()
    }
}
