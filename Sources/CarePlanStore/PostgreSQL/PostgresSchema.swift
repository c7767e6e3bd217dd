/// The team store's tables, policies and triggers, in the `careplan` schema, evolved only
/// through numbered migrations (never edited once shipped).
///
/// Who may see and do what is decided here, inside PostgreSQL, so it holds for psql too:
/// - every staff login is a member of the group role `careplan_user` and has a row in `staff`
///   naming its organisation and role;
/// - a plan is held by a PCN; its staff read and write it; a partner organisation sees it
///   only while a sharing decision for it is in force, and then only the shared sections,
///   through the view `shared_revision` (partners have no access to `revision` itself);
/// - the author of a revision and the person in an audit row are set by triggers from the
///   login (`session_user`), never from what the client sends;
/// - the audit and the sharing history are append-only for staff (and the audit for its owner too).
enum PostgresSchema {
    /// The group role every staff login belongs to.
    static let userRole = "careplan_user"

    /// Plan sections a sharing decision can name: the plan's own and each module's extension.
    static let coreSections = [
        "aboutMe", "strengths", "needs", "goals", "actions", "referrals", "episodes", "professionalContacts",
        "personalContacts", "contingency", "review", "notes", "consent", "agreement",
    ]

    /// Each migration's statements, in order; the store's version is how many have run.
    static let migrations: [[String]] = [version1, version2, version3]

    /// The newest version this careplan understands.
    static var latest: Int { migrations.count }

