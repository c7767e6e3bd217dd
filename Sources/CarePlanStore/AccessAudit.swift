public import Foundation
import GRDB

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

extension PlanStore {
    /// Records that `who` did `action` to each of `planIDs`, in one transaction.
    /// - Returns: false when the store is read-only, so nothing could be recorded.
    @discardableResult
    public func recordAccess(_ action: AccessAction, to planIDs: [String], by who: String, at instant: Date, detail: String? = nil) throws -> Bool {
        guard !isReadOnly else { return false }
        let timestamp = Timestamp.format(instant)
        try pool.write { db in
            for planID in planIDs { try Self.recordAccess(action, to: planID, by: who, at: timestamp, detail: detail, db) }
        }
        return true
    }

    /// Adds one audit row inside a transaction already open (a commit's own).
    static func recordAccess(_ action: AccessAction, to planID: String, by who: String, at timestamp: String, detail: String?, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO access (at, who, whoKey, planId, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [timestamp, who, Self.whoKey(who), planID, action.rawValue, detail])
    }

    /// Everyone who opened, showed, exported or changed `planID`, oldest first.
    public func accessRecords(of planID: String) throws -> [AccessRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access WHERE planId = ? ORDER BY at, id", arguments: [planID]).map(Self.accessRecord)
        }
    }

    /// What `who` did (any case), oldest first, from `since` on when given.
    public func accessRecords(by who: String, since: Date? = nil) throws -> [AccessRecord] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM access WHERE whoKey = ? AND at >= ? ORDER BY at, id",
                arguments: [Self.whoKey(who), since.map(Timestamp.format) ?? ""]
            ).map(Self.accessRecord)
        }
    }

    private static func whoKey(_ who: String) -> String {
        who.trimmingCharacters(in: .whitespaces).lowercased()
    }

    private static func accessRecord(_ row: Row) -> AccessRecord {
        AccessRecord(
            at: Timestamp.parse(row["at"]) ?? Date(timeIntervalSince1970: 0), who: row["who"], planID: row["planId"],
            action: AccessAction(rawValue: row["action"]) ?? .show, detail: row["detail"])
    }
}
