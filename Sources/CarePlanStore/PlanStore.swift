public import Foundation
public import CarePlanCore

/// Every plan, every revision of it, and indexes to find it: one interface over two engines,
/// SQLite (a file, for one person on one machine) and PostgreSQL (the team store).
///
/// Each change is a new revision, committed at once in its own transaction. A commit names
/// the revision it was based on; if someone else committed in between, it fails with
/// `StoreError.conflict` and nothing is written. The store never judges plan content:
/// callers validate before they commit.
public final class PlanStore: Sendable {
    let engine: any StoreEngine

    /// Opens the SQLite store at `path`, creating it (mode 0600) and its folder if needed, and
    /// bringing its tables up to date.
    ///
    /// - Parameter dueItems: how to list each plan's due items for the worklist index (the
    ///   core's alone unless modules are given); when the sources it covers differ from those
    ///   the index was built with, the index is rebuilt, so it never goes stale.
    public convenience init(path: String, dueItems: DueItemIndex = .coreOnly) throws(StoreError) {
        self.init(engine: try SQLiteEngine(path: path, dueItems: dueItems))
    }

    /// Opens the store `address` names: a file path (SQLite) or a `postgresql://` address (the
    /// team store, whose schema must already have been made with `careplan store init`).
    public convenience init(
        address: StoreAddress, dueItems: DueItemIndex = .coreOnly, environment: [String: String] = [:]
    ) throws(StoreError) {
        switch address {
        case .file(let path): self.init(engine: try SQLiteEngine(path: path, dueItems: dueItems))
        case .postgres(let server): self.init(engine: try PostgresEngine(server, dueItems: dueItems, environment: environment))
        }
    }

    init(engine: any StoreEngine) {
        self.engine = engine
    }

    /// Where the store is, safe to show (a file path, or a PostgreSQL address without its password).
    public var path: String { engine.location }
    /// A folder on this machine for the user's own files beside the store (a module's services
    /// directory): the store's folder for a file, the careplan data folder for a server.
    public var localFolder: String { engine.localFolder }
    /// True when changes are refused: the file is read-only, or the login may only read.
    public var isReadOnly: Bool { engine.isReadOnly }
    /// The team store's own operations (identity, organisations, sharing); nil for a file.
    public var team: TeamStore? { (engine as? PostgresEngine).map(TeamStore.init) }

    // MARK: - Writing

    /// Stores a new plan as revision 1.
    @discardableResult
    public func create(_ plan: Plan, author: String, summary: String, at instant: Date) throws -> RevisionInfo {
        try engine.create(plan, author: author, summary: summary, at: instant)
    }

    /// Stores `plan` as the next revision, provided the newest revision is still `basedOn`.
    ///
    /// On the team store the author is the login's staff name, whatever `author` says.
    /// - Parameter body: the plan's canonical bytes when the caller already has them
    ///   (`PlanJSON.encode(_:reusing:)` makes them from the last version's); otherwise they are
    ///   encoded here.
    /// - Throws: `StoreError.conflict` when another commit came first; nothing is written.
    @discardableResult
    public func commit(
        _ plan: Plan, body: Data? = nil, basedOn: Int, author: String, summary: String, at instant: Date
    ) throws -> RevisionInfo {
        try engine.commit(
            plan, body: body ?? PlanJSON.encode(plan), basedOn: basedOn, author: author, summary: summary, at: instant)
    }

    /// Imports plans in one transaction: new plans become revision 1; a plan already stored
    /// with the same bytes is left alone; a different version of a stored plan becomes a new
    /// revision only when `replace` is true.
    ///
    /// - Parameter bodies: the plans' canonical bytes when the caller already has them
    ///   (`PlanJSON.check` returns them); otherwise they are encoded here.
    public func importPlans(
        _ plans: [Plan], bodies: [Data]? = nil, author: String, at instant: Date, replace: Bool
    ) throws -> [ImportOutcome] {
        try engine.importPlans(plans, bodies: bodies, author: author, at: instant, replace: replace)
    }

    // MARK: - Reading

    /// The newest revision of a plan.
    public func load(_ planID: String) throws -> StoredPlan { try engine.load(planID) }

    /// One revision of a plan.
    public func load(_ planID: String, revision number: Int) throws -> StoredPlan {
        try engine.load(planID, revision: number)
    }

    /// The newest revision of a plan, without reading the plan: to tell whether a copy is stale.
    public func headRevision(of planID: String) throws -> RevisionInfo { try engine.headRevision(of: planID) }

    /// Every revision of a plan, oldest first.
    public func history(of planID: String) throws -> [RevisionInfo] { try engine.history(of: planID) }

    /// Every plan, by name then id.
    public func list() throws -> [PlanSummary] {
        var summaries: [PlanSummary] = []
        try engine.forEachSummary { summaries.append($0) }
        return summaries
    }

    /// Calls `body` with each plan's summary, by name then id, one at a time: a listing of any
    /// size in constant memory.
    public func forEachSummary(_ body: (PlanSummary) throws -> Void) throws { try engine.forEachSummary(body) }

    /// How wide a listing's columns must be (the longest id, name and status, and whether any
    /// plan has a date of birth or an NHS number), so a streamed listing lines up as a table
    /// built from every row would.
    public func listingWidths() throws -> ListingWidths { try engine.listingWidths() }

    /// Calls `body` with each plan's newest revision, one at a time, in id order, without
    /// holding them all in memory.
    public func forEachPlan(_ body: (StoredPlan) throws -> Void) throws { try engine.forEachPlan(body) }

