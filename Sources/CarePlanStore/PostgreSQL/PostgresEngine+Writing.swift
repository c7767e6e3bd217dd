import CarePlanCore
import Foundation
import PostgresNIO

extension PostgresEngine {
    func create(_ plan: Plan, author: String, summary: String, at instant: Date) throws -> RevisionInfo {
        let token = UUID()
        return try write(plan, token: token, number: 1) {
            if let head = try head(of: plan.id, locking: true) {
                throw StoreError.alreadyExists(planID: plan.id, head: head.number)
            }
            try checkIDIsFree(plan.id)
            try checkNHSNumberIsFree(plan)
            return try insert(plan, body: PlanJSON.encode(plan), number: 1, summary: summary, at: instant, token: token)
        }
    }

    func commit(_ plan: Plan, basedOn: Int, author: String, summary: String, at instant: Date) throws -> RevisionInfo {
        let token = UUID()
        return try write(plan, token: token, number: basedOn + 1) {
            // FOR UPDATE: a second writer waits here until the first commits, then sees its head.
            guard let head = try head(of: plan.id, locking: true) else { throw StoreError.notFound(query: plan.id) }
            guard head.number == basedOn else {
                throw StoreError.conflict(planID: plan.id, basedOn: basedOn, head: head.number, headAuthor: head.author)
            }
            try checkNHSNumberIsFree(plan)
            return try insert(plan, body: PlanJSON.encode(plan), number: basedOn + 1, summary: summary, at: instant, token: token)
        }
    }

    func importPlans(_ plans: [Plan], bodies: [Data]?, author: String, at instant: Date, replace: Bool) throws -> [ImportOutcome] {
        guard !isReadOnly else { throw StoreError.readOnly(path: location) }
        return try mapped {
            try link.transaction {
                var outcomes: [ImportOutcome] = []
                for (index, plan) in plans.enumerated() {
                    let body = bodies.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? PlanJSON.encode(plan)
                    if let holder = try otherHolder(of: plan) {
                        outcomes.append(.refused(.duplicateNHSNumber(planID: plan.id, heldBy: holder)))
                        continue
                    }
                    if let twin = try sameIDInOtherCase(as: plan.id) {
                        outcomes.append(.refused(.idInOtherCase(planID: plan.id, existing: twin)))
                        continue
                    }
                    if let head = try head(of: plan.id, locking: true) {
                        let stored = try link.query(
                            "SELECT body FROM careplan.revision WHERE plan_id = \(plan.id) AND number = \(head.number)"
                        ).first?.decode(Data.self)
                        if stored == body {
                            outcomes.append(.unchanged(planID: plan.id, head: head.number))
                        } else if replace {
                            outcomes.append(
                                .stored(
                                    try insert(
                                        plan, body: body, number: head.number + 1,
                                        summary: "imported (replacing revision \(head.number))", at: instant, token: UUID())))
                        } else {
                            outcomes.append(.refused(.alreadyExists(planID: plan.id, head: head.number)))
                        }
                    } else {
                        outcomes.append(.stored(try insert(plan, body: body, number: 1, summary: "imported", at: instant, token: UUID())))
                    }
                }
                return outcomes
            }
        }
    }

    func recordAccess(_ action: AccessAction, to planIDs: [String], by who: String, at instant: Date, detail: String?) throws -> Bool {
        // Every login records its own access, partners and managers too: the database names it.
        try mapped {
            try link.transaction {
                for planID in planIDs { try recordAccess(action.rawValue, to: planID, at: Timestamp.format(instant), detail: detail) }
            }
        }
        return true
    }

    func recordAccess(_ action: String, to planID: String, at timestamp: String, detail: String?) throws {
        // who, who_login and who_key are set by the database from the login.
        try link.query(
            "INSERT INTO careplan.access (at, who, who_key, plan_id, action, detail) VALUES (\(timestamp), '', '', \(planID), \(action), \(detail))")
    }

    // MARK: - Helpers

