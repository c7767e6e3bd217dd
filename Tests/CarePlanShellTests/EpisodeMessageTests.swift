import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing

/// The message back to the GP and the referrer about one episode (issue 10, item 5).
@Suite("The message back to the GP")
struct EpisodeMessageTests {
    /// A plan with a GP's referral to the link worker, accepted, two contacts (one missed),
    /// an onward referral, a goal and a review date; typed text full of punctuation.
    func story() throws -> (ShellHarness, TestClock) {
        let clock = TestClock("2026-11-02")
        let shell = try ShellHarness(author: "Aisha Rahman", clock: { clock.now })
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test --nhs \"999 000 0018\" --dob 10/12/1965",
                    "about add what-matters-most Getting back to the allotment # plot 4 -- \"soon\"",
                    "goal add Walk to the allotment twice a week --target 2027-03-01",
                    "receive splw Lonely since her husband died --from gp --by \"Dr Claire Dunn\" --org \"Northam Medical Group\"",
                    "note Staff only: daughter rings on Tuesdays",
                ]), "\(shell.output.errors)")
        clock.set("2026-11-05")
        #expect(shell.run(bail: true, ["episode accept E1"]), "\(shell.output.errors)")
        clock.set("2026-11-09")
        #expect(shell.run(bail: true, ["episode contact E1 --mode phone --minutes 20"]), "\(shell.output.errors)")
        clock.set("2026-11-16")
        #expect(
            shell.run(
                bail: true,
                [
                    "episode contact E1 --mode face-to-face --did-not-attend", "refer service Garden group --service \"Northam Growers\"",
                    "review plan 2027-01-10",
                ]),
            "\(shell.output.errors)")
        clock.set("2026-11-21")
        return (shell, clock)
    }

    func message(_ shell: ShellHarness, _ line: String) -> String {
        let before = shell.output.results.count
        #expect(shell.session.execute(line), "\(shell.output.errors)")
        return String(shell.output.results.dropFirst(before))
    }

    @Test("it says who it is about, what happened, what matters, what was agreed, the support, the review and the codes; no staff notes")
    func content() throws {
        let (shell, _) = try story()
        let text = message(shell, "episode message E1")
        for part in [
            "Social Prescribing Link Worker: update on Ada Test", "To: Dr Claire Dunn, Northam Medical Group",
            "About: Ada Test, NHS number 999 000 0018, born 10 December 1965", "From: Aisha Rahman, 21 November 2026",
            "Received on 2 November 2026 from the GP: Lonely since her husband died",
            "We accepted it on 5 November 2026; first contact on 9 November 2026, 7 days", "- Getting back to the allotment # plot 4 -- \"soon\"",
            "- Walk to the allotment twice a week (by 1 March 2027): proposed", "- 1 contact: 1 phone", "- 1 appointment not attended",
            "- Referred to Northam Growers on 16 November 2026: Garden group (requested)", "10 January 2027",
            "- SNOMED CT 871731000000106 Referral to social prescribing service, 9 November",
        ] {
            #expect(text.contains(part), "\(part)\n---\n\(text)")
        }
        #expect(!text.contains("Tuesdays"), "staff notes stay out")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("to a file: Markdown with typed text escaped, owner-only, in the access audit; an episode that is not there is refused")
    func toFile() throws {
        let (shell, _) = try story()
        let path = shell.folder.path("letter.md")
        #expect(shell.session.execute("episode message E1 \(path) --format markdown"), "\(shell.output.errors)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("# Social Prescribing Link Worker: update on Ada Test\n"))
        #expect(written.contains("- Getting back to the allotment \\# plot 4 -- \"soon\""), "\(written)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try shell.store.accessRecords(of: "CP-TEST1").contains { $0.action == .export && $0.detail == "message E1" })
        #expect(!shell.session.execute("episode message E7"))
        #expect(shell.output.errors.last == "episode message: there is no referral received E7 in this plan")
    }

    @Test("a referral not yet answered, and one declined, say so")
    func states() throws {
        let clock = TestClock("2026-11-02")
        let shell = try ShellHarness(author: "Aisha Rahman", clock: { clock.now })
        #expect(shell.run(bail: true, ["new Bea Test", "receive hwbc Walking --from self", "receive cc Pathway --from hospital"]))
        clock.set("2026-11-04")
        #expect(shell.run(bail: true, ["episode decline E2 already-supported"]), "\(shell.output.errors)")
        #expect(message(shell, "episode message E1").contains("We have not answered it yet; the answer is due by 16 November 2026."))
        #expect(message(shell, "episode message E1").contains("from the person themselves"))
        let declined = message(shell, "episode message E2")
        #expect(declined.contains("We declined it on 4 November 2026 (already supported)."), "\(declined)")
        #expect(declined.contains("None for this referral."))
    }

    @Test("as a FHIR document: a Composition first with every section, the codes as SNOMED CT Observations; the independent checkers accept it")
    func fhirDocument() throws {
        let (shell, _) = try story()
        let path = shell.folder.path("letter.fhir.json")
        #expect(shell.session.execute("episode message E1 \(path) --format fhir"), "\(shell.output.errors)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bundle = try PlanJSON.parse(data)
        #expect(bundle["type"]?.stringValue == "document")
        let entries = bundle["entry"]?.arrayValue ?? []
        let composition = try #require(entries.first?["resource"])
        #expect(composition["resourceType"]?.stringValue == "Composition")
        let titles = (composition["section"]?.arrayValue ?? []).compactMap { $0["title"]?.stringValue }
        #expect(titles == ["The referral", "What matters to Ada Test", "What was agreed", "Support offered", "Next review", "Codes for the GP record"])
        let codes = entries.compactMap { $0["resource"] }.filter { $0["resourceType"]?.stringValue == "Observation" }
        #expect(codes.map { $0["code"]?["coding"]?.arrayValue.first?["code"]?.stringValue } == ["871731000000106"])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("Getting back to the allotment # plot 4 -- &quot;soon&quot;"), "typed text kept, escaped for XHTML")
        #expect(!text.contains("Tuesdays"), "staff notes stay out")
        let check = try PythonChecker.run(["Tests/Support/check_fhir_bundle.py", "--document", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let definitions = try PythonChecker.run(["Tests/Support/check_fhir_definitions.py", Fixtures.fhirBaseURL, "docs/fhir/definitions", path])
        #expect(definitions.status == 0, "\(definitions.stdout)\(definitions.stderr)")
        #expect(try shell.store.accessRecords(of: "CP-TEST1").contains { $0.action == .export && $0.detail == "message E1" })
    }

    @Test("the FHIR checker refuses a document whose first entry is not its Composition")
    func documentCheckCanFail() throws {
        let (shell, _) = try story()
        let path = shell.folder.path("letter.fhir.json")
        #expect(shell.session.execute("episode message E1 \(path) --format fhir"), "\(shell.output.errors)")
        guard case .object(var members) = try PlanJSON.parse(Data(contentsOf: URL(fileURLWithPath: path))), case .array(let entries)? = members["entry"]
        else {
            Issue.record("not a bundle")
            return
        }
        members["entry"] = .array(Array(entries.dropFirst()) + [entries[0]])
        try PlanJSON.encode(JSONValue.object(members)).write(to: URL(fileURLWithPath: path))
        let check = try PythonChecker.run(["Tests/Support/check_fhir_bundle.py", "--document", path])
        #expect(check.status == 1 && check.stdout.contains("invariant bdl-11 does not hold"), "\(check.stdout)")
    }

    @Test("a referral from another role in the team names the colleague as one of ours, and the practice")
    func teamReferral() throws {
        let shell = try ShellHarness(author: "Sam Osei")
        #expect(
            shell.run(
                bail: true,
                [
                    "new Ada Test", "set gp Riverside Surgery", "set gp-code Y99001", "need add Lonely --domain family-and-relationships",
                    "refer hwbc Walking --need N1",
                ]),
            "\(shell.output.errors)")
        let text = message(shell, "episode message E1")
        #expect(text.contains("To: Sam Osei, in our team; Riverside Surgery (Y99001)"), "\(text)")
    }
}
