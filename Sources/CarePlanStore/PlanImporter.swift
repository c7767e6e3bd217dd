public import CarePlanCore
public import Foundation

/// The one way plan files come into the store, for the shell's `import` and `careplan import`
/// alike: the same checks, the same clock, and the same words for every problem.
///
/// Each file is read within its size limit and checked in full (format, every field, the
/// modules' rules) before anything is stored; an invalid file stores nothing.
public struct PlanImporter {
    /// A file that passed every check, ready to store.
    public typealias Accepted = PlanFileReader.Accepted

    /// The store plans go into.
    public let store: PlanStore
    /// The loaded modules, whose sections and rules are checked.
    public let plugins: PluginHost
    /// Who is importing.
    public let author: String
    /// The clock: revisions are stamped with it and "today" is judged by it.
    public let now: @Sendable () -> Date
    /// The day dates are judged against (dates of birth in the future...).
    public let today: CalendarDate

    /// An importer into `store`.
    public init(store: PlanStore, plugins: PluginHost, author: String, now: @escaping @Sendable () -> Date, today: CalendarDate) {
        self.store = store
        self.plugins = plugins
        self.author = author
        self.now = now
        self.today = today
    }

    /// Reads and checks one file, as `careplan validate` does.
    public func check(file: String, format: PlanFileFormat) -> PlanFileReader.Checked {
        PlanFileReader(plugins: plugins, today: today).check(file: file, format: format)
    }

    /// Stores accepted files in one transaction: a new plan becomes revision 1, a plan stored
    /// with the same bytes is left alone, and a different version of a stored plan becomes a
    /// new revision only when `replace` is true.
    public func store(_ accepted: [Accepted], replace: Bool) throws -> [ImportOutcome] {
        try store.importPlans(
            accepted.map(\.checked.plan), bodies: accepted.map(\.checked.canonical), author: author,
            at: now(), replace: replace)
    }

    /// Stores an accepted file as the next revision of its plan, only if the plan is still at
    /// `revision` (a read-modify-write from a script); otherwise `StoreError.conflict`.
    public func store(_ accepted: Accepted, onTopOf revision: Int) throws -> RevisionInfo {
        try store.commit(
            accepted.checked.plan, basedOn: revision, author: author,
            summary: "imported (on top of revision \(revision))", at: now())
    }

    // MARK: - The words

    /// A problem found in `file`, as one line: `FILE: FIELD: REASON`.
    public static func line(_ issue: ValidationIssue, in file: String) -> String {
        PlanFileReader.line(issue, in: file)
    }

    /// What happened to `file`, as one line, and whether it is an error.
    public static func line(_ outcome: ImportOutcome, for file: String) -> (text: String, isError: Bool) {
        let name = TerminalSafe.sanitize(file)
        switch outcome {
        case .stored(let revision):
            return ("\(name): stored as \(revision.planID) revision \(revision.number)", false)
        case .unchanged(let planID, let head):
            return ("\(name): unchanged (\(planID) revision \(head))", false)
        case .refused(.alreadyExists(let planID, let head)):
            return (
                "\(name): plan \(planID) is already stored (revision \(head)) with other content; "
                    + "import it with --replace to store it as a new revision", true
            )
        case .refused(let error):
            return ("\(name): \(error)", true)
        }
    }
}
