import CarePlanCore
import Foundation

/// What an engine must do for `PlanStore`. SQLite and PostgreSQL each implement it; everything
/// built on top (resolving a query, listing, the shell's merging) is shared.
///
/// Every write is one transaction, committed before the call returns: a returned
/// `RevisionInfo` is an acknowledged, durable change.
protocol StoreEngine: AnyObject, Sendable {
    /// Where the store is, safe to show: a file path, or a PostgreSQL address without any password.
    var location: String { get }
    /// A folder on this machine for files of the user's own (a module's services directory).
    var localFolder: String { get }
    /// True when changes are refused (a read-only file, a partner organisation's login).
    var isReadOnly: Bool { get }

    func create(_ plan: Plan, author: String, summary: String, at instant: Date) throws -> RevisionInfo
    /// Stores `plan`, whose canonical bytes are `body`, as the next revision after `basedOn`.
    func commit(_ plan: Plan, body: Data, basedOn: Int, author: String, summary: String, at instant: Date) throws -> RevisionInfo
    func importPlans(_ plans: [Plan], bodies: [Data]?, author: String, at instant: Date, replace: Bool) throws -> [ImportOutcome]

    func load(_ planID: String) throws -> StoredPlan
    func load(_ planID: String, revision number: Int) throws -> StoredPlan
    func headRevision(of planID: String) throws -> RevisionInfo
    func history(of planID: String) throws -> [RevisionInfo]

    func forEachSummary(_ body: (PlanSummary) throws -> Void) throws
    func listingWidths() throws -> ListingWidths
    func forEachPlan(_ body: (StoredPlan) throws -> Void) throws
    func forEachPlanBody(_ body: (String, Data) throws -> Void) throws
    func count() throws -> Int
    func find(_ query: String, limit: Int) throws -> [PlanSummary]
    func plans(named name: String, bornOn dateOfBirth: CalendarDate) throws -> [PlanSummary]
    func plans(withIDOrNumberPrefix prefix: String, limit: Int) throws -> [PlanSummary]
    func integrityCheck() throws -> String

    func replaceDeprivationLookup(_ lookup: DeprivationLookup) throws
    func deprivationDeciles(of postcodes: [String]) throws -> [String: Int]
    func deprivationLookupSize() throws -> Int
    func planDeciles() throws -> [String: Int]
    func forEachReportRow(_ visit: (String, String?) throws -> Bool, decoded: (String, Data) throws -> Void) throws

    func dueItemTotal(_ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool) throws -> Int
    func forEachDueItem(
        _ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool, limit: Int,
        _ body: (WorklistEntry) throws -> Void
    ) throws

    func recordAccess(_ action: AccessAction, to planIDs: [String], by who: String, at instant: Date, detail: String?) throws -> Bool
    func accessRecords(of planID: String) throws -> [AccessRecord]
    func accessRecords(by who: String, since: Date?) throws -> [AccessRecord]
}
