import Foundation
import CarePlanCore
import GRDB

/// The embedded engine (SQLite, through GRDB): one file for one person on one machine.
///
/// Each change is a new revision, committed at once in its own IMMEDIATE transaction, so the
/// head a commit checks cannot change under it.
final class SQLiteEngine: StoreEngine {
    let pool: DatabasePool
    private let dueItems: DueItemIndex
    /// Where the store file is.
    let path: String
    var location: String { path }
    var localFolder: String { FilePathText.folder(of: path) }
    /// True when the store file can be read but not written: changes are refused.
    let isReadOnly: Bool
    /// Moves the write-ahead log into the file after commits, off their path.
    let checkpointer: BackgroundCheckpointer

    /// Opens the store at `path`, creating it (mode 0600) and its folder if needed, and
    /// bringing its tables up to date.
    ///
    /// - Parameter dueItems: how to list each plan's due items for the worklist index (the
    ///   core's alone unless modules are given); when the sources it covers differ from those
    ///   the index was built with, the index is rebuilt, so it never goes stale.
    init(path: String, dueItems: DueItemIndex) throws(StoreError) {
        self.path = path
        self.dueItems = dueItems
        self.checkpointer = BackgroundCheckpointer(path: path)
        // A store the user may read but not write (a copy handed over, a file made read-only)
        // still opens for reading: list, show and export work; a change says why it cannot.
        isReadOnly = FileManager.default.fileExists(atPath: path) && access(path, W_OK) != 0
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            if isReadOnly {
                configuration.readonly = true
            } else {
                try StoreFile.prepare(path: path)
                configuration.prepareDatabase { db in
                    // 16 MiB of pages (SQLite's default is 2 MiB): an import of thousands of
                    // plans keeps its indexes' pages in memory instead of reading them again.
                    try db.execute(sql: "PRAGMA cache_size = -16384")
                    // The log is checkpointed in the background, not by the commit that fills it.
                    try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
                }
            }
            try Self.refuseNewerSchema(path: path)
            pool = try DatabasePool(path: path, configuration: configuration)
            if isReadOnly {
                let pending = try pool.read { db in try !SQLiteSchema.migrator.hasCompletedMigrations(db) }
                if pending {
                    throw StoreError.cannotOpen(
                        path: path,
                        reason: "it is read-only and was made by an older careplan; "
                            + "open it once with write access to bring it up to date")
                }
                return
            }
            // FULL: an acknowledged commit survives power loss as well as a killed process. Set
            // here, not in prepareDatabase: the pool turns on WAL after preparing its writer and
            // sets NORMAL as it does, which syncs the log only at checkpoints.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try SQLiteSchema.migrator.migrate(pool)
            try Self.rebuildIndexIfNeeded(dueItems, pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    // MARK: - Writing

    /// Stores a new plan as revision 1.
    func create(_ plan: Plan, author: String, summary: String, at instant: Date) throws -> RevisionInfo {
        try immediateWrite { db in
            if let head = try Self.head(of: plan.id, db) {
                throw StoreError.alreadyExists(planID: plan.id, head: head.number)
            }
            try Self.checkIDIsFree(for: plan, db)
            try Self.checkNHSNumberIsFree(for: plan, db)
            return try self.insert(
                plan, body: PlanJSON.encode(plan), number: 1, author: author,
                summary: summary, at: instant, db)
        }
    }

    /// Stores `plan` as the next revision, provided the newest revision is still `basedOn`.
    ///
    /// - Throws: `StoreError.conflict` when another commit came first; nothing is written.
    func commit(_ plan: Plan, body: Data, basedOn: Int, author: String, summary: String, at instant: Date) throws -> RevisionInfo {
        try immediateWrite { db in
            guard let head = try Self.head(of: plan.id, db) else {
                throw StoreError.notFound(query: plan.id)
            }
            guard head.number == basedOn else {
                throw StoreError.conflict(planID: plan.id, basedOn: basedOn, head: head.number, headAuthor: head.author)
            }
            try Self.checkNHSNumberIsFree(for: plan, db)
            return try self.insert(
                plan, body: body, number: basedOn + 1, author: author,
                summary: summary, at: instant, db)
        }
    }

    /// Imports plans in one transaction: new plans become revision 1; a plan already stored
    /// with the same bytes is left alone; a different version of a stored plan becomes a new
    /// revision only when `replace` is true.
    ///
    /// - Parameter bodies: the plans' canonical bytes when the caller already has them
    ///   (`PlanJSON.check` returns them); otherwise they are encoded here.
    func importPlans(
        _ plans: [Plan], bodies: [Data]? = nil, author: String, at instant: Date,
        replace: Bool
    ) throws -> [ImportOutcome] {
        try immediateWrite { db in
            var outcomes: [ImportOutcome] = []
            for (index, plan) in plans.enumerated() {
                let body = bodies.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? PlanJSON.encode(plan)
                if let holder = try Self.otherHolder(of: plan, db) {
                    outcomes.append(.refused(.duplicateNHSNumber(planID: plan.id, heldBy: holder)))
                    continue
                }
                if let twin = try Self.sameIDInOtherCase(as: plan.id, db) {
                    outcomes.append(.refused(.idInOtherCase(planID: plan.id, existing: twin)))
                    continue
                }
                if let head = try Self.head(of: plan.id, db) {
                    let headBody = try Data.fetchOne(
                        db, sql: "SELECT body FROM revision WHERE planId = ? AND number = ?",
                        arguments: [plan.id, head.number])
                    if headBody == body {
                        outcomes.append(.unchanged(planID: plan.id, head: head.number))
                    } else if replace {
                        outcomes.append(
                            .stored(
                                try self.insert(
                                    plan, body: body, number: head.number + 1, author: author,
                                    summary: "imported (replacing revision \(head.number))", at: instant, db)))
                    } else {
                        outcomes.append(.refused(.alreadyExists(planID: plan.id, head: head.number)))
                    }
                } else {
                    outcomes.append(
                        .stored(
                            try self.insert(
                                plan, body: body, number: 1, author: author,
                                summary: "imported", at: instant, db)))
                }
            }
            return outcomes
        }
    }

    // MARK: - Reading

    /// The newest revision of a plan.
    func load(_ planID: String) throws -> StoredPlan {
        try pool.read { db in
            guard let head = try Self.head(of: planID, db) else { throw StoreError.notFound(query: planID) }
            return try Self.revision(planID, head.number, db)
        }
    }

    /// The newest revision of a plan, without reading the plan: to tell whether a copy is stale.
    func headRevision(of planID: String) throws -> RevisionInfo {
        try pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.planId, r.number, r.author, r.createdAt, r.summary FROM plan p
                        JOIN revision r ON r.planId = p.id AND r.number = p.headRevision WHERE p.id = ?
                        """, arguments: [planID])
            else { throw StoreError.notFound(query: planID) }
            return Self.revisionInfo(row)
        }
    }

    /// One revision of a plan.
    func load(_ planID: String, revision number: Int) throws -> StoredPlan {
        try pool.read { db in try Self.revision(planID, number, db) }
    }

    /// Every revision of a plan, oldest first.
    func history(of planID: String) throws -> [RevisionInfo] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT planId, number, author, createdAt, summary FROM revision
                    WHERE planId = ? ORDER BY number
                    """, arguments: [planID])
            guard !rows.isEmpty else { throw StoreError.notFound(query: planID) }
            return rows.map(Self.revisionInfo)
        }
    }