    /// One change: refused for a read-only login; its commit confirmed by `token` if the
    /// connection drops while COMMIT is on its way.
    private func write(_ plan: Plan, token: UUID, number: Int, _ work: () throws -> RevisionInfo) throws -> RevisionInfo {
        guard !isReadOnly else {
            throw StoreError.notPermitted(
                reason: "\(identity.displayName) (\(identity.role), \(identity.organisationName)) may read plans here but not change them")
        }
        do {
            return try link.transaction(committed: { try self.committedRevision(plan.id, number: number, token: token) }, work)
        } catch let failure as PostgresFailure where failure.sqlState == "23505" {
            // Two people made a plan for one person (or one id) at the same moment: the
            // database's unique index let only the first through. Name what the other one made.
            if let holder = try? otherHolder(of: plan) {
                throw StoreError.duplicateNHSNumber(planID: plan.id, heldBy: holder)
            }
            if let twin = try? sameIDInOtherCase(as: plan.id) {
                throw StoreError.idInOtherCase(planID: plan.id, existing: twin)
            }
            throw StoreError.alreadyExists(planID: plan.id, head: (try? head(of: plan.id)?.number) ?? 1)
        } catch {
            throw storeError(error)
        }
    }

    /// The revision a commit with `token` made, if it landed.
    private func committedRevision(_ planID: String, number: Int, token: UUID) throws -> RevisionInfo? {
        let rows = try link.query(
            """
            SELECT plan_id, number, author, created_at, summary FROM careplan.revision
            WHERE plan_id = \(planID) AND number = \(number) AND commit_token = \(token)
            """)
        return try rows.first.map(Self.revisionInfo)
    }

    func head(of planID: String, locking: Bool = false) throws -> (number: Int, author: String)? {
        if locking {
            // The plan row alone is locked, and read after the lock is granted: with a join,
            // PostgreSQL would recheck the join against the new head after waiting for another
            // writer, find the old revision row no longer matches, and return nothing.
            guard
                let number = try link.query("SELECT head_revision FROM careplan.plan WHERE id = \(planID) FOR UPDATE").first?
                    .decode(Int.self)
            else { return nil }
            let author =
                try link.query("SELECT author FROM \(unescaped: revisions) WHERE plan_id = \(planID) AND number = \(number)").first?
                .decode(String.self) ?? ""
            return (number, author)
        }
        let rows = try link.query(
            """
            SELECT p.head_revision, r.author FROM careplan.plan p
            JOIN \(unescaped: revisions) r ON r.plan_id = p.id AND r.number = p.head_revision WHERE p.id = \(planID)
            """)
        guard let row = rows.first else { return nil }
        let (number, author) = try row.decode((Int, String).self)
        return (number, author)
    }

    private func otherHolder(of plan: Plan) throws -> String? {
        guard let digits = plan.person.nhsNumber?.digits else { return nil }
        // Asked as the owner would: another PCN's plan for this person still counts.
        return try link.query("SELECT careplan.nhs_number_holder(\(digits), \(plan.id))").first?.decode(String?.self)
    }

    private func sameIDInOtherCase(as id: String) throws -> String? {
        try link.query("SELECT careplan.id_in_other_case(\(id))").first?.decode(String?.self)
    }

    private func checkIDIsFree(_ id: String) throws {
        if let twin = try sameIDInOtherCase(as: id) { throw StoreError.idInOtherCase(planID: id, existing: twin) }
    }

    private func checkNHSNumberIsFree(_ plan: Plan) throws {
        if let holder = try otherHolder(of: plan) { throw StoreError.duplicateNHSNumber(planID: plan.id, heldBy: holder) }
    }

