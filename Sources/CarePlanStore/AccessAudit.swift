public import Foundation

/// What someone did with a plan, as the access audit records it (the NHS Care Record Guarantee:
/// a person may ask who has looked at their record).
public enum AccessAction: String, Sendable, CaseIterable {
    /// Opened in the shell.
    case open
    /// Shown in full or in part.
    case show
    /// Written out (plan JSON, FHIR, the person's document), alone or in a caseload export.
    case export
    /// Changed: a new revision (made, edited, imported, undone or restored).
    case change
    /// Shared with a partner organisation (the team store).
    case share
    /// Sharing with a partner organisation revoked (the team store).
    case unshare
}

/// One row of the access audit: who, when, which plan, what; never the plan's content.
public struct AccessRecord: Equatable, Sendable {
    /// When.
    public var at: Date
    /// Who (the author name the session or command ran as).
    public var who: String
    /// Which plan.
    public var planID: String
    /// What they did.
    public var action: AccessAction
    /// A few words more: the export format, the revision made. Never plan content.
    public var detail: String?
}

extension AccessRecord {
    /// How `who` is matched: any case, surrounding spaces ignored.
    static func whoKey(_ who: String) -> String {
        who.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