    private static let version1: [String] = [
        """
        DO $$ BEGIN
            CREATE ROLE careplan_user NOLOGIN;
        -- One role for every careplan database on the server: made by the first, and
        -- a unique violation when two are made at the same moment.
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$
        """,
        "CREATE SCHEMA careplan",
        "CREATE TABLE careplan.schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
        """
        CREATE TABLE careplan.organisation (
            code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
            name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            kind text NOT NULL CHECK (kind IN ('pcn', 'partner')))
        """,
        """
        CREATE TABLE careplan.staff (
            login name PRIMARY KEY,
            display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
            role text NOT NULL CHECK (role IN ('SPLW', 'HWBC', 'CC', 'manager', 'admin')),
            organisation text NOT NULL REFERENCES careplan.organisation)
        """,
        """
        CREATE TABLE careplan.plan (
            id text COLLATE "C" PRIMARY KEY,
            holder text NOT NULL REFERENCES careplan.organisation,
            nhs_number text COLLATE "C",
            display_name text NOT NULL,
            status text NOT NULL,
            head_revision integer NOT NULL,
            updated_at text NOT NULL,
            date_of_birth text COLLATE "C",
            phone_key text COLLATE "C",
            postcode_key text COLLATE "C")
        """,
        // One NHS number, one plan; ids that differ only in case are one id.
        "CREATE UNIQUE INDEX plan_nhs_number ON careplan.plan (nhs_number) WHERE nhs_number IS NOT NULL",
        "CREATE UNIQUE INDEX plan_id_folded ON careplan.plan (lower(id))",
        "CREATE INDEX plan_listing ON careplan.plan (lower(display_name COLLATE \"C\"), id)",
        "CREATE INDEX plan_date_of_birth ON careplan.plan (date_of_birth)",
        "CREATE INDEX plan_phone_key ON careplan.plan (phone_key)",
        "CREATE INDEX plan_postcode_key ON careplan.plan (postcode_key)",
        """
        CREATE TABLE careplan.revision (
            plan_id text COLLATE "C" NOT NULL REFERENCES careplan.plan ON DELETE CASCADE,
            holder text NOT NULL,
            number integer NOT NULL,
            author text NOT NULL,
            author_login name NOT NULL DEFAULT session_user,
            created_at text NOT NULL,
            summary text NOT NULL,
            body bytea NOT NULL,
            commit_token uuid,
            PRIMARY KEY (plan_id, number))
        """,
        """
        CREATE TABLE careplan.plan_name_key (
            key text COLLATE "C" NOT NULL,
            plan_id text COLLATE "C" NOT NULL REFERENCES careplan.plan ON DELETE CASCADE,
            holder text NOT NULL,
            -- The holder in the index: the policy is checked without visiting the table.
            PRIMARY KEY (key, plan_id) INCLUDE (holder))
        """,
        "CREATE INDEX plan_name_key_plan ON careplan.plan_name_key (plan_id)",
        """
        CREATE TABLE careplan.due_item (
            plan_id text COLLATE "C" NOT NULL REFERENCES careplan.plan ON DELETE CASCADE,
            holder text NOT NULL,
            source text NOT NULL,
            entry_id text NOT NULL,
            kind text COLLATE "C" NOT NULL,
            title text NOT NULL,
            owner text,
            owner_key text COLLATE "C" NOT NULL DEFAULT '',
            due_on text COLLATE "C" NOT NULL,
            PRIMARY KEY (plan_id, source, entry_id, kind))
        """,
        // Each index leads with the holder, which row-level security compares on every row:
        // a count is then an index-only scan, with no visit to the table.
        "CREATE INDEX due_item_kind_due ON careplan.due_item (holder, kind, due_on)",
        // Pages walk these in the worklist's order and stop at the limit.
        "CREATE INDEX due_item_due ON careplan.due_item (holder, due_on, plan_id, entry_id)",
        "CREATE INDEX due_item_owner_due ON careplan.due_item (holder, owner_key, due_on, plan_id, entry_id)",
        "CREATE INDEX due_item_owner_kind_due ON careplan.due_item (holder, owner_key, kind, due_on)",
        "CREATE TABLE careplan.meta (key text PRIMARY KEY, value text NOT NULL)",
        """
        CREATE TABLE careplan.share (
            id bigserial PRIMARY KEY,
            plan_id text COLLATE "C" NOT NULL REFERENCES careplan.plan ON DELETE CASCADE,
            organisation text NOT NULL REFERENCES careplan.organisation,
            sections text[] NOT NULL,
            legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 500),
            decided_on date NOT NULL,
            decided_by text NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 200),
            recorded_by name NOT NULL DEFAULT session_user,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            revoked_at timestamptz,
            revoked_by name,
            revoked_reason text)
        """,
        // At most one decision in force per plan and organisation: sharing again replaces it.
        "CREATE UNIQUE INDEX share_in_force ON careplan.share (plan_id, organisation) WHERE revoked_at IS NULL",
        """
        CREATE TABLE careplan.access (
            id bigserial PRIMARY KEY,
            at text NOT NULL,
            who text NOT NULL,
            who_login name NOT NULL DEFAULT session_user,
            who_key text NOT NULL,
            plan_id text COLLATE "C" NOT NULL,
            action text NOT NULL CHECK (action IN ('open', 'show', 'export', 'change', 'share', 'unshare')),
            detail text)
        """,
        "CREATE INDEX access_plan_at ON careplan.access (plan_id, at, id)",
        "CREATE INDEX access_who_at ON careplan.access (who_key, at, id)",
        "CREATE INDEX access_login_at ON careplan.access (who_login, at, id)",
        // The empty value of each section, written by the client that made the schema: what a
        // partner sees in place of a section not shared with it.
        "CREATE TABLE careplan.section_default (key text PRIMARY KEY, value jsonb)",

        // Who the login is. SECURITY DEFINER, so policies can ask without granting the tables.
        """
        CREATE FUNCTION careplan.my_organisation() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$ SELECT organisation FROM staff WHERE login = session_user $$
        """,
        """
        CREATE FUNCTION careplan.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$ SELECT role FROM staff WHERE login = session_user $$
        """,
        """
        CREATE FUNCTION careplan.i_hold(wanted text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
            SELECT EXISTS (SELECT 1 FROM careplan.plan p JOIN staff s ON s.organisation = p.holder
                           WHERE p.id = wanted AND s.login = session_user)
        $$
        """,
        """
        CREATE FUNCTION careplan.shared_with_me(wanted text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
            SELECT EXISTS (SELECT 1 FROM share sh JOIN staff s ON s.organisation = sh.organisation
                           WHERE sh.plan_id = wanted AND sh.revoked_at IS NULL AND s.login = session_user)
        $$
        """,
        // The plans shared with the login's organisation: a small set, read once per query.
        """
        CREATE FUNCTION careplan.plans_shared_with_me() RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
            SELECT sh.plan_id FROM share sh JOIN staff s ON s.organisation = sh.organisation
            WHERE sh.revoked_at IS NULL AND s.login = session_user
        $$
        """,
        // One person, one plan, across every holder: asked as the owner, so a plan the login
        // cannot see still counts. They return only a plan id, never a person's details.
        """
        CREATE FUNCTION careplan.nhs_number_holder(digits text, other_than text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
            SELECT id FROM careplan.plan WHERE nhs_number = digits AND id <> other_than ORDER BY id LIMIT 1
        $$
        """,
        """
        CREATE FUNCTION careplan.id_in_other_case(wanted text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
            SELECT id FROM careplan.plan WHERE lower(id) = lower(wanted) AND id <> wanted LIMIT 1
        $$
        """,
        // A plan body with only the shared sections: the rest take their empty value.
        """
        CREATE FUNCTION careplan.scoped_body(doc jsonb, sections text[]) RETURNS jsonb LANGUAGE sql STABLE
        SET search_path = careplan, pg_catalog AS $$
            SELECT (doc || COALESCE((SELECT jsonb_object_agg(d.key, d.value) FROM section_default d
                                     WHERE d.value IS NOT NULL AND NOT d.key = ANY (sections)), '{}'::jsonb))
                   - COALESCE((SELECT array_agg(d.key) FROM section_default d
                               WHERE d.value IS NULL AND NOT d.key = ANY (sections)), '{}'::text[])
                   || jsonb_build_object('extensions', COALESCE((SELECT jsonb_object_agg(e.key, e.value)
                        FROM jsonb_each(COALESCE(doc -> 'extensions', '{}'::jsonb)) e WHERE e.key = ANY (sections)), '{}'::jsonb))
        $$
        """,

        // One change to a plan in one call, so an edit costs one round trip: the checks (the
        // head it was based on, the id, the NHS number), the plan row, the revision, the name
        // keys, the due items of the client's sources, the audit row and the announcement.
        // SECURITY INVOKER: the login's policies and the triggers apply as to each statement.
        // `based_on` 0 makes a new plan. Refusals are returned, not raised, so the caller can
        // name them: exists (head), other case (the id), missing, conflict (head, its author),
        // nhs (the plan holding the number).
        """
        CREATE FUNCTION careplan.save_revision(
            wanted text, based_on integer, nhs text, person_name text, plan_status text, saved_at text,
            born text, phone text, postcode text, change_summary text, doc bytea, token uuid, name_keys text[],
            sources text[], item_source text[], item_entry text[], item_kind text[], item_title text[],
            item_owner text[], item_owner_key text[], item_due text[], audit_detail text)
        RETURNS TABLE (outcome text, revision_number integer, revision_author text, revision_at text,
                       revision_summary text, other_plan text)
        LANGUAGE plpgsql SET search_path = careplan, pg_catalog AS $$
        DECLARE
            head integer;
            found_plan text;
            holder_org text;
            saved careplan.revision%ROWTYPE;
        BEGIN
            -- The plan row alone is locked: a second writer waits here, then sees the new head.
            SELECT p.head_revision INTO head FROM careplan.plan p WHERE p.id = wanted FOR UPDATE;
            IF based_on = 0 THEN
                IF head IS NOT NULL THEN
                    RETURN QUERY SELECT 'exists'::text, head, ''::text, ''::text, ''::text, NULL::text;
                    RETURN;
                END IF;
                found_plan := careplan.id_in_other_case(wanted);
                IF found_plan IS NOT NULL THEN
                    RETURN QUERY SELECT 'other case'::text, 0, ''::text, ''::text, ''::text, found_plan;
                    RETURN;
                END IF;
            ELSIF head IS NULL THEN
                RETURN QUERY SELECT 'missing'::text, 0, ''::text, ''::text, ''::text, NULL::text;
                RETURN;
            ELSIF head <> based_on THEN
                RETURN QUERY SELECT 'conflict'::text, head, COALESCE((SELECT r.author FROM careplan.revision r
                    WHERE r.plan_id = wanted AND r.number = head), ''), ''::text, ''::text, NULL::text;
                RETURN;
            END IF;
            IF nhs IS NOT NULL THEN
                found_plan := careplan.nhs_number_holder(nhs, wanted);
                IF found_plan IS NOT NULL THEN
                    RETURN QUERY SELECT 'nhs'::text, 0, ''::text, ''::text, ''::text, found_plan;
                    RETURN;
                END IF;
            END IF;
            INSERT INTO careplan.plan AS p (id, holder, nhs_number, display_name, status, head_revision, updated_at,
                date_of_birth, phone_key, postcode_key)
            VALUES (wanted, careplan.my_organisation(), nhs, person_name, plan_status, based_on + 1, saved_at, born, phone, postcode)
            ON CONFLICT (id) DO UPDATE SET nhs_number = excluded.nhs_number, display_name = excluded.display_name,
                status = excluded.status, head_revision = excluded.head_revision, updated_at = excluded.updated_at,
                date_of_birth = excluded.date_of_birth, phone_key = excluded.phone_key, postcode_key = excluded.postcode_key
            RETURNING p.holder INTO holder_org;
            -- The author is set by the trigger, from the login.
            INSERT INTO careplan.revision AS r (plan_id, holder, number, author, created_at, summary, body, commit_token)
            VALUES (wanted, holder_org, based_on + 1, '', saved_at, change_summary, doc, token)
            RETURNING r.* INTO saved;
            -- Keys and due items are changed only where they differ: rewriting all of them on
            -- every edit would leave dead rows that slow the worklist's index-only counts.
            DELETE FROM careplan.plan_name_key k WHERE k.plan_id = wanted AND NOT k.key = ANY (name_keys);
            INSERT INTO careplan.plan_name_key (key, plan_id, holder)
            SELECT DISTINCT n.key, wanted, holder_org FROM unnest(name_keys) AS n(key)
            ON CONFLICT (key, plan_id) DO NOTHING;
            DELETE FROM careplan.due_item d WHERE d.plan_id = wanted AND d.source = ANY (sources)
                AND NOT EXISTS (SELECT 1 FROM unnest(item_source, item_entry, item_kind) AS i(source, entry, kind)
                                WHERE i.source = d.source AND i.entry = d.entry_id AND i.kind = d.kind);
            INSERT INTO careplan.due_item AS d (plan_id, holder, source, entry_id, kind, title, owner, owner_key, due_on)
            SELECT wanted, holder_org, i.source, i.entry, i.kind, i.title, NULLIF(i.owner, ''), i.owner_key, i.due
            FROM unnest(item_source, item_entry, item_kind, item_title, item_owner, item_owner_key, item_due)
                AS i(source, entry, kind, title, owner, owner_key, due)
            ON CONFLICT (plan_id, source, entry_id, kind) DO UPDATE
                SET title = excluded.title, owner = excluded.owner, owner_key = excluded.owner_key, due_on = excluded.due_on
                WHERE (d.title, d.owner, d.owner_key, d.due_on) IS DISTINCT FROM
                      (excluded.title, excluded.owner, excluded.owner_key, excluded.due_on);
            INSERT INTO careplan.access (at, who, who_key, plan_id, action, detail)
            VALUES (saved_at, '', '', wanted, 'change', audit_detail);
            -- Told to every shell with this plan open, when (and only if) the transaction commits.
            PERFORM pg_notify('careplan plan ' || wanted, saved.number || ' ' || saved.author);
            RETURN QUERY SELECT 'saved'::text, saved.number, saved.author, saved.created_at, saved.summary, NULL::text;
        END $$
        """,

        // Authors and audit rows name the login, whatever the client says.
        """
        CREATE FUNCTION careplan.stamp_author() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
        BEGIN
            NEW.author_login := session_user;
            NEW.author := COALESCE((SELECT display_name FROM staff WHERE login = session_user), session_user::text);
            RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER revision_author BEFORE INSERT ON careplan.revision FOR EACH ROW EXECUTE FUNCTION careplan.stamp_author()",
        """
        CREATE FUNCTION careplan.stamp_access() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
        BEGIN
            NEW.who_login := session_user;
            NEW.who := COALESCE((SELECT display_name FROM staff WHERE login = session_user), session_user::text);
            NEW.who_key := lower(NEW.who);
            RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER access_who BEFORE INSERT ON careplan.access FOR EACH ROW EXECUTE FUNCTION careplan.stamp_access()",
        """
        CREATE FUNCTION careplan.stamp_share() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = careplan, pg_catalog AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                NEW.recorded_by := session_user;
                NEW.recorded_at := now();
                NEW.revoked_at := NULL;
                RETURN NEW;
            END IF;
            IF OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
               OR (NEW.plan_id, NEW.organisation, NEW.sections, NEW.legal_basis, NEW.decided_on, NEW.decided_by,
                   NEW.recorded_by, NEW.recorded_at) IS DISTINCT FROM
                  (OLD.plan_id, OLD.organisation, OLD.sections, OLD.legal_basis, OLD.decided_on, OLD.decided_by,
                   OLD.recorded_by, OLD.recorded_at) THEN
                RAISE EXCEPTION 'a sharing decision is kept as it was made; it can only be revoked, once';
            END IF;
            NEW.revoked_by := session_user;
            NEW.revoked_at := now();
            RETURN NEW;
        END $$
        """,
        "CREATE TRIGGER share_history BEFORE INSERT OR UPDATE ON careplan.share FOR EACH ROW EXECUTE FUNCTION careplan.stamp_share()",
        """
        CREATE FUNCTION careplan.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the access audit is append-only'; END $$
        """,
        """
        CREATE TRIGGER access_append_only BEFORE UPDATE OR DELETE ON careplan.access
        FOR EACH ROW EXECUTE FUNCTION careplan.refuse_change()
        """,
        """
        CREATE TRIGGER access_no_truncate BEFORE TRUNCATE ON careplan.access
        FOR EACH STATEMENT EXECUTE FUNCTION careplan.refuse_change()
        """,

        // What a partner reads in place of `revision`: shared plans, shared sections.
        """
        CREATE VIEW careplan.shared_revision WITH (security_barrier) AS
            SELECT r.plan_id, r.number, r.author, r.created_at, r.summary,
                   convert_to(careplan.scoped_body(convert_from(r.body, 'UTF8')::jsonb, sh.sections)::text, 'UTF8') AS body
            FROM careplan.revision r
            JOIN careplan.share sh ON sh.plan_id = r.plan_id AND sh.revoked_at IS NULL
            WHERE sh.organisation = careplan.my_organisation()
        """,

        // Row-level security: the database decides who sees which rows.
        "ALTER TABLE careplan.plan ENABLE ROW LEVEL SECURITY",
        // Each row is compared with the login's organisation, read once per query (the
        // sub-select), so a caseload-wide count costs no function call per row.
        """
        CREATE POLICY plan_read ON careplan.plan FOR SELECT
            USING (holder = (SELECT careplan.my_organisation()) OR id IN (SELECT careplan.plans_shared_with_me()))
        """,
        """
        CREATE POLICY plan_make ON careplan.plan FOR INSERT WITH CHECK (
            holder = careplan.my_organisation() AND careplan.my_role() IN ('SPLW', 'HWBC', 'CC', 'admin')
            AND (SELECT kind FROM careplan.organisation WHERE code = holder) = 'pcn')
        """,
        """
        CREATE POLICY plan_change ON careplan.plan FOR UPDATE USING (holder = careplan.my_organisation())
            WITH CHECK (holder = careplan.my_organisation() AND careplan.my_role() IN ('SPLW', 'HWBC', 'CC', 'admin'))
        """,
        "ALTER TABLE careplan.revision ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY revision_read ON careplan.revision FOR SELECT USING (holder = (SELECT careplan.my_organisation()))",
        """
        CREATE POLICY revision_add ON careplan.revision FOR INSERT
            WITH CHECK (holder = (SELECT careplan.my_organisation()) AND careplan.i_hold(plan_id)
                AND careplan.my_role() IN ('SPLW', 'HWBC', 'CC', 'admin'))
        """,
        "ALTER TABLE careplan.plan_name_key ENABLE ROW LEVEL SECURITY",
        """
        CREATE POLICY name_key_read ON careplan.plan_name_key FOR SELECT
            USING (holder = (SELECT careplan.my_organisation()) OR plan_id IN (SELECT careplan.plans_shared_with_me()))
        """,
        """
        CREATE POLICY name_key_write ON careplan.plan_name_key FOR INSERT
            WITH CHECK (holder = (SELECT careplan.my_organisation()) AND careplan.i_hold(plan_id))
        """,
        "CREATE POLICY name_key_remove ON careplan.plan_name_key FOR DELETE USING (holder = (SELECT careplan.my_organisation()))",
        "ALTER TABLE careplan.due_item ENABLE ROW LEVEL SECURITY",
        """
        CREATE POLICY due_item_holder ON careplan.due_item USING (holder = (SELECT careplan.my_organisation()))
            WITH CHECK (holder = (SELECT careplan.my_organisation()) AND careplan.i_hold(plan_id))
        """,
        "ALTER TABLE careplan.share ENABLE ROW LEVEL SECURITY",
        """
        CREATE POLICY share_read ON careplan.share FOR SELECT
            USING (careplan.i_hold(plan_id) OR organisation = careplan.my_organisation())
        """,
        """
        CREATE POLICY share_decide ON careplan.share FOR INSERT
            WITH CHECK (careplan.i_hold(plan_id) AND careplan.my_role() IN ('SPLW', 'HWBC', 'CC', 'manager', 'admin'))
        """,
        "CREATE POLICY share_revoke ON careplan.share FOR UPDATE USING (careplan.i_hold(plan_id)) WITH CHECK (careplan.i_hold(plan_id))",
        "ALTER TABLE careplan.access ENABLE ROW LEVEL SECURITY",
        """
        CREATE POLICY access_read ON careplan.access FOR SELECT
            USING (careplan.i_hold(plan_id) OR who_login = session_user)
        """,
        """
        CREATE POLICY access_add ON careplan.access FOR INSERT
            WITH CHECK (careplan.i_hold(plan_id) OR careplan.shared_with_me(plan_id))
        """,
        "ALTER TABLE careplan.staff ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY staff_read ON careplan.staff FOR SELECT USING (true)",
        "CREATE POLICY staff_admin ON careplan.staff USING (careplan.my_role() = 'admin') WITH CHECK (careplan.my_role() = 'admin')",
        "ALTER TABLE careplan.organisation ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY organisation_read ON careplan.organisation FOR SELECT USING (true)",
        """
        CREATE POLICY organisation_admin ON careplan.organisation
            USING (careplan.my_role() = 'admin') WITH CHECK (careplan.my_role() = 'admin')
        """,

        // Privileges: staff may add and read; no one but the owner removes, and the audit not even it.
        "REVOKE ALL ON ALL TABLES IN SCHEMA careplan FROM PUBLIC",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA careplan FROM PUBLIC",
        "GRANT USAGE ON SCHEMA careplan TO careplan_user",
        "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA careplan TO careplan_user",
        "GRANT SELECT ON careplan.schema_version, careplan.section_default TO careplan_user",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON careplan.meta TO careplan_user",
        "GRANT SELECT, INSERT, UPDATE ON careplan.plan TO careplan_user",
        "GRANT SELECT, INSERT ON careplan.revision TO careplan_user",
        "GRANT SELECT, INSERT, DELETE ON careplan.plan_name_key TO careplan_user",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON careplan.due_item TO careplan_user",
        "GRANT SELECT, INSERT, UPDATE ON careplan.share TO careplan_user",
        "GRANT SELECT, INSERT ON careplan.access TO careplan_user",
        "GRANT SELECT, INSERT, UPDATE ON careplan.staff, careplan.organisation TO careplan_user",
        "GRANT SELECT ON careplan.shared_revision TO careplan_user",
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA careplan TO careplan_user",
        "INSERT INTO careplan.schema_version (version) VALUES (1)",
    ]

