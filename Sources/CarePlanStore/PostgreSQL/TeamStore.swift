public import Foundation
import PostgresNIO
public import CarePlanCore

/// The team store's own operations, on an open PostgreSQL store: who you are, the staff list,
/// organisations, sharing decisions and news of colleagues' changes. The database enforces
/// every rule here (only an admin changes the staff list; only the plan's holder shares it).
public struct TeamStore: Sendable {
    let engine: PostgresEngine

    /// Who the login is.
    public var identity: StaffIdentity { engine.identity }

    // MARK: - Staff and organisations

    /// Adds an organisation (admin only). `kind` is `pcn` or `partner`.
    public func addOrganisation(code: String, name: String, kind: String) throws(StoreError) {
        try engine.mapped {
            try engine.link.transaction {
                try engine.link.query(
                    "INSERT INTO careplan.organisation (code, name, kind) VALUES (\(code), \(name), \(kind))")
            }
        }
    }

    /// Every organisation: code, name and kind.
    public func organisations() throws(StoreError) -> [(code: String, name: String, kind: String)] {
        try engine.mapped {
            try engine.link.query("SELECT code, name, kind FROM careplan.organisation ORDER BY code").map {
                let (code, name, kind) = try $0.decode((String, String, String).self)
                return (code, name, kind)
            }
        }
    }

    /// Adds a database login to the staff list, or changes its name, role or organisation
    /// (admin only), and lets it use the store (membership of `careplan_user`).
    public func setStaff(login: String, displayName: String, role: String, organisation: String) throws(StoreError) {
        try engine.mapped {
            try engine.link.transaction {
                let exists = try engine.link.query("SELECT 1 FROM pg_roles WHERE rolname = \(login)").first != nil
                guard exists else {
                    throw StoreError.notPermitted(
                        reason: "there is no database login \(login): the database administrator makes it first (createuser --pwprompt \(login))")
                }
                try engine.link.query(
                    """
                    INSERT INTO careplan.staff (login, display_name, role, organisation) VALUES (\(login), \(displayName), \(role), \(organisation))
                    ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                        organisation = excluded.organisation
                    """)
                try engine.link.query("GRANT careplan_user TO \(unescaped: PostgresLink.quoted(login))")
            }
        }
    }

    /// The staff list.
    public func staff() throws(StoreError) -> [StaffIdentity] {
        try engine.mapped {
            try engine.link.query(
                """
                SELECT s.login::text, s.display_name, s.role, s.organisation, o.name, o.kind
                FROM careplan.staff s JOIN careplan.organisation o ON o.code = s.organisation ORDER BY s.organisation, s.display_name
                """
            ).map(StaffIdentity.init(row:))
        }
    }

    // MARK: - Sharing

    /// Records a decision to share `sections` of a plan with a partner organisation; a decision
    /// already in force for that organisation is revoked by it (both stay in the history).
    public func share(_ decision: SharingRequest, at instant: Date) throws(StoreError) {
        try engine.mapped {
            try engine.link.transaction {
                let kind = try engine.link.query("SELECT kind FROM careplan.organisation WHERE code = \(decision.organisation)").first?
                    .decode(String.self)
                guard let kind else { throw StoreError.notFound(query: decision.organisation) }
                guard kind == "partner" else {
                    throw StoreError.notPermitted(reason: "\(decision.organisation) is a PCN, not a partner: plans are shared with partners")
                }
                guard try engine.link.query("SELECT careplan.i_hold(\(decision.planID))").first?.decode(Bool.self) == true else {
                    throw StoreError.notFound(query: decision.planID)
                }
                try engine.link.query(
                    """
                    UPDATE careplan.share SET revoked_at = now(), revoked_reason = 'replaced by a new decision'
                    WHERE plan_id = \(decision.planID) AND organisation = \(decision.organisation) AND revoked_at IS NULL
                    """)
                try engine.link.query(
                    """
                    INSERT INTO careplan.share (plan_id, organisation, sections, legal_basis, decided_on, decided_by)
                    VALUES (\(decision.planID), \(decision.organisation), \(decision.sections)::text[], \(decision.legalBasis),
                        \(decision.decidedOn.description)::date, \(decision.decidedBy))
                    """)
                _ = try engine.recordAccess(
                    .share, to: [decision.planID], by: "", at: instant,
                    detail: "with \(decision.organisation): \(decision.sections.joined(separator: ", "))")
            }
        }
    }

