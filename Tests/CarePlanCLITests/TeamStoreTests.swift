import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing
@testable import CarePlanStore

/// The team store (PostgreSQL): identity, sharing enforced by the database, the append-only
/// audit, schema versions and faults. Each test has a database of its own.
@Suite("Team store")
struct TeamStoreTests {
    let careplan = CommandRunner(product: "careplan")

    /// A PCN with a plan made by Sam Osei, and a partner organisation with one member, Kim Lee.
    func team() throws -> (database: TestTeamDatabase, sam: String, kim: String, planID: String) {
        let database = try TestTeamDatabase()
        let sam = try database.addStaff("sam", name: "Sam Osei")
        try database.addOrganisation("VSA", name: "Calder Voluntary Action")
        let kim = try database.addStaff("kim", name: "Kim Lee", organisation: "VSA")
        var plan = try Fixtures.samplePlan("social-prescribing-margaret-okafor")
        plan.notes.append(
            Note(id: plan.issueID(.note), writtenOn: Fixtures.today, author: "Sam Osei", text: "staff only: lives alone, key under the mat"))
        try database.open(as: sam).create(plan, author: "ignored", summary: "created", at: Fixtures.now)
        return (database, sam, kim, plan.id)
    }

    /// Runs a Tests/Support script that starts a PostgreSQL server of its own, given the binary.
    func runOwnServerScript(_ name: String) throws -> CommandRunner.Result {
        try CommandRunner(executable: URL(fileURLWithPath: "/bin/bash")).run(
            [Fixtures.packageRoot.appendingPathComponent("Tests/Support/\(name)").path, careplan.executable.path],
            environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"])
    }

    func run(_ arguments: [String], as login: String, in database: TestTeamDatabase) throws -> CommandRunner.Result {
        try careplan.run(arguments + ["--store", database.url(for: login)], environment: database.environment(for: login))
    }

    @Test("a partner's login sees a plan only after share, only the shared sections, and not after unshare, also through psql")
    func sharingIsEnforcedByTheDatabase() throws {
        let (database, sam, kim, planID) = try team()
        // Before: nothing, through careplan or psql.
        #expect(try run(["list"], as: kim, in: database).stdout.contains("0 plans"))
        #expect(try database.psql(as: kim, "SELECT count(*) FROM careplan.plan").stdout == "0\n")
        #expect(try database.psql(as: kim, "SELECT count(*) FROM careplan.revision").stdout == "0\n")
        #expect(try database.psql(as: kim, "SELECT count(*) FROM careplan.shared_revision").stdout == "0\n")
        #expect(try database.psql(as: kim, "SELECT count(*) FROM careplan.due_item").stdout == "0\n")

        let shared = try run(
            [
                "share", planID, "--with", "VSA", "--scope", "goals,social-prescribing", "--basis", "direct care (implied consent); no objection",
                "--decided-by", "Margaret Okafor with Sam Osei",
            ], as: sam, in: database)
        #expect(shared.status == 0, "\(shared.stderr)")

        let listed = try run(["list"], as: kim, in: database)
        #expect(listed.stdout.contains(planID))
        let exported = try run(["export", planID], as: kim, in: database)
        #expect(exported.status == 0, "\(exported.stderr)")
        let tree = try PlanJSON.parse(Data(exported.stdout.utf8))
        #expect(tree["goals"] != .array([]))
        #expect(tree["notes"] == .array([]))
        #expect(!exported.stdout.contains("key under the mat"))
        // The base table stays closed to partners; the view holds only the shared sections.
        #expect(try database.psql(as: kim, "SELECT count(*) FROM careplan.revision").stdout == "0\n")
        let viaView = try database.psql(as: kim, "SELECT convert_from(body, 'UTF8') FROM careplan.shared_revision")
        #expect(viaView.status == 0 && !viaView.stdout.isEmpty)
        #expect(!viaView.stdout.contains("key under the mat"))
        // A partner reads; it does not write, through careplan or psql.
        let edit = try run(["-c", "open \(planID)", "-c", "note rang her"], as: kim, in: database)
        #expect(edit.stderr.contains("may read plans here but not change them"))
        #expect(try database.psql(as: kim, "UPDATE careplan.plan SET status = 'revoked'").stdout.isEmpty)
        #expect(try database.open(as: sam).load(planID).plan.status != .revoked)

        let revoked = try run(["unshare", planID, "--from", "VSA", "--reason", "the person objected"], as: sam, in: database)
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(try run(["list"], as: kim, in: database).stdout.contains("0 plans"))
        #expect(try database.psql(as: kim, "SELECT count(*) FROM careplan.plan").stdout == "0\n")
        #expect(try database.psql(as: kim, "SELECT count(*) FROM careplan.shared_revision").stdout == "0\n")
        // Both decisions are kept.
        let history = try run(["sharing", planID], as: sam, in: database)
        #expect(history.stdout.contains("revoked"), "\(history.stdout)")
        #expect(history.stdout.contains("the person objected"))
        #expect(try database.psql(as: sam, "DELETE FROM careplan.share").status != 0)
    }

    @Test("audit rows cannot be changed or removed by a staff login, nor by the store's owner")
    func auditIsAppendOnly() throws {
        let (database, sam, _, planID) = try team()
        for statement in ["UPDATE careplan.access SET who = 'nobody'", "DELETE FROM careplan.access", "TRUNCATE careplan.access"] {
            let asStaff = try database.psql(as: sam, statement)
            #expect(asStaff.status != 0, "\(statement) was allowed")
            let asOwner = try database.psql(as: database.admin, statement)
            #expect(asOwner.status != 0, "\(statement) was allowed for the owner")
        }
        #expect(try database.open(as: sam).accessRecords(of: planID).map(\.who) == ["Sam Osei"])
    }

    @Test("the author of a revision and the person in an audit row are the login, whatever the client sends")
    func identityComesFromTheLogin() throws {
        let (database, sam, _, planID) = try team()
        // Sam tries to sign as someone else, straight into the tables.
        let forged = try database.psql(
            as: sam,
            """
            INSERT INTO careplan.access (at, who, who_key, plan_id, action) VALUES ('2026-11-21T10:00:00Z', 'Dr Who', 'dr who', '\(planID)', 'show');
            SELECT who FROM careplan.access ORDER BY id DESC LIMIT 1
            """)
        #expect(forged.stdout == "Sam Osei\n", "\(forged.stderr)")
        #expect(try database.open(as: sam).history(of: planID).map(\.author) == ["Sam Osei"])
        let refused = try run(["-c", "open \(planID)", "--author", "Dr Who"], as: sam, in: database)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--author cannot be used with the team store"))
        let whoami = try run(["whoami"], as: sam, in: database)
        #expect(whoami.stdout.contains("you are Sam Osei, SPLW in Calder PCN"), "\(whoami.stdout)")
    }

    @Test("careplan audit PLAN lists every open, show, export and change, with the right people")
    func auditListsEveryone() throws {
        let (database, sam, _, planID) = try team()
        let nadia = try database.addStaff("nadia", name: "Nadia Begum", role: "CC")
        #expect(try run(["-c", "open \(planID)", "-c", "show", "-c", "note rang her -- \"soon\""], as: sam, in: database).status == 0)
        #expect(try run(["export", planID, "--format", "fhir"], as: nadia, in: database).status == 0)
        let audit = try run(["audit", planID], as: nadia, in: database)
        #expect(audit.status == 0, "\(audit.stderr)")
        let rows = audit.stdout.split(separator: "\n").dropFirst().dropLast().map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
        }
        #expect(
            rows == [
                "Sam Osei change revision 1", "Sam Osei open -", "Sam Osei show -", "Sam Osei change revision 2", "Nadia Begum export fhir",
            ], "\(audit.stdout)")
        let byNadia = try run(["audit", "--user", "Nadia Begum"], as: sam, in: database)
        #expect(byNadia.stdout.contains("1 entry"), "\(byNadia.stdout)")
    }

    @Test("a store with an older or newer schema is refused, naming both versions, and nothing is changed")
    func schemaVersions() throws {
        let (database, sam, _, _) = try team()
        #expect(try database.psql(as: database.admin, "UPDATE careplan.schema_version SET version = 99").status == 0)
        let newer = try run(["list"], as: sam, in: database)
        #expect(newer.status == 1)
        #expect(newer.stderr.contains("schema v99 from a newer careplan") && newer.stderr.contains("understands up to v3"), "\(newer.stderr)")
        #expect(try run(["store", "upgrade"], as: database.admin, in: database).status == 1)
        #expect(try database.psql(as: database.admin, "UPDATE careplan.schema_version SET version = 0").status == 0)
        let older = try run(["list"], as: sam, in: database)
        #expect(older.stderr.contains("it has schema v0, and this careplan needs v3"), "\(older.stderr)")
        #expect(try database.psql(as: database.admin, "SELECT version FROM careplan.schema_version").stdout == "0\n")
        let again = try run(["store", "init", "--organisation", "X", "--organisation-name", "X", "--name", "X"], as: database.admin, in: database)
        #expect(again.status == 1 && again.stderr.contains("already has a careplan schema"), "\(again.stderr)")
        let version = try run(["store", "version"], as: database.admin, in: database)
        #expect(version.stdout.contains("schema v0") && version.stdout.contains("understands schema v3"), "\(version.stdout)")
    }

    @Test("a v1 team store is brought to v3 by store upgrade, its plans kept; the IMD lookup and the report digests then work")
    func upgradeToVersion2() throws {
        let (database, sam, _, planID) = try team()
        let folder = try TemporaryDirectory()
        let lookup = folder.path("imd.csv")
        try "pcds,imd_decile\nWS3 7QT,2\n".write(toFile: lookup, atomically: true, encoding: .utf8)
        let before = try run(["list"], as: sam, in: database).stdout
        // What a store made by the last release holds: v1, without the lookup or the digests, and
        // version 1's save_revision.
        let version1Function = try #require(PostgresSchema.migrations[0].first { $0.contains("CREATE FUNCTION careplan.save_revision(") })
        let downgrade = try database.psql(
            as: database.admin,
            """
            DROP TABLE careplan.imd_postcode; DROP TABLE careplan.report_digest;
            DROP FUNCTION careplan.save_revision(\(PostgresSchema.saveRevisionVersion1Types), text);
            \(version1Function); GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA careplan TO careplan_user;
            UPDATE careplan.schema_version SET version = 1
            """)
        #expect(downgrade.status == 0, "\(downgrade.stderr)")
        #expect(try run(["list"], as: sam, in: database).stderr.contains("it has schema v1, and this careplan needs v3"))
        let upgrade = try run(["store", "upgrade"], as: database.admin, in: database)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(try run(["list"], as: sam, in: database).stdout == before)
        let imported = try run(["reference", "import", "imd", lookup], as: database.admin, in: database)
        #expect(imported.status == 0 && imported.stdout == "imported the IMD deciles of 1 postcode\n", "\(imported.stdout)\(imported.stderr)")
        let refused = try run(["reference", "import", "imd", lookup], as: sam, in: database)
        #expect(refused.status == 1 && refused.stderr.hasPrefix("careplan: ") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        // A plan from before has no digest, and the report reads it in full; its next change writes one.
        let report = try run(["report", "--month", "2026-11", "--format", "csv"], as: sam, in: database)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try database.psql(as: database.admin, "SELECT count(*) FROM careplan.report_digest").stdout == "0\n")
        let store = try database.open(as: sam)
        let stored = try store.load(planID)
        _ = try store.commit(stored.plan, basedOn: stored.revision.number, author: "ignored", summary: "touched", at: Fixtures.now)
        #expect(try database.psql(as: database.admin, "SELECT count(*) FROM careplan.report_digest").stdout == "1\n")
        #expect(try run(["report", "--month", "2026-11", "--format", "csv"], as: sam, in: database).stdout == report.stdout)
    }

    @Test("version 3's save_revision is version 1's with the digest: one more parameter, and the digest kept beside the revision")
    func saveRevisionWithDigest() throws {
        let original = try #require(PostgresSchema.migrations[0].first { $0.contains("CREATE FUNCTION careplan.save_revision(") })
        let changed = PostgresSchema.saveRevisionWithDigest
        #expect(changed.contains("audit_detail text, digest text)") && !original.contains("digest text"))
        #expect(changed.contains("INSERT INTO careplan.report_digest AS g (plan_id, holder, digest) VALUES (wanted, holder_org, digest)"))
        #expect(changed.count > original.count + 100)
    }

    @Test("server down, wrong password, unknown database, missing schema, unknown login: one line each, exit 1, no password shown")
    func faults() throws {
        let database = try TestTeamDatabase()
        let sam = try database.addStaff("sam", name: "Sam Osei")
        let url = database.url(for: sam)
        func open(_ address: String, password: String) throws -> CommandRunner.Result {
            try careplan.run(["list", "--store", address], environment: ["PGPASSWORD": password])
        }
        let wrong = try open(url, password: "not-the-password-x1")
        #expect(wrong.status == 1 && wrong.stderr.contains("the password for login \(sam) was not accepted"), "\(wrong.stderr)")
        #expect(!wrong.stderr.contains("not-the-password-x1"))
        let password = database.environment(for: sam)["PGPASSWORD"] ?? ""
        let unknown = try open(url.replacingOccurrences(of: database.name, with: "no_such_db"), password: password)
        #expect(unknown.stderr.contains("there is no database no_such_db"), "\(unknown.stderr)")
        let bare = try TestTeamDatabase()
        #expect(try bare.psql(as: bare.admin, "DROP SCHEMA careplan CASCADE").status == 0)
        let missing = try careplan.run(["list", "--store", bare.url(for: bare.admin)], environment: bare.environment(for: bare.admin))
        #expect(missing.stderr.contains("has no careplan schema: make it with careplan store init"), "\(missing.stderr)")
        let down = try open("postgresql://\(sam)@127.0.0.1:1/\(database.name)", password: password)
        #expect(down.status == 1 && down.stderr.contains("no PostgreSQL server answers at 127.0.0.1:1"), "\(down.stderr)")
        let inURL = try open(url.replacingOccurrences(of: "\(sam)@", with: "\(sam):secret-in-url@"), password: "")
        #expect(inURL.status == 1 && inURL.stderr.contains("put it in PGPASSWORD or ~/.pgpass"))
        #expect(!inURL.stderr.contains("secret-in-url"))
        for result in [wrong, unknown, missing, down, inURL] {
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    @Test("stores made at the same moment on a new server all succeed (the group role they share is made once)")
    func simultaneousInits() throws {
        let result = try runOwnServerScript("simultaneous_inits.sh")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("made 6 of 6"), "\(result.stdout)")
    }

    @Test("a login not on the staff list is told to ask the admin, and sees nothing through psql")
    func strangerRefused() throws {
        let (database, _, _, _) = try team()
        let stranger = try database.addLogin("stranger")
        let result = try run(["list"], as: stranger, in: database)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not on this team store's staff list: ask the team's admin"), "\(result.stderr)")
        #expect(try database.psql(as: stranger, "SELECT count(*) FROM careplan.plan").status != 0)
    }

    @Test("a colleague's change is announced to a store watching the plan")
    func changesAreAnnounced() throws {
        let (database, sam, _, planID) = try team()
        let ruth = try database.addStaff("ruth", name: "Ruth Evans", role: "CC")
        let watcher = try database.open(as: sam)
        let heard = Heard()
        try watcher.team?.watch(planID) { revision, author in heard.add("\(revision) \(author)") }
        let theirs = try database.open(as: ruth)
        var plan = try theirs.load(planID)
        plan.plan.person.phone = "01632 960 111"
        try theirs.commit(plan.plan, basedOn: plan.revision.number, author: "", summary: "phone", at: Fixtures.now)
        // Notifications arrive on NIO's thread; a round trip on the watcher's connection makes
        // sure any sent before it have been read.
        _ = try watcher.count()
        #expect(heard.values == ["2 Ruth Evans"])
    }

    @Test("killing the server during 1,000 scripted edits loses no acknowledged edit; the shell reconnects once it is back")
    func killedServerLosesNothing() throws {
        let result = try runOwnServerScript("kill_server_during_edits.sh")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(", lost 0,"), "\(result.stdout)")
        #expect(result.stdout.contains("the change was not saved"), "\(result.stdout)")
    }
}

/// What a watcher heard, from NIO's thread.
final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var heard: [String] = []

    func add(_ value: String) {
        lock.lock()
        heard.append(value)
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return heard
    }
}
