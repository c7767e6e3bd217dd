import CarePlanCore
import Foundation
import PostgresNIO

extension PostgresEngine {
    func create(_ plan: Plan, author: String, summary: String, at instant: Date) throws -> RevisionInfo {
        try write(plan, body: PlanJSON.encode(plan), basedOn: 0, summary: summary, at: instant)
    }

    func commit(_ plan: Plan, body: Data, basedOn: Int, author: String, summary: String, at instant: Date) throws -> RevisionInfo {
        try write(plan, body: body, basedOn: basedOn, summary: summary, at: instant)
    }

    func importPlans(_ plans: [Plan], bodies: [Data]?, author: String, at instant: Date, replace: Bool) throws -> [ImportOutcome] {
        guard !isReadOnly else { throw StoreError.readOnly(path: location) }
        return try mapped {
            try link.transaction {
                var outcomes: [ImportOutcome] = []
                for (index, plan) in plans.enumerated() {
                    let body = bodies.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? PlanJSON.encode(plan)
                    // Asked before saving: a unique violation would end the whole transaction.
                    if let holder = try otherHolder(of: plan) {
                        outcomes.append(.refused(.duplicateNHSNumber(planID: plan.id, heldBy: holder)))
                        continue
                    }
                    guard let head = try head(of: plan.id) else {
                        outcomes.append(
                            outcome(try save(plan, body: body, basedOn: 0, summary: "imported", at: instant, token: UUID()), plan))
                        continue
                    }
                    let stored = try link.query(
                        "SELECT body FROM careplan.revision WHERE plan_id = \(plan.id) AND number = \(head.number)"
                    ).first?.decode(Data.self)
                    if stored == body {
                        outcomes.append(.unchanged(planID: plan.id, head: head.number))
                    } else if replace {
                        let saved = try save(
                            plan, body: body, basedOn: head.number, summary: "imported (replacing revision \(head.number))", at: instant,
                            token: UUID())
                        outcomes.append(outcome(saved, plan))
                    } else {
                        outcomes.append(.refused(.alreadyExists(planID: plan.id, head: head.number)))
                    }
                }
                return outcomes
            }
        }
    }

    func recordAccess(_ action: AccessAction, to planIDs: [String], by who: String, at instant: Date, detail: String?) throws -> Bool {
        // Every login records its own access, partners and managers too: the database names it
        // (who, who_login and who_key are set by its trigger). One statement: all rows or none.
        try mapped {
            try link.query(
                """
                INSERT INTO careplan.access (at, who, who_key, plan_id, action, detail)
                SELECT \(Timestamp.format(instant)), '', '', id, \(action.rawValue), \(detail) FROM unnest(\(planIDs)::text[]) id
                """)
        }
        return true
    }

    // MARK: - Helpers

    /// What `careplan.save_revision` answered.
    enum SaveOutcome {
        case saved(RevisionInfo)
        case exists(head: Int)
        case otherCase(existing: String)
        case missing
        case conflict(head: Int, author: String)
        case nhsNumberHeld(by: String)
    }