    /// The postcode-to-IMD-decile lookup: public reference data every login reads, which only a
    /// manager or an admin replaces.
    private static let version2: [String] = [
        "CREATE TABLE careplan.imd_postcode (postcode text PRIMARY KEY, decile smallint NOT NULL CHECK (decile BETWEEN 1 AND 10))",
        "ALTER TABLE careplan.imd_postcode ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY imd_postcode_read ON careplan.imd_postcode FOR SELECT USING (true)",
        "CREATE POLICY imd_postcode_replace ON careplan.imd_postcode USING (careplan.my_role() IN ('manager', 'admin')) WITH CHECK (careplan.my_role() IN ('manager', 'admin'))",
        "REVOKE ALL ON careplan.imd_postcode FROM PUBLIC",
        "GRANT SELECT, INSERT, DELETE ON careplan.imd_postcode TO careplan_user",
    ]

    /// The report digest (`ReportDigest`) of each plan, kept by `save_revision` in the same
    /// statement as the revision, in a table of its own so that, like the revisions, only the
    /// holding PCN reads it (a partner's report decodes what is shared with it instead).
    /// Plans stored before are read in full by reports until their next change.
    private static let version3: [String] = [
        """
        CREATE TABLE careplan.report_digest (
            plan_id text PRIMARY KEY REFERENCES careplan.plan (id),
            holder text NOT NULL,
            digest text NOT NULL)
        """,
        "ALTER TABLE careplan.report_digest ENABLE ROW LEVEL SECURITY",
        """
        CREATE POLICY report_digest_holder ON careplan.report_digest USING (holder = (SELECT careplan.my_organisation()))
            WITH CHECK (holder = (SELECT careplan.my_organisation()) AND careplan.i_hold(plan_id))
        """,
        "REVOKE ALL ON careplan.report_digest FROM PUBLIC",
        "GRANT SELECT, INSERT, UPDATE ON careplan.report_digest TO careplan_user",
        "DROP FUNCTION careplan.save_revision(\(saveRevisionVersion1Types))",
        saveRevisionWithDigest,
        "REVOKE ALL ON FUNCTION careplan.save_revision(\(saveRevisionVersion1Types), text) FROM PUBLIC",
        "GRANT EXECUTE ON FUNCTION careplan.save_revision(\(saveRevisionVersion1Types), text) TO careplan_user",
    ]

    /// The parameter types of version 1's `save_revision`.
    static let saveRevisionVersion1Types =
        "text, integer, text, text, text, text, text, text, text, text, bytea, uuid, text[], text[], text[], text[], text[], text[], text[], text[], text[], text"

    /// Version 1's `save_revision` with one more parameter, the digest, upserted beside the
    /// revision. Made from version 1's text, which never changes once shipped, so the two
    /// cannot drift apart; `PostgresSchemaTests` checks both changes took.
    static let saveRevisionWithDigest: String = {
        let original = version1.first { $0.contains("CREATE FUNCTION careplan.save_revision(") } ?? ""
        return
            original
            .replacingOccurrences(of: "item_due text[], audit_detail text)", with: "item_due text[], audit_detail text, digest text)")
            .replacingOccurrences(
                of: "INSERT INTO careplan.access (at, who, who_key, plan_id, action, detail)",
                with: "INSERT INTO careplan.report_digest AS g (plan_id, holder, digest) VALUES (wanted, holder_org, digest)\n"
                    + "        ON CONFLICT (plan_id) DO UPDATE SET digest = excluded.digest;\n"
                    + "    INSERT INTO careplan.access (at, who, who_key, plan_id, action, detail)")
    }()
}
