import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import HealthCoaching
import SocialPrescribing
import Testing
@testable import careplan

/// What staff type into notes is what is stored: every printable ASCII character and the
/// punctuation people really use, typed into every free-text field of every command.
@Suite("Free text is stored as typed")
struct FreeTextTests {
    /// Every role module careplan loads, so a new module is covered here without a change.
    static let modules: [any CarePlanPlugin] = roleModules

    /// Texts a user might type, as typed (no quoting added).
    static let texts = [
        String((0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }),
        #"ref #4521 -- call back "soon"; 5'8" tall, 50% & C:\temp\new"#,
        "#1 priority: rang Ruth's daughter (O'Brien) -- left a message",
        "two  spaces,   three and\ta tab",
        "£50 – café “curly” ‘quotes’ … naïve 😀 ß",
        "--  dashes -- and --- and -x",
        #"ends with a backslash \"#,
        #""starts with a quote" and goes on"#,
        "<b>not html</b> & {json: [1]} | pipe ` backtick",
    ]

    /// Every text on SQLite; on the team store the printable ASCII, the typographic and the
    /// backslash and quote ones (the rest exercise the shell, which is the same on both).
    static let cases: [(TestEngine, String)] = texts.map { (.sqlite, $0) } + [texts[0], texts[4], texts[6]].map { (.postgres, $0) }