    /// One change in one call (and one round trip): refused for a read-only login; its commit
    /// confirmed by a token when the connection drops before the answer arrives.
    private func write(_ plan: Plan, body: Data, basedOn: Int, summary: String, at instant: Date) throws -> RevisionInfo {
        guard !isReadOnly else {
            throw StoreError.notPermitted(
                reason: "\(identity.displayName) (\(identity.role), \(identity.organisationName)) may read plans here but not change them")
        }
        let token = UUID()
        let saved: SaveOutcome
        do {
            saved = try link.statement(committed: { try self.committedRevision(plan.id, number: basedOn + 1, token: token).map(SaveOutcome.saved) }) {
                try save(plan, body: body, basedOn: basedOn, summary: summary, at: instant, token: token)
            }
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
        switch saved {
        case .saved(let info): return info
        case .exists(let head): throw StoreError.alreadyExists(planID: plan.id, head: head)
        case .otherCase(let twin): throw StoreError.idInOtherCase(planID: plan.id, existing: twin)
        case .missing: throw StoreError.notFound(query: plan.id)
        case .conflict(let head, let author):
            throw StoreError.conflict(planID: plan.id, basedOn: basedOn, head: head, headAuthor: author)
        case .nhsNumberHeld(let holder): throw StoreError.duplicateNHSNumber(planID: plan.id, heldBy: holder)
        }
    }

    /// An import's outcome for what `save` answered.
    private func outcome(_ saved: SaveOutcome, _ plan: Plan) -> ImportOutcome {
        switch saved {
        case .saved(let info): .stored(info)
        case .exists(let head): .refused(.alreadyExists(planID: plan.id, head: head))
        case .otherCase(let twin): .refused(.idInOtherCase(planID: plan.id, existing: twin))
        case .missing: .refused(.notFound(query: plan.id))
        case .conflict(let head, _): .refused(.alreadyExists(planID: plan.id, head: head))
        case .nhsNumberHeld(let holder): .refused(.duplicateNHSNumber(planID: plan.id, heldBy: holder))
        }
    }

    /// Saves `plan` as the revision after `basedOn` (0: a new plan) with `careplan.save_revision`.
    private func save(_ plan: Plan, body: Data, basedOn: Int, summary: String, at instant: Date, token: UUID) throws -> SaveOutcome {
        let keys = PersonKeys.of(plan.person)
        let names = [plan.person.name] + (plan.person.preferredName.map { [$0] } ?? [])
        let items = dueItemRows(plan)
        var binds = PostgresBindings()
        binds.append(plan.id)
        binds.append(basedOn)
        binds.append(plan.person.nhsNumber?.digits)
        binds.append(plan.person.name)
        binds.append(plan.status.rawValue)
        binds.append(Timestamp.format(instant))
        binds.append(keys.dateOfBirth)
        binds.append(keys.phone)
        binds.append(keys.postcode)
        binds.append(summary)
        try binds.append(body)
        binds.append(token)
        binds.append(Array(NameKey.keys(for: names)).sorted())
        binds.append(dueItems.sources)
        binds.append(items.map(\.source))
        binds.append(items.map(\.entryID))
        binds.append(items.map(\.kind.rawValue))
        binds.append(items.map(\.title))
        binds.append(items.map { $0.owner ?? "" })
        binds.append(items.map { $0.owner.map(NameKey.fold) ?? "" })
        binds.append(items.map(\.dueOn.description))
        binds.append("revision \(basedOn + 1)")
        binds.append(ReportDigest(plan, body: body).encoded)
        // Typed, so nulls and Swift's 64-bit integers find the function.
        let placeholders = zip(1..., Self.saveRevisionTypes).map { "$\($0)::\($1)" }.joined(separator: ", ")
        let rows = try link.query(PostgresQuery(unsafeSQL: "SELECT * FROM careplan.save_revision(\(placeholders))", binds: binds))
        guard let row = rows.first else { throw PostgresFailure.server(sqlState: "XX000", message: "the revision was not stored") }
        let (outcome, number, author, createdAt, savedSummary, other) = try row.decode((String, Int, String, String, String, String?).self)
        switch outcome {
        case "saved":
            return .saved(
                RevisionInfo(
                    planID: plan.id, number: number, author: author,
                    createdAt: Timestamp.parse(createdAt) ?? Date(timeIntervalSince1970: 0), summary: savedSummary))
        case "exists": return .exists(head: number)
        case "other case": return .otherCase(existing: other ?? "")
        case "missing": return .missing
        case "conflict": return .conflict(head: number, author: author)
        default: return .nhsNumberHeld(by: other ?? "")
        }
    }

    /// The types of `careplan.save_revision`'s parameters, in order.
    private static let saveRevisionTypes =
        ["text", "integer"] + Array(repeating: "text", count: 8) + ["bytea", "uuid"] + Array(repeating: "text[]", count: 9) + ["text", "text"]

    /// The revision a commit with `token` made, if it landed.
    private func committedRevision(_ planID: String, number: Int, token: UUID) throws -> RevisionInfo? {
        let rows = try link.query(
            """
            SELECT plan_id, number, author, created_at, summary FROM careplan.revision
            WHERE plan_id = \(planID) AND number = \(number) AND commit_token = \(token)
            """)
        return try rows.first.map(Self.revisionInfo)
    }

    func head(of planID: String) throws -> (number: Int, author: String)? {
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

    /// The plan's due items for the sources this client's modules cover, each once.
    private func dueItemRows(_ plan: Plan) -> [DueItem] {
        var seen: Set<String> = []
        return dueItems.items(plan).filter { seen.insert("\($0.source)|\($0.entryID)|\($0.kind.rawValue)").inserted }
    }

    /// Replaces the plan's due items for the sources this client's modules cover.
    func index(_ plan: Plan) throws {
        try link.query("DELETE FROM careplan.due_item WHERE plan_id = \(plan.id) AND source = ANY(\(dueItems.sources)::text[])")
        let items = dueItemRows(plan)
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