    /// Revokes the decision in force to share a plan with `organisation`.
    /// - Returns: false when nothing was shared with it.
    @discardableResult
    public func unshare(_ planID: String, from organisation: String, reason: String, at instant: Date) throws(StoreError) -> Bool {
        try engine.mapped {
            try engine.link.transaction {
                let changed =
                    try engine.link.query(
                        """
                        UPDATE careplan.share SET revoked_at = now(), revoked_reason = \(reason)
                        WHERE plan_id = \(planID) AND organisation = \(organisation) AND revoked_at IS NULL RETURNING id
                        """
                    ).first != nil
                if changed {
                    _ = try engine.recordAccess(
                        .unshare, to: [planID], by: "", at: instant, detail: "from \(organisation)")
                }
                return changed
            }
        }
    }

    /// Every sharing decision on a plan, in force or revoked, oldest first.
    public func sharing(of planID: String) throws(StoreError) -> [SharingDecision] {
        try engine.mapped {
            try engine.link.query(
                """
                SELECT s.organisation, o.name, s.sections, s.legal_basis, s.decided_on::text, s.decided_by, s.recorded_by::text,
                       to_char(s.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                       to_char(s.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s.revoked_by::text, s.revoked_reason
                FROM careplan.share s JOIN careplan.organisation o ON o.code = s.organisation
                WHERE s.plan_id = \(planID) ORDER BY s.id
                """
            ).map {
                let (code, name, sections, basis, decided, decidedBy, recordedBy, recordedAt, revokedAt, revokedBy, reason) =
                    try $0.decode((String, String, [String], String, String, String, String, String, String?, String?, String?).self)
                return SharingDecision(
                    organisation: code, organisationName: name, sections: sections, legalBasis: basis,
                    decidedOn: CalendarDate(decided) ?? CalendarDate(year: 1970, month: 1, day: 1)!, decidedBy: decidedBy,
                    recordedBy: recordedBy, recordedAt: Timestamp.parse(recordedAt) ?? Date(timeIntervalSince1970: 0),
                    revokedAt: revokedAt.flatMap(Timestamp.parse), revokedBy: revokedBy, revokedReason: reason)
            }
        }
    }

    // MARK: - Colleagues' changes

    /// Calls `handler` (on another thread) with the revision number and author of each change
    /// someone commits to `planID`, until `stopWatching`.
    public func watch(_ planID: String, _ handler: @escaping @Sendable (_ revision: Int, _ author: String) -> Void) throws(StoreError) {
        try engine.mapped {
            try engine.link.listen(PostgresEngine.channel(for: planID)) { payload in
                let parts = payload.split(separator: " ", maxSplits: 1)
                guard let number = parts.first.flatMap({ Int($0) }) else { return }
                handler(number, parts.count > 1 ? String(parts[1]) : "someone")
            }
        }
    }

    /// Stops the news of `planID`'s changes.
    public func stopWatching(_ planID: String) {
        engine.link.unlisten(PostgresEngine.channel(for: planID))
    }
}

/// A decision to share part of a plan with a partner organisation.
public struct SharingRequest: Sendable, Equatable {
    public var planID: String
    /// The partner organisation's code.
    public var organisation: String
    /// The plan sections shared (`aboutMe`, `goals`, a module's id such as `social-prescribing`).
    public var sections: [String]
    /// The lawful basis (UK GDPR), and any objection the person made.
    public var legalBasis: String
    public var decidedOn: CalendarDate
    /// Who decided (the person, with the member of staff who recorded it).
    public var decidedBy: String

    public init(planID: String, organisation: String, sections: [String], legalBasis: String, decidedOn: CalendarDate, decidedBy: String) {
        self.planID = planID
        self.organisation = organisation
        self.sections = sections
        self.legalBasis = legalBasis
        self.decidedOn = decidedOn
        self.decidedBy = decidedBy
    }
}

/// A sharing decision as the store keeps it.
public struct SharingDecision: Sendable, Equatable {
    public var organisation: String
    public var organisationName: String
    public var sections: [String]
    public var legalBasis: String
    public var decidedOn: CalendarDate
    public var decidedBy: String
    /// The login that recorded it, and when.
    public var recordedBy: String
    public var recordedAt: Date
    /// When, by whom and why it was revoked; nil while in force.
    public var revokedAt: Date?
    public var revokedBy: String?
    public var revokedReason: String?
}

/// The plan's own sections, as a sharing decision names them.
public enum PlanSections {
    /// Every core section that can be shared.
    public static let core = PostgresSchema.coreSections
}