    /// One line per free-text field: `{T}` is where the text goes. Setup lines run first.
    static let fields: [(command: String, field: String, line: String)] = [
        ("new", "NAME", "new {T}"),
        ("set", "VALUE", "set name {T}"),
        ("set", "VALUE", "set preferred-name {T}"),
        ("set", "VALUE", "set gp {T}"),
        ("set", "VALUE", "set communication {T}"),
        ("set", "VALUE", "set phone {T}"),
        ("about add", "TEXT", "about add what-matters-most {T}"),
        ("about edit", "TEXT", "about edit M1 {T}"),
        ("about written", "by", "about written today --by {T}"),
        ("strength add", "TEXT", "strength add {T}"),
        ("strength edit", "TEXT", "strength edit S1 {T}"),
        ("need add", "TEXT", "need add {T} --domain emotional"),
        ("need edit", "TEXT", "need edit N1 {T}"),
        ("goal add", "TEXT", "goal add {T} --need N1"),
        ("goal add", "measure", "goal add Walk --measure {T}"),
        ("goal add", "outcome", "goal add Walk --outcome {T}"),
        ("goal edit", "TEXT", "goal edit G1 {T}"),
        ("goal edit", "measure", "goal edit G1 --measure {T}"),
        ("goal edit", "outcome", "goal edit G1 --outcome {T}"),
        ("action add", "TEXT", "action add {T} --goal G1"),
        ("action add", "who", "action add Call --who {T}"),
        ("action add", "role", "action add Call --who Sam --role {T}"),
        ("action add", "team", "action add Call --who Sam --team {T}"),
        ("action edit", "TEXT", "action edit A1 {T}"),
        ("action edit", "who", "action edit A1 --who {T}"),
        ("action edit", "role", "action edit A1 --role {T}"),
        ("action edit", "team", "action edit A1 --team {T}"),
        ("refer", "REASON", "refer splw {T}"),
        ("refer", "service", "refer service Help --service {T}"),
        ("refer", "by", "refer splw Help --by {T}"),
        ("referral edit", "REASON", "referral edit R1 {T}"),
        ("referral edit", "service", "referral edit R1 --service {T}"),
        ("referral edit", "by", "referral edit R1 --by {T}"),
        ("contact add", "NAME", "contact add personal {T}"),
        ("contact add", "role", "contact add professional Sam --role {T}"),
        ("contact add", "team", "contact add professional Sam --role GP --team {T}"),
        ("contact add", "org", "contact add professional Sam --role GP --org {T}"),
        ("contact add", "relationship", "contact add personal Ruth --relationship {T}"),
        ("contact add", "phone", "contact add personal Ruth --phone {T}"),
        ("contact add", "email", "contact add personal Ruth --email {T}"),
        ("contact edit", "name", "contact edit C1 --name {T}"),
        ("contact edit", "role", "contact edit C1 --role {T}"),
        ("contact edit", "team", "contact edit C1 --team {T}"),
        ("contact edit", "org", "contact edit C1 --org {T}"),
        ("contact edit", "relationship", "contact edit C2 --relationship {T}"),
        ("contact edit", "phone", "contact edit C1 --phone {T}"),
        ("contact edit", "email", "contact edit C1 --email {T}"),
        ("contingency", "TEXT", "contingency trigger {T}"),
        ("contingency", "TEXT", "contingency plan {T}"),
        ("contingency", "TEXT", "contingency who {T}"),
        ("review plan", "by", "review plan 2027-01-10 --by {T}"),
        ("review held", "by", "review held today --by {T}"),
        ("review held", "summary", "review held today --summary {T}"),
        ("agree", "name", "agree representative --name {T} --relationship son"),
        ("agree", "relationship", "agree representative --name Tom --relationship {T}"),
        ("consent", "scope", "consent limited --scope {T}"),
        ("note", "TEXT", "note {T}"),
        ("link outcome", "TEXT", "link outcome L1 {T}"),
        ("coach goal", "WHAT", "coach goal {T}"),
        ("coach goal", "measure", "coach goal Walk --measure {T}"),
        ("coach goal", "target", "coach goal Walk --target {T}"),
        ("coach session", "wins", "coach session today --wins {T}"),
        ("coach session", "barriers", "coach session today --barriers {T}"),
        ("coach session", "next", "coach session today --next {T}"),
        ("coach activation", "score", "coach activation 2 --score {T}"),
        ("task add", "TITLE", "task add {T}"),
        ("task add", "owner", "task add Chase --owner {T}"),
        ("task status", "note", "task status T1 done --note {T}"),
        ("task due", "owner", "task due T1 2026-12-01 --owner {T}"),
        ("track add", "WHAT", "track add {T}"),
        ("track add", "where", "track add Scan --where {T}"),
        ("receive", "REASON", "receive splw {T} --from gp"),
        ("receive", "by", "receive splw Lonely --from gp --by {T}"),
        ("receive", "org", "receive splw Lonely --from gp --org {T}"),
        ("episode discharge", "note", "episode discharge E1 other --note {T}"),
        ("episode reopen", "note", "episode reopen E2 --note {T}"),
        ("cancer refer", "by", "cancer refer lung --by {T}"),
        ("test add", "WHAT", "test add {T} --for U1 --on 2026-11-25"),
        ("test add", "where", "test add Scan --for U1 --on 2026-11-25 --where {T}"),
        ("hna concern", "CONCERN", "hna concern H1 physical 5 {T}"),
        ("hna plan", "ACTION", "hna plan H1 1 {T}"),
        ("hna plan", "who", "hna plan H1 1 Rest --who {T}"),
    ]

    /// Text arguments that are not free text, and why they are left out.
    static let notFreeText: [String: String] = [
        "help COMMAND": "a command name to look up, not stored",
        "directory search WORDS": "search words, not stored",
        "directory search category": "a category to search for, not stored",
        "directory search area": "an area to search in, not stored",
        "worklist owner": "a name to filter by, not stored",
        "report month": "a month to report on (2026-11), not stored",
        "report quarter": "a quarter to report on (2026-Q3), not stored",
        "report practice": "an ODS code to filter by, not stored",
        "report worker": "a name to filter by, not stored",
        "report organisation": "an organisation's name to filter by, not stored",
        "episode message FILE": "the file the message is written to, not stored",
        "measure add NAME": "one word naming the measure",
        "measure add SCORE": "a score as entered, one word",
        "coach session progress": "structured: CG1=6,CG2=4",
        "coach session gas": "structured: CG1=+1",
        "contact edit roles": "structured: a comma-separated list of roles",
    ]