    /// Calls `body` with each plan's id and the canonical JSON of its newest revision, in id
    /// order, one at a time and without decoding: for exporting a whole caseload.
    public func forEachPlanBody(_ body: (String, Data) throws -> Void) throws { try engine.forEachPlanBody(body) }

    /// How many plans are stored.
    public func count() throws -> Int { try engine.count() }

    /// Plans matching `query`: a plan id (any case), an NHS number (spaces allowed), a date
    /// of birth (2026-12-31 or 31/12/2026), a phone number, a postcode or its outward part
    /// (HX7), or the start of the person's name or of any later word of it, ignoring case and
    /// accents.
    ///
    /// Matches come back in order of name, at most `limit` of them; ask for one more than you
    /// will show to know whether there were more.
    public func find(_ query: String, limit: Int = 50) throws -> [PlanSummary] { try engine.find(query, limit: limit) }

    /// Plans for a person with this name (ignoring case, accents and punctuation) and date of
    /// birth: to warn before a second plan is made for one person.
    public func plans(named name: String, bornOn dateOfBirth: CalendarDate) throws -> [PlanSummary] {
        try engine.plans(named: name, bornOn: dateOfBirth)
    }

    /// Plans whose id, or NHS number (digits), starts with `prefix`: for completion.
    public func plans(withIDOrNumberPrefix prefix: String, limit: Int = 50) throws -> [PlanSummary] {
        try engine.plans(withIDOrNumberPrefix: prefix, limit: limit)
    }

    /// The one plan `query` names.
    /// - Throws: `StoreError.notFound` or `StoreError.ambiguous`.
    public func resolve(_ query: String) throws -> PlanSummary {
        // "Ada Lovelace (CP-7K3Q9M2A)", as completion offers it, names the plan by its id.
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(")"), let open = trimmed.range(of: " (CP-", options: .backwards) {
            let id = String(trimmed[trimmed.index(after: open.lowerBound)...].dropFirst().dropLast())
            if let match = try find(id, limit: 1).first, match.id.caseInsensitiveCompare(id) == .orderedSame { return match }
        }
        let matches = try find(query, limit: 20)
        guard let first = matches.first else { throw StoreError.notFound(query: query) }
        guard matches.count == 1 else { throw StoreError.ambiguous(query: query, candidates: matches) }
        return first
    }

    /// Checks the store's own consistency; returns "ok" when it is sound.
    public func integrityCheck() throws -> String { try engine.integrityCheck() }

    // MARK: - Worklist

    /// How many open due items `group` holds, optionally for one owner (ignoring case): from
    /// the index, so no plan is decoded.
    public func dueItemTotal(_ group: WorklistGroupQuery, owner: String? = nil, includeUnowned: Bool = false) throws -> Int {
        guard !group.kinds.isEmpty else { return 0 }
        return try engine.dueItemTotal(group, owner: owner, includeUnowned: includeUnowned)
    }

    /// Calls `body` with the first `limit` open due items of `group`, earliest first, one at a
    /// time as they are read: a worklist of any length in constant memory.
    public func forEachDueItem(
        _ group: WorklistGroupQuery, owner: String? = nil, includeUnowned: Bool = false, limit: Int,
        _ body: (WorklistEntry) throws -> Void
    ) throws {
        guard !group.kinds.isEmpty, limit > 0 else { return }
        try engine.forEachDueItem(group, owner: owner, includeUnowned: includeUnowned, limit: limit, body)
    }

    // MARK: - Access audit

    /// Records that `who` did `action` to each of `planIDs`, in one transaction. On the team
    /// store the database records the login, whatever `who` says.
    /// - Returns: false when the store is read-only, so nothing could be recorded.
    @discardableResult
    public func recordAccess(_ action: AccessAction, to planIDs: [String], by who: String, at instant: Date, detail: String? = nil) throws -> Bool {
        try engine.recordAccess(action, to: planIDs, by: who, at: instant, detail: detail)
    }

    /// Replaces the postcode-to-IMD-decile lookup with `lookup`, entirely or not at all.
    /// On the team store only a manager or an admin may.
    public func replaceDeprivationLookup(_ lookup: DeprivationLookup) throws { try engine.replaceDeprivationLookup(lookup) }

    /// The IMD decile of each of `postcodes` (as `UKPostcode.normalized` writes them) that the
    /// lookup holds; postcodes it does not hold are left out.
    public func deprivationDeciles(of postcodes: [String]) throws -> [String: Int] { try engine.deprivationDeciles(of: postcodes) }

    /// The IMD decile of every plan whose postcode the lookup holds, by plan id: one query,
    /// for a report over the whole caseload.
    public func planDeciles() throws -> [String: Int] { try engine.planDeciles() }

    /// Every plan for a report: `visit` is given its id and stored `ReportDigest` (nil when it
    /// has none yet) and answers whether the report needs the plan itself; if so, `decoded` is
    /// given its head revision's bytes (perhaps later, in another order).
    public func forEachReportRow(_ visit: (String, String?) throws -> Bool, decoded: (String, Data) throws -> Void) throws {
        try engine.forEachReportRow(visit, decoded: decoded)
    }

    /// How many postcodes the lookup holds.
    public func deprivationLookupSize() throws -> Int { try engine.deprivationLookupSize() }

    /// Everyone who opened, showed, exported or changed `planID`, oldest first.
    public func accessRecords(of planID: String) throws -> [AccessRecord] { try engine.accessRecords(of: planID) }

    /// What `who` did (any case), oldest first, from `since` on when given.
    public func accessRecords(by who: String, since: Date? = nil) throws -> [AccessRecord] {
        try engine.accessRecords(by: who, since: since)
    }
}
