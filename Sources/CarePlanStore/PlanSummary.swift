public import Foundation
public import CarePlanCore

/// What a listing shows of a plan without loading it.
public struct PlanSummary: Sendable, Hashable, Codable {
    /// Plan id.
    public var id: String
    /// The person's name.
    public var name: String
    /// The person's NHS number (10 digits), if recorded.
    public var nhsNumber: String?
    /// The person's date of birth, if recorded: to tell two people with one name apart.
    public var dateOfBirth: CalendarDate?
    /// The plan's status.
    public var status: String
    /// The newest revision number.
    public var headRevision: Int
    /// When the newest revision was committed.
    public var updatedAt: Date
}

/// One kept version of a plan: who made it, when, and why.
public struct RevisionInfo: Sendable, Hashable, Codable {
    /// The plan it belongs to.
    public var planID: String
    /// 1 for the first version, then 2, 3...
    public var number: Int
    /// Who committed it.
    public var author: String
    /// When it was committed.
    public var createdAt: Date
    /// One line saying what changed.
    public var summary: String
}

/// A plan as stored at one revision.
public struct StoredPlan: Sendable {
    /// The plan.
    public var plan: Plan
    /// The revision it was read from.
    public var revision: RevisionInfo
    /// The canonical JSON bytes of that revision.
    public var body: Data
}

/// What happened to one plan in an import.
public enum ImportOutcome: Sendable, Equatable {
    /// Stored as a new plan (revision 1) or, with replace, as a new revision.
    case stored(RevisionInfo)
    /// The store already holds exactly this plan; nothing was written.
    case unchanged(planID: String, head: Int)
    /// Refused: the plan exists and replacing was not asked for.
    case refused(StoreError)
}

/// One line of the caseload worklist: a due item and the plan it is in.
public struct WorklistEntry: Sendable, Hashable {
    /// The plan's id.
    public var planID: String
    /// The person's name.
    public var name: String
    /// What falls due.
    public var item: DueItem
}

/// The widths a listing of every plan needs, read without reading the plans.
public struct ListingWidths: Sendable, Equatable {
    /// The longest plan id.
    public var id: Int
    /// The longest name.
    public var name: Int
    /// The longest status.
    public var status: Int
    /// True if any plan records a date of birth.
    public var anyDateOfBirth: Bool
    /// True if any plan records an NHS number.
    public var anyNHSNumber: Bool
}