    static let setup = [
        "about add what-matters-most Garden", "strength add Cheerful", "need add Lonely --domain emotional",
        "goal add Join a club --need N1", "action add Find a club --goal G1 --who Sam", "refer splw Loneliness",
        "contact add professional Sam Osei --role GP", "contact add personal Ruth", "link add Sing Together --for loneliness-and-isolation",
        "task add Chase letter", "cancer refer lung --on 2026-11-01", "hna add --for U1", "hna concern H1 physical 7 Tired",
        "receive splw Lonely --from gp", "episode accept E1", "receive hwbc Walk --from self", "episode decline E2 other",
    ]

    @Test("every free-text field of every command is in this test")
    func coverage() throws {
        let registry = try StandardCommands.registry(plugins: Self.modules)
        let covered = Set(Self.fields.map { "\($0.command) \($0.field)" })
        var missing: [String] = []
        for command in registry.commands {
            for positional in command.positionals {
                if case .text = positional.kind { missing.append("\(command.name) \(positional.name)") }
            }
            for option in command.options {
                if case .text = option.kind { missing.append("\(command.name) \(option.name)") }
            }
        }
        missing.removeAll { covered.contains($0) || Self.notFreeText[$0] != nil }
        #expect(missing == [])
    }

    @Test("each text typed into each field reads back unchanged from the store, on both engines", arguments: Self.cases)
    func typedTextIsStored(engine: TestEngine, _ text: String) throws {
        var failures: [String] = []
        // One plan set up once; after each field the plan goes back to that revision, so
        // every field is typed into the same plan (and the test stays quick).
        let shell = try ShellHarness(plugins: Self.modules, engine: engine)
        guard shell.run(["new Ada Test"] + Self.setup, bail: true) else {
            Issue.record("setup failed: \(shell.output.errors)")
            return
        }
        let setUp = try shell.session.openPlan()
        for field in Self.fields {
            let line = field.line.replacingOccurrences(of: "{T}", with: text)
            guard shell.session.execute(line) else {
                failures.append("\(field.line): \(shell.output.errors.last ?? "failed")")
                continue
            }
            // Read back from the store, not the session's copy.
            let strings = try Self.strings(in: shell.store.load(shell.plan().id).plan)
            if !strings.contains(text) { failures.append("\(field.line): not stored as typed") }
            if field.command == "new" {
                #expect(shell.session.execute("open \(setUp.plan.id)"))
            } else {
                #expect(shell.session.execute("restore \(setUp.revision)"), "\(shell.output.errors.last ?? "")")
            }
            #expect(try shell.plan().notes == setUp.plan.notes && shell.plan().goals == setUp.plan.goals)
        }
        #expect(failures == [])
    }

    @Test("a pasted block of several lines becomes one piece of text, never several commands")
    func pastedLines() throws {
        let shell = try ShellHarness(plugins: Self.modules)
        #expect(shell.run(["new Ada Test"]))
        let email = "Hi Sam,\nopen someone else\nquit\n-- \nRuth"
        #expect(shell.session.execute("note \(email)"))
        #expect(try shell.plan().notes.last?.text == email)
        #expect(!shell.session.wantsToQuit)
    }

    @Test("a mistyped option in free text is an error, not part of the text; quoting keeps it")
    func mistypedOption() throws {
        let shell = try ShellHarness()
        #expect(shell.run(["new Ada Test", "need add Lonely --domain emotional"]))
        #expect(!shell.session.execute("goal add Walk daily --nede N1"))
        #expect(shell.output.errors.last?.hasPrefix("goal add: unknown option --nede") == true)
        #expect(try shell.plan().goals.isEmpty)
        #expect(shell.session.execute(#"goal add "Walk daily --nede N1" --need N1"#))
        #expect(try shell.plan().goals.map(\.description) == ["Walk daily --nede N1"])
    }

    /// Every string value in the plan's JSON.
    static func strings(in plan: Plan) throws -> Set<String> {
        let tree = try PlanJSON.parse(PlanJSON.encode(plan))
        var found: Set<String> = []
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let text): found.insert(text)
            case .array(let items): items.forEach(walk)
            case .object(let members): members.values.forEach(walk)
            default: break
            }
        }
        walk(tree)
        return found
    }
}