    /// Calls `body` with each plan's summary, by name then id, one at a time: a listing of any
    /// size in constant memory.
    func forEachSummary(_ body: (PlanSummary) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM plan ORDER BY displayName COLLATE NOCASE, id")
            while let row = try cursor.next() { try body(Self.summary(row)) }
        }
    }

    /// How wide a listing's columns must be (the longest id, name and status, and whether any
    /// plan has a date of birth or an NHS number), so a streamed listing lines up as a table
    /// built from every row would.
    func listingWidths() throws -> ListingWidths {
        try pool.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT max(length(id)), max(length(displayName)), max(length(status)),
                           max(dateOfBirth IS NOT NULL), max(nhsNumber IS NOT NULL) FROM plan
                    """)
            return ListingWidths(
                id: row?[0] ?? 0, name: row?[1] ?? 0, status: row?[2] ?? 0,
                anyDateOfBirth: (row?[3] ?? 0) == 1, anyNHSNumber: (row?[4] ?? 0) == 1)
        }
    }

    /// Calls `body` with each plan's newest revision, one at a time, in id order, without
    /// holding them all in memory.
    func forEachPlan(_ body: (StoredPlan) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.planId, r.number, r.author, r.createdAt, r.summary, r.body
                    FROM plan p JOIN revision r ON r.planId = p.id AND r.number = p.headRevision
                    ORDER BY p.id
                    """)
            while let row = try cursor.next() {
                try body(try Self.storedPlan(row))
            }
        }
    }

    /// Calls `body` with each plan's id and the canonical JSON of its newest revision, in id
    /// order, one at a time and without decoding: for exporting a whole caseload.
    func forEachPlanBody(_ body: (String, Data) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT p.id, r.body FROM plan p JOIN revision r ON r.planId = p.id AND r.number = p.headRevision ORDER BY p.id
                    """)
            while let row = try cursor.next() {
                try body(row["id"], row["body"])
            }
        }
    }

    /// How many plans are stored.
    func count() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plan") ?? 0 }
    }

    /// Plans matching `query`: a plan id (any case), an NHS number (spaces allowed), a date
    /// of birth (2026-12-31 or 31/12/2026), a phone number, a postcode or its outward part
    /// (HX7), or the start of the person's name or of any later word of it, ignoring case and
    /// accents.
    ///
    /// Matches come back in order of name, at most `limit` of them; ask for one more than you
    /// will show to know whether there were more.
    func find(_ query: String, limit: Int) throws -> [PlanSummary] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        return try pool.read { db in
            for id in [trimmed, trimmed.uppercased()] {
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [id]) {
                    return [Self.summary(row)]
                }
            }
            let column: String, value: String
            switch PlanQuery(trimmed) {
            case .nhsNumber(let digits): (column, value) = ("nhsNumber", digits)
            case .dateOfBirth(let date): (column, value) = ("dateOfBirth", date.description)
            case .phone(let key): (column, value) = ("phoneKey", key)
            case .postcode(let key): (column, value) = ("postcodeKey", key)
            case .outwardCode(let outward):
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM plan WHERE postcodeKey >= ? AND postcodeKey < ? ORDER BY displayName COLLATE NOCASE, id LIMIT ?
                        """, arguments: [outward + " ", outward + " \u{10FFFF}", limit]
                ).map(Self.summary)
            case .name(let prefix):
                guard !prefix.isEmpty else { return [] }
                // Walk the key index in order and stop at the limit: cost follows the limit, not
                // the number of matches, so a short prefix stays fast with 100,000 plans.
                let ids = try String.fetchAll(
                    db,
                    sql: """
                        SELECT planId FROM planNameKey WHERE key >= ? AND key < ? ORDER BY key LIMIT ?
                        """, arguments: [prefix, NameKey.upperBound(forPrefix: prefix), limit * 2])
                var seen: Set<String> = []
                let unique = ids.filter { seen.insert($0).inserted }.prefix(limit)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM plan WHERE id IN (\(databaseQuestionMarks(count: unique.count)))",
                    arguments: StatementArguments(Array(unique)))
                return rows.map(Self.summary).sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
            }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM plan WHERE \(column) = ? ORDER BY displayName COLLATE NOCASE, id LIMIT ?",
                arguments: [value, limit]
            ).map(Self.summary)
        }
    }

    /// Plans for a person with this name (ignoring case, accents and punctuation) and date of
    /// birth: to warn before a second plan is made for one person.
    func plans(named name: String, bornOn dateOfBirth: CalendarDate) throws -> [PlanSummary] {
        let key = NameKey.fold(name)
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM planNameKey k JOIN plan p ON p.id = k.planId WHERE k.key = ? AND p.dateOfBirth = ? ORDER BY p.id
                    """, arguments: [key, dateOfBirth.description]
            ).map(Self.summary).filter { NameKey.fold($0.name) == key }
        }
    }

    /// Plans whose id, or NHS number (digits), starts with `prefix`: for completion.
    func plans(withIDOrNumberPrefix prefix: String, limit: Int) throws -> [PlanSummary] {
        let compact = prefix.filter { $0 != " " }
        guard !compact.isEmpty else { return [] }
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM plan WHERE id >= :p AND id < :end
                    UNION SELECT * FROM plan WHERE nhsNumber >= :p AND nhsNumber < :end
                    ORDER BY id LIMIT :limit
                    """, arguments: ["p": compact, "end": NameKey.upperBound(forPrefix: compact), "limit": limit]
            ).map(Self.summary)
        }
    }

    /// Runs SQLite's integrity check; returns "ok" when the file is sound.
    func replaceDeprivationLookup(_ lookup: DeprivationLookup) throws {
        guard !isReadOnly else { throw StoreError.readOnly(path: location) }
        try pool.write { db in
            try db.execute(sql: "DELETE FROM imd_postcode")
            let insert = try db.makeStatement(sql: "INSERT INTO imd_postcode (postcode, decile) VALUES (?, ?)")
            for (postcode, decile) in zip(lookup.postcodes, lookup.deciles) { try insert.execute(arguments: [postcode, decile]) }
        }
    }

    func deprivationDeciles(of postcodes: [String]) throws -> [String: Int] {
        try pool.read { db in
            var found: [String: Int] = [:]
            let select = try db.cachedStatement(sql: "SELECT decile FROM imd_postcode WHERE postcode = ?")
            for postcode in Set(postcodes) {
                if let decile = try Int.fetchOne(select, arguments: [postcode]) { found[postcode] = decile }
            }
            return found
        }
    }

    func forEachReportRow(_ visit: (String, String?) throws -> Bool, decoded: (String, Data) throws -> Void) throws {
        try pool.read { db in
            // A row's body is read from the file only when asked for, so plans the digest answers
            // for cost next to nothing.
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT p.id, p.reportDigest, r.body FROM plan p JOIN revision r ON r.planId = p.id AND r.number = p.headRevision")
            while let row = try cursor.next() {
                let id: String = row[0]
                if try visit(id, row[1]) { try decoded(id, row[2]) }
            }
        }
    }

    func planDeciles() throws -> [String: Int] {
        try pool.read { db in
            var found: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT plan.id, imd_postcode.decile FROM plan JOIN imd_postcode ON imd_postcode.postcode = plan.postcodeKey")
            while let row = try rows.next() { found[row[0]] = row[1] }
            return found
        }
    }

    func deprivationLookupSize() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM imd_postcode") ?? 0 }
    }

    func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    // MARK: - Worklist

    /// How many open due items `group` holds, optionally for one owner (ignoring case): from
    /// the index, so no plan is decoded.
    func dueItemTotal(_ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool) throws -> Int {
        guard !group.kinds.isEmpty else { return 0 }
        let (filter, arguments) = Self.dueItemFilter(group, owner: owner, includeUnowned: includeUnowned)
        // Name the index for each query: the planner cannot know that a count is cheapest by
        // kind and a first page cheapest by date.
        let index = owner == nil ? "dueItem_kind_dueOn" : "dueItem_owner_kind_dueOn"
        return try pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM dueItem d INDEXED BY \(index) WHERE \(filter)",
                arguments: StatementArguments(arguments)) ?? 0
        }
    }

    /// Calls `body` with the first `limit` open due items of `group`, earliest first, one at a
    /// time as they are read: a worklist of any length in constant memory.
    func forEachDueItem(
        _ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool, limit: Int,
        _ body: (WorklistEntry) throws -> Void
    ) throws {
        guard !group.kinds.isEmpty, limit > 0 else { return }
        let (filter, arguments) = Self.dueItemFilter(group, owner: owner, includeUnowned: includeUnowned)
        let index = owner == nil ? "dueItem_dueOn_kind" : "dueItem_owner_dueOn_kind"
        try pool.read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.*, p.displayName FROM (
                        SELECT * FROM dueItem d INDEXED BY \(index) WHERE \(filter) ORDER BY d.dueOn LIMIT ?
                    ) d JOIN plan p ON p.id = d.planId
                    ORDER BY d.dueOn, d.planId, d.entryId
                    """, arguments: StatementArguments(arguments + [limit]))
            while let row = try cursor.next() {
                guard let due = CalendarDate(row["dueOn"] as String) else { continue }
                let item = DueItem(
                    source: row["source"], entryID: row["entryId"], kind: DueItemKind(rawValue: row["kind"]),
                    title: row["title"], owner: row["owner"], dueOn: due)
                try body(WorklistEntry(planID: row["planId"], name: row["displayName"], item: item))
            }
        }
    }

    /// The query's conditions; with `includeUnowned`, items no one owns (stored with an empty
    /// owner key) go with the owner's own, so nothing is left out of someone's list.
    private static func dueItemFilter(
        _ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool = false
    ) -> (String, [(any DatabaseValueConvertible)?]) {
        var conditions = ["d.dueOn <= ?", "d.kind IN (\(databaseQuestionMarks(count: group.kinds.count)))"]
        var arguments: [(any DatabaseValueConvertible)?] = [group.through.description]
        arguments += group.kinds.map(\.rawValue).sorted()
        if let after = group.after {
            conditions.append("d.dueOn > ?")
            arguments.append(after.description)
        }
        if let owner {
            conditions.append(includeUnowned ? "d.ownerKey IN (?, '')" : "d.ownerKey = ?")
            arguments.append(NameKey.fold(owner))
        }
        return (conditions.joined(separator: " AND "), arguments)
    }

    private static func index(_ plan: Plan, with dueItems: DueItemIndex, _ db: Database) throws {
        let sources = dueItems.sources
        try db.cachedStatement(sql: "DELETE FROM dueItem WHERE planId = ? AND source IN (\(databaseQuestionMarks(count: sources.count)))")
            .execute(arguments: StatementArguments([plan.id] + sources))
        var seen: Set<String> = []
        for item in dueItems.items(plan) where seen.insert("\(item.source)|\(item.entryID)|\(item.kind.rawValue)").inserted {
            try db.cachedStatement(
                sql: "INSERT INTO dueItem (planId, source, entryId, kind, title, owner, ownerKey, dueOn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            ).execute(
                arguments: [
                    plan.id, item.source, item.entryID, item.kind.rawValue, item.title, item.owner,
                    item.owner.map(NameKey.fold) ?? "", item.dueOn.description,
                ])
        }
    }

    /// A store changed by a newer careplan (a schema change this one does not know) is refused
    /// before anything is written: an older program must never write to a newer layout.
    /// The check opens the file read-only, because opening a pool already writes (GRDB makes
    /// sure a write-ahead log exists).
    private static func refuseNewerSchema(path: String) throws {
        let migrator = SQLiteSchema.migrator
        var status = stat()
        guard stat(path, &status) == 0, status.st_size > 0 else { return }
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may be opening the store at the same moment (rebuilding the WAL
        // index briefly locks it): wait for it as every other connection does, never fail.
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let applied: [String] = try queue.read { db in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        try queue.close()
        let known = Set(migrator.migrations)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw StoreError.newerStore(
                path: path, storeVersion: SQLiteSchema.version(of: unknown),
                understood: SQLiteSchema.version(of: migrator.migrations.last ?? ""))
        }
    }

    /// Rebuilds the worklist index when the sources it covers have changed (a module added or
    /// removed, or a store from before the index existed).
    private static func rebuildIndexIfNeeded(_ dueItems: DueItemIndex, _ pool: DatabasePool) throws {
        let wanted = dueItems.signature
        let built = try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dueItemSources'") }
        guard built != wanted else { return }
        // In batches, each its own short transaction, so other users of the store wait at most
        // for one batch, never for the whole caseload. The sources are recorded only at the
        // end: an interrupted rebuild starts again next time.
        try pool.write { db in
            try db.execute(sql: "DELETE FROM meta WHERE key = 'dueItemSources'")
            try db.execute(sql: "DELETE FROM dueItem")
        }
        var after = ""
        while true {
            let last: String? = try pool.write { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.id, r.body FROM plan p JOIN revision r ON r.planId = p.id AND r.number = p.headRevision
                        WHERE p.id > ? ORDER BY p.id LIMIT 500
                        """, arguments: [after])
                for row in rows {
                    if let plan = try? PlanJSON.decodeStored(row["body"] as Data) { try index(plan, with: dueItems, db) }
                }
                return rows.last?["id"]
            }
            guard let last else { break }
            after = last
        }
        try pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('dueItemSources', ?)", arguments: [wanted])
        }
    }

    // MARK: - Access audit

    func recordAccess(_ action: AccessAction, to planIDs: [String], by who: String, at instant: Date, detail: String?) throws -> Bool {
        guard !isReadOnly else { return false }
        let timestamp = Timestamp.format(instant)
        try pool.write { db in
            for planID in planIDs { try Self.recordAccess(action, to: planID, by: who, at: timestamp, detail: detail, db) }
        }
        return true
    }

    /// Adds one audit row inside a transaction already open (a commit's own).
    static func recordAccess(_ action: AccessAction, to planID: String, by who: String, at timestamp: String, detail: String?, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO access (at, who, whoKey, planId, action, detail) VALUES (?, ?, ?, ?, ?, ?)").execute(
            arguments: [timestamp, who, AccessRecord.whoKey(who), planID, action.rawValue, detail])
    }

    func accessRecords(of planID: String) throws -> [AccessRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access WHERE planId = ? ORDER BY at, id", arguments: [planID]).map(Self.accessRecord)
        }
    }

    func accessRecords(by who: String, since: Date?) throws -> [AccessRecord] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM access WHERE whoKey = ? AND at >= ? ORDER BY at, id",
                arguments: [AccessRecord.whoKey(who), since.map(Timestamp.format) ?? ""]
            ).map(Self.accessRecord)
        }
    }

    private static func accessRecord(_ row: Row) -> AccessRecord {
        AccessRecord(
            at: Timestamp.parse(row["at"]) ?? Date(timeIntervalSince1970: 0), who: row["who"], planID: row["planId"],
            action: AccessAction(rawValue: row["action"]) ?? .show, detail: row["detail"])
    }

    // MARK: - Helpers

    /// One write transaction, as GRDB gives it: IMMEDIATE (it takes the write lock before
    /// reading, so the head a commit checks cannot change under it), committed when `work`
    /// returns and rolled back when it throws.
    private func immediateWrite<T>(_ work: (Database) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        defer { checkpointer.afterCommit() }
        return try pool.write(work)
    }

    /// The id of another plan that already has this plan's NHS number, if any.
    private static func otherHolder(of plan: Plan, _ db: Database) throws -> String? {
        guard let digits = plan.person.nhsNumber?.digits else { return nil }
        return try String.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM plan WHERE nhsNumber = ? AND id <> ? ORDER BY id LIMIT 1"),
            arguments: [digits, plan.id])
    }

    /// A stored plan whose id differs from `id` only in upper and lower case.
    private static func sameIDInOtherCase(as id: String, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM plan WHERE id = ? COLLATE NOCASE AND id <> ? LIMIT 1"), arguments: [id, id])
    }

    /// Plan ids are found in any case, so two ids that differ only in case would be one plan
    /// to a user and two to the store: refused.
    private static func checkIDIsFree(for plan: Plan, _ db: Database) throws {
        if let twin = try sameIDInOtherCase(as: plan.id, db) {
            throw StoreError.idInOtherCase(planID: plan.id, existing: twin)
        }
    }

    /// One NHS number, one plan: checked inside the write transaction, so two people creating
    /// plans for one person at the same moment cannot both succeed.
    private static func checkNHSNumberIsFree(for plan: Plan, _ db: Database) throws {
        if let holder = try otherHolder(of: plan, db) {
            throw StoreError.duplicateNHSNumber(planID: plan.id, heldBy: holder)
        }
    }

    private static func head(of planID: String, _ db: Database) throws -> (number: Int, author: String)? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT p.headRevision, r.author FROM plan p
                        JOIN revision r ON r.planId = p.id AND r.number = p.headRevision WHERE p.id = ?
                        """), arguments: [planID])
        else { return nil }
        return (row[0], row[1])
    }

    private func insert(
        _ plan: Plan, body: Data, number: Int, author: String, summary: String,
        at instant: Date, _ db: Database
    ) throws -> RevisionInfo {
        let info = try Self.insert(plan, body: body, number: number, author: author, summary: summary, at: instant, db)
        try Self.index(plan, with: dueItems, db)
        // In the same transaction: a change is in the access audit exactly when it is stored.
        try Self.recordAccess(.change, to: plan.id, by: author, at: Timestamp.format(instant), detail: "revision \(number)", db)
        return info
    }

    private static func insert(
        _ plan: Plan, body: Data, number: Int, author: String, summary: String,
        at instant: Date, _ db: Database
    ) throws -> RevisionInfo {
        let timestamp = Timestamp.format(instant)
        let keys = PersonKeys.of(plan.person)
        try db.cachedStatement(
            sql: """
                INSERT INTO plan (id, nhsNumber, displayName, status, headRevision, updatedAt, dateOfBirth, phoneKey, postcodeKey, reportDigest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET nhsNumber = excluded.nhsNumber, displayName = excluded.displayName,
                    status = excluded.status, headRevision = excluded.headRevision, updatedAt = excluded.updatedAt,
                    dateOfBirth = excluded.dateOfBirth, phoneKey = excluded.phoneKey, postcodeKey = excluded.postcodeKey,
                    reportDigest = excluded.reportDigest
                """
        ).execute(
            arguments: [
                plan.id, plan.person.nhsNumber?.digits, plan.person.name, plan.status.rawValue, number, timestamp,
                keys.dateOfBirth, keys.phone, keys.postcode, ReportDigest(plan, body: body).encoded,
            ])
        try db.cachedStatement(sql: "INSERT INTO revision (planId, number, author, createdAt, summary, body) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [plan.id, number, author, timestamp, summary, body])
        try db.cachedStatement(sql: "DELETE FROM planNameKey WHERE planId = ?").execute(arguments: [plan.id])
        let names = [plan.person.name] + (plan.person.preferredName.map { [$0] } ?? [])
        for key in NameKey.keys(for: names) {
            try db.cachedStatement(sql: "INSERT INTO planNameKey (key, planId) VALUES (?, ?)").execute(arguments: [key, plan.id])
        }
        return RevisionInfo(
            planID: plan.id, number: number, author: author, createdAt: Timestamp.parse(timestamp) ?? instant,
            summary: summary)
    }

    private static func revision(_ planID: String, _ number: Int, _ db: Database) throws -> StoredPlan {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT planId, number, author, createdAt, summary, body FROM revision WHERE planId = ? AND number = ?
                    """, arguments: [planID, number])
        else {
            if try Self.head(of: planID, db) == nil { throw StoreError.notFound(query: planID) }
            throw StoreError.revisionNotFound(planID: planID, number: number)
        }
        return try storedPlan(row)
    }

    private static func storedPlan(_ row: Row) throws -> StoredPlan {
        let info = revisionInfo(row)
        let body: Data = row["body"]
        do {
            let plan = try PlanJSON.decodeStored(body)
            return StoredPlan(plan: plan, revision: info, body: body)
        } catch {
            throw StoreError.unreadable(planID: info.planID, number: info.number, reason: "the stored JSON does not decode")
        }
    }

    private static func revisionInfo(_ row: Row) -> RevisionInfo {
        RevisionInfo(
            planID: row["planId"], number: row["number"], author: row["author"],
            createdAt: Timestamp.parse(row["createdAt"]) ?? Date(timeIntervalSince1970: 0), summary: row["summary"])
    }

    private static func summary(_ row: Row) -> PlanSummary {
        PlanSummary(
            id: row["id"], name: row["displayName"], nhsNumber: row["nhsNumber"],
            dateOfBirth: (row["dateOfBirth"] as String?).flatMap { CalendarDate($0) }, status: row["status"],
            headRevision: row["headRevision"], updatedAt: Timestamp.parse(row["updatedAt"]) ?? Date(timeIntervalSince1970: 0))
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        return "\(error)"
    }
}
