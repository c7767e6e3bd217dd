import CareCoordination
import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import HealthCoaching
import SocialPrescribing
import Testing
@testable import careplan

/// The plan document a person keeps holds only what is for them, in words they use, and the
/// HTML version passes the strictest validator we have and renders in a real browser.
@Suite("The person's own plan document")
struct PersonDocumentTests {
    /// Every role module careplan loads, so a new module is covered here without a change.
    static let modules: [any CarePlanPlugin] = roleModules
    static let documentFormats: [PlanExportFormat] = [.text, .markdown, .html]

    /// Words and shapes that belong to staff, not to the person's document.
    static let staffOnly: [(String, String)] = [
        ("breach", #"(?i)breach"#), ("at risk", #"(?i)at[ -]risk"#), ("GAS", #"\bGAS\b"#), ("PAM", #"\bPAM\b"#),
        ("activation", #"(?i)activation"#), ("stage of change", #"(?i)stage of change|contemplation|precontemplation"#),
        ("priority", #"(?i)priority"#), ("owner", #"(?i)\bowner"#), ("SNOMED", #"(?i)snomed|\b\d{9,18}\b"#),
        ("ONS4", #"\bONS4\b"#), ("overdue", #"(?i)overdue"#), ("day counts", #"(?i)\bday \d+ of \d+"#),
        ("entry ids", #"\b(?:[MSNGARCVDTKLUPH]|CG|CS|PA)\d+\b"#), ("plan ids", #"\bCP-[A-Z0-9]+"#),
        ("ISO dates", #"\b\d{4}-\d{2}-\d{2}\b"#),
    ]

    static func samples() throws -> [Plan] {
        try Fixtures.samplePlanFiles.map { try PlanJSON.decodeStored(Data(contentsOf: $0)) }
    }

    static func render(_ plan: Plan, _ format: PlanExportFormat, largePrint: Bool = false) throws -> String {
        String(decoding: format.render(plan, plugins: try PluginHost(modules), today: Fixtures.today, largePrint: largePrint), as: UTF8.self)
    }

    @Test("no staff-only word, code, id or ISO date appears in any sample's document", arguments: documentFormats)
    func noStaffContent(_ format: PlanExportFormat) throws {
        var found: [String] = []
        for plan in try Self.samples() {
            let document = try Self.render(plan, format)
            for (name, pattern) in Self.staffOnly {
                if let match = document.range(of: pattern, options: .regularExpression) {
                    found.append("\(plan.id) \(format.rawValue): \(name): \(document[match])")
                }
            }
        }
        #expect(found == [])
    }

    @Test("the check above catches staff content when it is there")
    func staffCheckCanFail() throws {
        var plan = try #require(try Self.samples().first)
        plan.goals[0].description = "Pathway breached at day 63 of 62 (G4, 2026-12-01)"
        let document = try Self.render(plan, .text)
        let hits = Self.staffOnly.filter { document.range(of: $0.1, options: .regularExpression) != nil }.map(\.0)
        #expect(hits == ["breach", "day counts", "entry ids", "ISO dates"])
    }

    @Test("every heading has something under it", arguments: [PlanExportFormat.markdown])
    func noEmptyHeadings(_ format: PlanExportFormat) throws {
        var empty: [String] = []
        var plan = Plan(id: "CP-EMPTY", person: Person(name: "Ada Test"))
        plan.status = .draft
        for candidate in try Self.samples() + [plan] {
            let lines = try Self.render(candidate, format).split(separator: "\n", omittingEmptySubsequences: true)
            for (index, line) in lines.enumerated() where line.hasPrefix("#") {
                let next = lines.indices.contains(index + 1) ? lines[index + 1] : ""
                if next.isEmpty || (next.hasPrefix("#") && next.prefix(while: { $0 == "#" }).count <= line.prefix(while: { $0 == "#" }).count) {
                    empty.append("\(candidate.id): \(line)")
                }
            }
        }
        #expect(empty == [])
    }

    @Test("a missed appointment and its rebooking read as plain sentences")
    func plainAppointments() throws {
        let jamal = try #require(try Self.samples().first { $0.person.name == "Jamal Hussain" })
        let text = try Self.render(jamal, .text)
        #expect(text.contains("My appointments and tests"))
        #expect(!text.contains("Coordination tasks"))
    }

    @Test("the HTML document of every sample passes the Nu HTML Checker and renders in headless Chromium, large print too")
    func htmlValidatesAndRenders() throws {
        let folder = try TemporaryDirectory()
        var files: [String] = []
        for plan in try Self.samples() {
            let path = folder.path("\(plan.id).html")
            try Data(Self.render(plan, .html).utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let large = folder.path("large-print.html")
        let first = try #require(try Self.samples().first)
        let largeHTML = try Self.render(first, .html, largePrint: true)
        #expect(largeHTML.contains("font-size: 1.5rem"))
        #expect(largeHTML.contains("<html lang=\"en-GB\">"))
        try Data(largeHTML.utf8).write(to: URL(fileURLWithPath: large))
        files.append(large)
        let result = try PythonChecker.run(["Tests/Support/check_person_html.py", folder.path("out")] + files, makeFolder: folder.path("out"))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all HTML checks passed"))
    }

    @Test("the HTML checker rejects a page with errors")
    func htmlCheckerCanFail() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("broken.html")
        try Data("<!DOCTYPE html><html><title>x</title><p><div>unclosed</p>".utf8).write(to: URL(fileURLWithPath: path))
        let result = try PythonChecker.run(["Tests/Support/check_person_html.py", folder.path("out"), path], makeFolder: folder.path("out"))
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL: the Nu HTML Checker found problems"))
    }

    @Test("text typed into a plan cannot become markup in the HTML document")
    func htmlEscapes() throws {
        var plan = Plan(id: "CP-X", person: Person(name: "<script>alert(1)</script> & \"Ada\""))
        plan.strengths = [Strength(id: EntryID(.strength, 1), text: "<b>bold</b> 'quoted' \u{1B}[2J")]
        let html = try Self.render(plan, .html)
        #expect(!html.contains("<script>") && !html.contains("<b>") && !html.contains("\u{1B}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ada&quot;"))
    }

    @Test("an export file name with an unknown extension is refused, not written as JSON")
    func unknownExtension() throws {
        let shell = try ShellHarness(plugins: Self.modules)
        #expect(shell.run(["new Ada Test"]))
        let path = shell.folder.path("ada.pdf")
        #expect(!shell.session.execute("export \(path)"))
        #expect(
            shell.output.errors.last
                == "export: cannot write .pdf files; name the file .json, .txt, .md or .html, or give --format (json, text, markdown, html, fhir)")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(shell.session.execute("export \(shell.folder.path("ada.html")) --large-print"))
        let written = try String(contentsOfFile: shell.folder.path("ada.html"), encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>") && written.contains("1.5rem"))
    }
}
