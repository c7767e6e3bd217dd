import CarePlanCore
import Foundation
import PostgresNIO

extension PostgresEngine {
    /// The plan columns a summary needs, in `summary(_:)`'s order.
    static let summaryColumns = "p.id, p.display_name, p.nhs_number, p.date_of_birth, p.status, p.head_revision, p.updated_at"
    /// Listing order: the name ignoring ASCII case (as SQLite's NOCASE), then the id.
    static let listingOrder = "lower(p.display_name COLLATE \"C\"), p.id"

    func load(_ planID: String) throws -> StoredPlan {
        try mapped {
            try link.read {
                guard let head = try head(of: planID) else { throw StoreError.notFound(query: planID) }
                return try revision(planID, head.number)
            }
        }
    }

    func load(_ planID: String, revision number: Int) throws -> StoredPlan {
        try mapped { try link.read { try revision(planID, number) } }
    }

    func headRevision(of planID: String) throws -> RevisionInfo {
        try mapped {
            try link.read {
                let rows = try link.query(
                    """
                    SELECT r.plan_id, r.number, r.author, r.created_at, r.summary FROM careplan.plan p
                    JOIN \(unescaped: revisions) r ON r.plan_id = p.id AND r.number = p.head_revision WHERE p.id = \(planID)
                    """)
                guard let row = rows.first else { throw StoreError.notFound(query: planID) }
                return try Self.revisionInfo(row)
            }
        }
    }

    func history(of planID: String) throws -> [RevisionInfo] {
        try mapped {
            try link.read {
                let rows = try link.query(
                    """
                    SELECT plan_id, number, author, created_at, summary FROM \(unescaped: revisions)
                    WHERE plan_id = \(planID) ORDER BY number
                    """)
                let history = try rows.map(Self.revisionInfo)
                guard !history.isEmpty else { throw StoreError.notFound(query: planID) }
                return history
            }
        }
    }

    func forEachSummary(_ body: (PlanSummary) throws -> Void) throws {
        // Keyset pages: constant memory for any caseload, each page one short query.
        var after: (name: String, id: String)?
        while true {
            let page = try mapped {
                try link.query(
                    """
                    SELECT \(unescaped: Self.summaryColumns), lower(p.display_name COLLATE "C") FROM careplan.plan p
                    WHERE \(after == nil) OR (lower(p.display_name COLLATE "C"), p.id) > (\(after?.name ?? ""), \(after?.id ?? ""))
                    ORDER BY \(unescaped: Self.listingOrder) LIMIT 1000
                    """)
            }
            var count = 0
            for row in page {
                let summary = try Self.summary(row)
                after = (try row.makeRandomAccess()[7].decode(String.self), summary.id)
                count += 1
                try body(summary)
            }
            if count < 1000 { return }
        }
    }

    func listingWidths() throws -> ListingWidths {
        try mapped {
            let row = try link.query(
                """
                SELECT COALESCE(max(length(id)), 0), COALESCE(max(length(display_name)), 0), COALESCE(max(length(status)), 0),
                       COALESCE(bool_or(date_of_birth IS NOT NULL), false), COALESCE(bool_or(nhs_number IS NOT NULL), false)
                FROM careplan.plan
                """
            ).first
            guard let row else { return ListingWidths(id: 0, name: 0, status: 0, anyDateOfBirth: false, anyNHSNumber: false) }
            let (id, name, status, birth, nhs) = try row.decode((Int, Int, Int, Bool, Bool).self)
            return ListingWidths(id: id, name: name, status: status, anyDateOfBirth: birth, anyNHSNumber: nhs)
        }
    }

    func forEachPlan(_ body: (StoredPlan) throws -> Void) throws {
        try forEachHead(columns: "r.plan_id, r.number, r.author, r.created_at, r.summary, r.body") { row in
            try body(try storedPlan(row))
        }
    }

    func forEachPlanBody(_ body: (String, Data) throws -> Void) throws {
        try forEachHead(columns: "r.plan_id, r.number, r.author, r.created_at, r.summary, r.body") { row in
            let plan = try storedPlan(row)
            try body(plan.plan.id, plan.body)
        }
    }

    /// Each plan's head revision, in id order, a page at a time.
    private func forEachHead(columns: String, _ body: (PostgresRow) throws -> Void) throws {
        var after = ""
        while true {
            let page = try mapped {
                try link.query(
                    """
                    SELECT \(unescaped: columns) FROM careplan.plan p
                    JOIN \(unescaped: revisions) r ON r.plan_id = p.id AND r.number = p.head_revision
                    WHERE p.id > \(after) ORDER BY p.id LIMIT 500
                    """)
            }
            var count = 0
            for row in page {
                after = try row.makeRandomAccess()[0].decode(String.self)
                count += 1
                try body(row)
            }
            if count < 500 { return }
        }
    }

    func count() throws -> Int {
        try mapped { try link.read { try link.query("SELECT count(*) FROM careplan.plan").first?.decode(Int.self) ?? 0 } }
    }

