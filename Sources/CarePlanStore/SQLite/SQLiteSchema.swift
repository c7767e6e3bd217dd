import CarePlanCore
import Foundation
import GRDB

/// The store's tables, evolved only through registered migrations (never edited once shipped).
enum SQLiteSchema {
    /// The version a migration brings the store to: "v3" for "v3: date of birth...".
    static func version(of migration: String) -> String {
        String(migration.prefix { $0 != ":" })
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: plans, revisions, name keys") { db in
            try db.create(table: "plan") { table in
                table.primaryKey("id", .text)
                table.column("nhsNumber", .text).indexed()
                table.column("displayName", .text).notNull()
                table.column("status", .text).notNull()
                table.column("headRevision", .integer).notNull()
                table.column("updatedAt", .text).notNull()
            }
            try db.create(table: "revision") { table in
                table.column("planId", .text).notNull().references("plan", onDelete: .cascade)
                table.column("number", .integer).notNull()
                table.column("author", .text).notNull()
                table.column("createdAt", .text).notNull()
                table.column("summary", .text).notNull()
                table.column("body", .blob).notNull()
                table.primaryKey(["planId", "number"])
            }
            try db.create(table: "planNameKey", options: .withoutRowID) { table in
                table.column("key", .text).notNull()
                table.column("planId", .text).notNull().references("plan", onDelete: .cascade)
                table.primaryKey(["key", "planId"])
            }
            try db.create(index: "planNameKey_planId", on: "planNameKey", columns: ["planId"])
        }
        migrator.registerMigration("v2: due items for the caseload worklist") { db in
            try db.create(table: "dueItem") { table in
                table.column("planId", .text).notNull().references("plan", onDelete: .cascade)
                table.column("source", .text).notNull()
                table.column("entryId", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("title", .text).notNull()
                table.column("owner", .text)
                table.column("ownerKey", .text)
                table.column("dueOn", .text).notNull()
                table.primaryKey(["planId", "source", "entryId", "kind"])
            }
            // Covering indexes: pages walk (dueOn, kind) in date order and stop at the limit;
            // counts walk (kind, dueOn) and so visit only the kinds asked for.
            try db.create(index: "dueItem_dueOn_kind", on: "dueItem", columns: ["dueOn", "kind"])
            try db.create(index: "dueItem_kind_dueOn", on: "dueItem", columns: ["kind", "dueOn"])
            try db.create(index: "dueItem_owner_dueOn_kind", on: "dueItem", columns: ["ownerKey", "dueOn", "kind"])
            try db.create(index: "dueItem_owner_kind_dueOn", on: "dueItem", columns: ["ownerKey", "kind", "dueOn"])
            try db.create(table: "meta") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v3: date of birth, phone, postcode and any-case id for finding people") { db in
            try db.alter(table: "plan") { table in
                table.add(column: "dateOfBirth", .text)
                table.add(column: "phoneKey", .text)
                table.add(column: "postcodeKey", .text)
            }
            try db.create(index: "plan_dateOfBirth", on: "plan", columns: ["dateOfBirth"])
            try db.create(index: "plan_phoneKey", on: "plan", columns: ["phoneKey"])
            try db.create(index: "plan_postcodeKey", on: "plan", columns: ["postcodeKey"])
            // Ids are found in any case; this index keeps "another id in other case?" cheap.
            try db.execute(sql: "CREATE INDEX plan_id_nocase ON plan(id COLLATE NOCASE)")
            // Fill the new columns from each plan's newest revision, a batch at a time.
            var after = ""
            while true {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.id, r.body FROM plan p JOIN revision r ON r.planId = p.id AND r.number = p.headRevision
                        WHERE p.id > ? ORDER BY p.id LIMIT 500
                        """, arguments: [after])
                guard let last = rows.last else { break }
                after = last["id"]
                for row in rows {
                    guard let plan = try? PlanJSON.decodeStored(row["body"] as Data) else { continue }
                    let keys = PersonKeys.of(plan.person)
                    try db.execute(
                        sql: "UPDATE plan SET dateOfBirth = ?, phoneKey = ?, postcodeKey = ? WHERE id = ?",
                        arguments: [keys.dateOfBirth, keys.phone, keys.postcode, plan.id])
                }
            }
        }
        migrator.registerMigration("v4: access audit") { db in
            // Who opened, showed, exported or changed which plan, and when; never its content.
            try db.create(table: "access") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .text).notNull()
                table.column("who", .text).notNull()
                table.column("whoKey", .text).notNull()
                table.column("planId", .text).notNull()
                table.column("action", .text).notNull()
                table.column("detail", .text)
            }
            try db.create(index: "access_planId_at", on: "access", columns: ["planId", "at"])
            try db.create(index: "access_whoKey_at", on: "access", columns: ["whoKey", "at"])
            // Append-only: careplan never changes or removes a row, and neither can a script.
            for event in ["UPDATE", "DELETE"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER access_no_\(event.lowercased()) BEFORE \(event) ON access
                        BEGIN SELECT RAISE(ABORT, 'the access audit is append-only'); END
                        """)
            }
        }
        migrator.registerMigration("v5: postcode to IMD decile lookup") { db in
            // Public reference data, not about anyone: the whole table is replaced by each import.
            try db.create(table: "imd_postcode", options: .withoutRowID) { table in
                table.primaryKey("postcode", .text)
                table.column("decile", .integer).notNull().check { $0 >= 1 && $0 <= 10 }
            }
        }
        migrator.registerMigration("v6: report digest") { db in
            // What the period report needs of a plan with nothing in its period (ReportDigest),
            // so a report reads only the plans that have; filled here for the plans already stored.
            try db.alter(table: "plan") { table in table.add(column: "reportDigest", .text) }
            let heads = try Row.fetchCursor(
                db, sql: "SELECT p.id, r.body FROM plan p JOIN revision r ON r.planId = p.id AND r.number = p.headRevision")
            let update = try db.makeStatement(sql: "UPDATE plan SET reportDigest = ? WHERE id = ?")
            while let row = try heads.next() {
                let body: Data = row["body"]
                guard let plan = try? PlanJSON.decodeStored(body) else { continue }
                try update.execute(arguments: [ReportDigest(plan, body: body).encoded, plan.id])
            }
        }
        return migrator
    }
}