    private func insert(_ plan: Plan, body: Data, number: Int, summary: String, at instant: Date, token: UUID) throws -> RevisionInfo {
        let timestamp = Timestamp.format(instant)
        let keys = PersonKeys.of(plan.person)
        let nhs = plan.person.nhsNumber?.digits
        try link.query(
            """
            INSERT INTO careplan.plan (id, holder, nhs_number, display_name, status, head_revision, updated_at,
                date_of_birth, phone_key, postcode_key)
            VALUES (\(plan.id), \(identity.organisationCode), \(nhs), \(plan.person.name), \(plan.status.rawValue), \(number),
                \(timestamp), \(keys.dateOfBirth), \(keys.phone), \(keys.postcode))
            ON CONFLICT (id) DO UPDATE SET nhs_number = excluded.nhs_number, display_name = excluded.display_name,
                status = excluded.status, head_revision = excluded.head_revision, updated_at = excluded.updated_at,
                date_of_birth = excluded.date_of_birth, phone_key = excluded.phone_key, postcode_key = excluded.postcode_key
            """)
        // The author is set by the database from the login.
        let row = try link.query(
            """
            INSERT INTO careplan.revision (plan_id, holder, number, author, created_at, summary, body, commit_token)
            VALUES (\(plan.id), (SELECT holder FROM careplan.plan WHERE id = \(plan.id)), \(number), '', \(timestamp), \(summary),
                \(body), \(token))
            RETURNING plan_id, number, author, created_at, summary
            """
        ).first
        guard let row else { throw PostgresFailure.server(sqlState: "XX000", message: "the revision was not stored") }
        let info = try Self.revisionInfo(row)
        try link.query("DELETE FROM careplan.plan_name_key WHERE plan_id = \(plan.id)")
        let names = [plan.person.name] + (plan.person.preferredName.map { [$0] } ?? [])
        let nameKeys = Array(NameKey.keys(for: names))
        if !nameKeys.isEmpty {
            try link.query(
                """
                INSERT INTO careplan.plan_name_key (key, plan_id, holder)
                SELECT k, \(plan.id), (SELECT holder FROM careplan.plan WHERE id = \(plan.id)) FROM unnest(\(nameKeys)::text[]) k
                ON CONFLICT DO NOTHING
                """)
        }
        try index(plan)
        try recordAccess(AccessAction.change.rawValue, to: plan.id, at: timestamp, detail: "revision \(number)")
        // Told to every shell with this plan open, when (and only if) the transaction commits.
        try link.query("SELECT pg_notify(\(Self.channel(for: plan.id)), \("\(number) \(info.author)"))")
        return info
    }

    /// Replaces the plan's due items for the sources this client's modules cover.
    func index(_ plan: Plan) throws {
        try link.query("DELETE FROM careplan.due_item WHERE plan_id = \(plan.id) AND source = ANY(\(dueItems.sources)::text[])")
        var seen: Set<String> = []
        let items = dueItems.items(plan).filter { seen.insert("\($0.source)|\($0.entryID)|\($0.kind.rawValue)").inserted }
        guard !items.isEmpty else { return }
        try link.query(
            """
            INSERT INTO careplan.due_item (plan_id, holder, source, entry_id, kind, title, owner, owner_key, due_on)
            SELECT \(plan.id), (SELECT holder FROM careplan.plan WHERE id = \(plan.id)), source, entry, kind, title, NULLIF(owner, ''),
                owner_key, due
            FROM unnest(\(items.map(\.source))::text[], \(items.map(\.entryID))::text[],
                \(items.map(\.kind.rawValue))::text[], \(items.map(\.title))::text[], \(items.map { $0.owner ?? "" })::text[],
                \(items.map { $0.owner.map(NameKey.fold) ?? "" })::text[], \(items.map(\.dueOn.description))::text[])
                AS item(source, entry, kind, title, owner, owner_key, due)
            """)
    }

    /// Rebuilds the worklist index when the modules it covers changed, in batches, each its own
    /// short transaction; the sources are recorded only at the end, so an interrupted rebuild
    /// starts again next time.
    func rebuildIndexIfNeeded() throws {
        let wanted = dueItems.signature
        let built = try link.query("SELECT value FROM careplan.meta WHERE key = 'dueItemSources'").first?.decode(String.self)
        guard built != wanted else { return }
        try link.transaction {
            try link.query("DELETE FROM careplan.meta WHERE key = 'dueItemSources'")
            try link.query("DELETE FROM careplan.due_item")
        }
        var after = ""
        while true {
            let last: String? = try link.transaction {
                let rows = try link.query(
                    """
                    SELECT p.id, r.body FROM careplan.plan p JOIN careplan.revision r ON r.plan_id = p.id AND r.number = p.head_revision
                    WHERE p.id > \(after) ORDER BY p.id LIMIT 500
                    """)
                var last: String?
                for row in rows {
                    let (id, body) = try row.decode((String, Data).self)
                    if let plan = try? PlanJSON.decodeStored(body) { try index(plan) }
                    last = id
                }
                return last
            }
            guard let last else { break }
            after = last
        }
        try link.query(
            "INSERT INTO careplan.meta (key, value) VALUES ('dueItemSources', \(wanted)) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    }

    static func revisionInfo(_ row: PostgresRow) throws -> RevisionInfo {
        let (planID, number, author, createdAt, summary) = try row.decode((String, Int, String, String, String).self)
        return RevisionInfo(
            planID: planID, number: number, author: author, createdAt: Timestamp.parse(createdAt) ?? Date(timeIntervalSince1970: 0),
            summary: summary)
    }
}