    func find(_ query: String, limit: Int) throws -> [PlanSummary] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let others: PostgresQuery?
        switch PlanQuery(trimmed) {
        case .nhsNumber(let digits): others = Self.plans(where: "nhs_number", is: digits, limit: limit)
        case .dateOfBirth(let date): others = Self.plans(where: "date_of_birth", is: date.description, limit: limit)
        case .phone(let key): others = Self.plans(where: "phone_key", is: key, limit: limit)
        case .postcode(let key): others = Self.plans(where: "postcode_key", is: key, limit: limit)
        case .outwardCode(let outward):
            others = """
                SELECT \(unescaped: Self.summaryColumns) FROM careplan.plan p
                WHERE p.postcode_key >= \(outward + " ") AND p.postcode_key < \(outward + " \u{10FFFF}")
                ORDER BY \(unescaped: Self.listingOrder) LIMIT \(limit)
                """
        case .name(let prefix):
            // Walk the key index in order and stop at the limit, as the SQLite engine does.
            others =
                prefix.isEmpty
                ? nil
                : """
                SELECT \(unescaped: Self.summaryColumns) FROM careplan.plan p WHERE p.id IN (
                    SELECT plan_id FROM careplan.plan_name_key
                    WHERE key >= \(prefix) AND key < \(NameKey.upperBound(forPrefix: prefix)) ORDER BY key LIMIT \(limit * 2))
                ORDER BY \(unescaped: Self.listingOrder) LIMIT \(limit)
                """
        }
        return try mapped { try link.read { try summaries(Self.idFirst(trimmed, else: others)) } }
    }

    /// The plan whose id is `id` as typed, else in capitals; when there is none, what `others`
    /// finds, in its order: one round trip.
    private static func idFirst(_ id: String, else others: PostgresQuery?) -> PostgresQuery {
        var query = others ?? PostgresQuery(unsafeSQL: "SELECT \(summaryColumns) FROM careplan.plan p WHERE false")
        let typed = query.binds.count + 1
        query.binds.append(id)
        query.binds.append(id.uppercased())
        query.sql = """
            WITH by_id AS (
                SELECT \(summaryColumns) FROM careplan.plan p WHERE p.id IN ($\(typed), $\(typed + 1)) ORDER BY p.id = $\(typed) DESC LIMIT 1)
            SELECT id, display_name, nhs_number, date_of_birth, status, head_revision, updated_at FROM (
                SELECT b.*, 0 AS rank, '' AS sort_name FROM by_id b
                UNION ALL
                SELECT o.*, 1, lower(o.display_name COLLATE "C") FROM (\(query.sql)) o WHERE NOT EXISTS (SELECT 1 FROM by_id)
            ) found ORDER BY rank, sort_name, id
            """
        return query
    }

    /// Plans whose `column` equals `value`, in listing order.
    private static func plans(where column: String, is value: String, limit: Int) -> PostgresQuery {
        """
        SELECT \(unescaped: summaryColumns) FROM careplan.plan p WHERE p.\(unescaped: column) = \(value)
        ORDER BY \(unescaped: listingOrder) LIMIT \(limit)
        """
    }

    func plans(named name: String, bornOn dateOfBirth: CalendarDate) throws -> [PlanSummary] {
        let key = NameKey.fold(name)
        return try mapped {
            try summaries(
                """
                SELECT \(unescaped: Self.summaryColumns) FROM careplan.plan_name_key k JOIN careplan.plan p ON p.id = k.plan_id
                WHERE k.key = \(key) AND p.date_of_birth = \(dateOfBirth.description) ORDER BY p.id
                """
            ).filter { NameKey.fold($0.name) == key }
        }
    }

    func plans(withIDOrNumberPrefix prefix: String, limit: Int) throws -> [PlanSummary] {
        let compact = prefix.filter { $0 != " " }
        guard !compact.isEmpty else { return [] }
        let end = NameKey.upperBound(forPrefix: compact)
        return try mapped {
            try summaries(
                """
                SELECT \(unescaped: Self.summaryColumns) FROM careplan.plan p
                WHERE (p.id >= \(compact) AND p.id < \(end)) OR (p.nhs_number >= \(compact) AND p.nhs_number < \(end))
                ORDER BY p.id LIMIT \(limit)
                """)
        }
    }

    // MARK: - Worklist

    func dueItemTotal(_ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool) throws -> Int {
        try mapped {
            try link.read {
                try link.query(
                    Self.dueItemQuery(
                        "SELECT count(*) FROM careplan.due_item d WHERE \(Self.dueItemFilter)", group, owner: owner,
                        includeUnowned: includeUnowned)
                ).first?.decode(Int.self) ?? 0
            }
        }
    }

    func forEachDueItem(
        _ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool, limit: Int,
        _ body: (WorklistEntry) throws -> Void
    ) throws {
        let query = Self.dueItemQuery(
            """
            SELECT d.plan_id, d.source, d.entry_id, d.kind, d.title, d.owner, d.due_on, p.display_name FROM (
                SELECT * FROM careplan.due_item d WHERE \(Self.dueItemFilter)
                ORDER BY d.due_on, d.plan_id, d.entry_id LIMIT \(max(0, limit))
            ) d JOIN careplan.plan p ON p.id = d.plan_id ORDER BY d.due_on, d.plan_id, d.entry_id
            """, group, owner: owner, includeUnowned: includeUnowned)
        let rows = try mapped { try link.read { try link.query(query) } }
        for row in rows {
            let (planID, source, entryID, kind, title, owner, dueOn, name) = try row.decode(
                (String, String, String, String, String, String?, String, String).self)
            guard let due = CalendarDate(dueOn) else { continue }
            let item = DueItem(source: source, entryID: entryID, kind: DueItemKind(rawValue: kind), title: title, owner: owner, dueOn: due)
            try body(WorklistEntry(planID: planID, name: name, item: item))
        }
    }

    /// Placeholders $1..$5: through, kinds, after (or NULL), owner key (or NULL), and whether
    /// unowned items go with the owner's own.
    static let dueItemFilter = """
        d.due_on <= $1 AND d.kind = ANY($2::text[]) AND ($3::text IS NULL OR d.due_on > $3)
        AND ($4::text IS NULL OR d.owner_key = $4 OR ($5 AND d.owner_key = ''))
        """

    /// `sql` with the worklist filter's arguments bound as $1..$5.
    private static func dueItemQuery(_ sql: String, _ group: WorklistGroupQuery, owner: String?, includeUnowned: Bool) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(group.through.description)
        binds.append(group.kinds.map(\.rawValue).sorted())
        binds.append(group.after?.description)
        binds.append(owner.map(NameKey.fold))
        binds.append(includeUnowned)
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    // MARK: - Access audit

    func accessRecords(of planID: String) throws -> [AccessRecord] {
        try mapped {
            try link.read {
                try link.query(
                    "SELECT at, who, plan_id, action, detail FROM careplan.access WHERE plan_id = \(planID) ORDER BY at, id"
                ).map(Self.accessRecord)
            }
        }
    }

    func accessRecords(by who: String, since: Date?) throws -> [AccessRecord] {
        let key = AccessRecord.whoKey(who)
        return try mapped {
            try link.read {
                try link.query(
                    """
                    SELECT at, who, plan_id, action, detail FROM careplan.access
                    WHERE (who_key = \(key) OR lower(who_login::text) = \(key)) AND at >= \(since.map(Timestamp.format) ?? "")
                    ORDER BY at, id
                    """
                ).map(Self.accessRecord)
            }
        }
    }

    // MARK: - Helpers

    private func summaries(_ query: PostgresQuery) throws -> [PlanSummary] {
        try link.query(query).map(Self.summary)
    }

    private func revision(_ planID: String, _ number: Int) throws -> StoredPlan {
        let rows = try link.query(
            """
            SELECT plan_id, number, author, created_at, summary, body FROM \(unescaped: revisions)
            WHERE plan_id = \(planID) AND number = \(number)
            """)
        guard let row = rows.first else {
            if try head(of: planID) == nil { throw StoreError.notFound(query: planID) }
            throw StoreError.revisionNotFound(planID: planID, number: number)
        }
        return try storedPlan(row)
    }

    private func storedPlan(_ row: PostgresRow) throws -> StoredPlan {
        let info = try Self.revisionInfo(row)
        let body = try row.makeRandomAccess()[5].decode(Data.self)
        do {
            let plan = try PlanJSON.decodeStored(body)
            // A partner's copy comes from the database's JSON with sections taken out: written
            // again here, so it is canonical plan JSON like every other.
            return StoredPlan(plan: plan, revision: info, body: revisions == "careplan.revision" ? body : PlanJSON.encode(plan))
        } catch {
            throw StoreError.unreadable(planID: info.planID, number: info.number, reason: "the stored JSON does not decode")
        }
    }

    static func summary(_ row: PostgresRow) throws -> PlanSummary {
        let (id, name, nhs, birth, status, head, updated) = try row.decode((String, String, String?, String?, String, Int, String).self)
        return PlanSummary(
            id: id, name: name, nhsNumber: nhs, dateOfBirth: birth.flatMap { CalendarDate($0) }, status: status, headRevision: head,
            updatedAt: Timestamp.parse(updated) ?? Date(timeIntervalSince1970: 0))
    }

    private static func accessRecord(_ row: PostgresRow) throws -> AccessRecord {
        let (at, who, planID, action, detail) = try row.decode((String, String, String, String, String?).self)
        return AccessRecord(
            at: Timestamp.parse(at) ?? Date(timeIntervalSince1970: 0), who: who, planID: planID,
            action: AccessAction(rawValue: action) ?? .show, detail: detail)
    }
}
