/// One change to a plan, as a value: a one-line summary and a pure function that applies it.
///
/// The shell, batch scripts, importers and tests all change plans through edits, so they all
/// follow the same rules. Applying an edit never touches the store; the caller validates the
/// result and commits it as a revision.
public struct PlanEdit: Sendable {
    /// What the change does, for the revision history ("add goal G3").
    public var summary: String
    private let change: @Sendable (inout Plan, EditContext) throws(PlanEditError) -> String

    /// An edit from a closure that changes the plan and returns the summary of what it did
    /// (which can name ids issued while applying, such as "add goal G3").
    public init(_ summary: String, _ change: @escaping @Sendable (inout Plan, EditContext) throws(PlanEditError) -> String) {
        self.summary = summary
        self.change = change
    }

    /// Applies the edit to a copy of `plan`; the original is untouched if it throws.
    /// - Returns: the changed plan and the summary of what was done.
    public func apply(to plan: Plan, context: EditContext) throws(PlanEditError) -> (plan: Plan, summary: String) {
        var copy = plan
        let done = try change(&copy, context)
        copy.lastUpdated = context.today
        return (copy, done)
    }
}

/// What an edit may need to know about the moment it is made.
public struct EditContext: Sendable {
    /// The day the edit is made: stamps status changes, notes and `lastUpdated`.
    public var today: CalendarDate
    /// Who is making it.
    public var author: String

    /// A context for `today` and `author`.
    public init(today: CalendarDate, author: String) {
        self.today = today
        self.author = author
    }
}

/// Why an edit could not be applied. The plan is unchanged.
public struct PlanEditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One line saying what is wrong and what to do.
    public var message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
