import CarePlanCore
import CarePlanShell
import CarePlanStore
import CarePlanTestSupport
import Foundation
import SocialPrescribing
import Testing

/// The shared harness with the social prescribing module, Aisha at the keyboard on 2026-12-15.
func splwHarness() throws -> ShellHarness {
    try ShellHarness(author: "aisha", plugins: [SocialPrescribingPlugin()], now: Fixtures.instant("2026-12-15"), planIDPrefix: "CP-SP")
}

extension ShellHarness {
    func section() throws -> SocialPrescribingSection {
        try SectionCodec.read(SocialPrescribingSection.self, from: session.openPlan().plan)
    }
}

@Suite("Social prescribing", .serialized)
struct SocialPrescribingTests {
    static let directoryFile = Fixtures.packageRoot.appendingPathComponent("plans/directory/westshire-services.json").path
    static let csvFile = Fixtures.packageRoot.appendingPathComponent("plans/directory/eastbridge-northam-services.csv").path

    @Test("an SPLW finds a service, links it, moves it through its statuses and records ONS4 at baseline and follow-up")
    func splwTranscript() throws {
        let shell = try splwHarness()
        setenv("CAREPLAN_DIRECTORY", shell.folder.path("directory.json"), 1)
        defer { unsetenv("CAREPLAN_DIRECTORY") }
        #expect(
            shell.run(
                bail: true,
                [
                    "directory import \(Self.directoryFile)",
                    "directory search singing --area hebden",
                    "new Margaret Okafor",
                    "need add Lonely since Tom died --domain family-and-relationships --score 8",
                    "link add svc-001 --for loneliness-and-isolation --referral --need N1 --follow-up 2026-12-15 --on 2026-11-21",
                    "link status L1 accepted --on 2026-11-22",
                    "link status L1 attended --on 2026-11-24",
                    "ons4 4 5 3 7 --on 2026-11-21",
                    "link status L1 completed --on 2026-12-15",
                    "link outcome L1 Goes every week and has made two friends",
                    "ons4 7 7 6 4 --on 2026-12-15",
                    "show roles",
                ]), "\(shell.output.errors)")
        #expect(shell.output.errors.isEmpty)
        let completer = Completer(session: shell.session)
        #expect(completer.complete("link status ") == ["L1"])
        #expect(completer.complete("directory show svc-03") == ["svc-030", "svc-031", "svc-032"])
        #expect(completer.complete("link add svc-001 --for lone") == ["loneliness-and-isolation"])
        #expect(shell.output.results.contains("svc-001  Sing Together  Loneliness, Arts and music  Hebden Row"))

        let section = try shell.section()
        let link = try #require(section.links.first)
        #expect(link.service == ServiceReference(directoryId: "svc-001", name: "Sing Together"))
        #expect(link.history.map(\.status) == [.referred, .accepted, .attended, .completed])
        #expect(link.history.map(\.on.description) == ["2026-11-21", "2026-11-22", "2026-11-24", "2026-12-15"])
        #expect(link.codes.map(\.code) == ["871731000000106"])
        #expect(section.measures.map(\.timepoint) == [.baseline, .followUp])

        let text = shell.output.results
        #expect(text.contains("2026-12-15  7 (+3)     7 (+2)      6 (+3) 4 (-3)"))
        #expect(text.contains("Since baseline, better: life satisfaction, worthwhile, happiness, anxiety"))
        #expect(text.contains("SNOMED CT 871731000000106 Referral to social prescribing service"))
    }

    @Test("a declined referral carries the 'social prescribing declined' code")
    func declinedCode() throws {
        let shell = try splwHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "link add Chatty Café --for loneliness-and-isolation --referral", "link status L1 declined"]))
        #expect(try shell.section().links[0].codes.map(\.code) == ["871731000000106", "871711000000103"])
        #expect(try shell.section().links[0].service.directoryId == nil)
    }

    @Test("bad link moves and bad scores are refused without changing the plan")
    func badInput() throws {
        let shell = try splwHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "link add Chatty Café --for loneliness-and-isolation"]))
        let before = try shell.session.openPlan()
        #expect(!shell.session.execute("link status L1 completed"))
        #expect(!shell.session.execute("ons4 11 5 5 5"))
        #expect(!shell.session.execute("link status L9 accepted"))
        #expect(!shell.session.execute("link add Somewhere --for money"))
        #expect(try shell.session.openPlan().revision == before.revision)
        #expect(
            shell.output.errors == [
                "L1 is suggested; it can move to referred, accepted, declined, attended",
                "ons4: SATISFIED: expected a whole number from 0 to 10, got 11",
                "there is no link L9 in this plan",
                "link add: --for: expected one of housing, money-and-debt, loneliness-and-isolation, employment, physical-activity, mental-wellbeing, carers, transport, language, food-and-nutrition, learning-and-skills, other, got money",
            ])
    }

    @Test("the sample directory has at least 30 services and imports from HSDS JSON and from CSV")
    func directoryImport() throws {
        let json = try ServiceDirectory.read(file: Self.directoryFile)
        #expect(json.services.count >= 30)
        #expect(json.service("svc-003")?.organization == "Westshire Citizens Advice")
        #expect(json.service("svc-001")?.schedule == "Tue 10:00-12:00")
        let csv = try ServiceDirectory.read(file: Self.csvFile)
        #expect(csv.services.map(\.id) == ["csv-001", "csv-002", "csv-003", "csv-004", "csv-005", "csv-006"])
        #expect(csv.service("csv-003")?.categories == ["Physical activity", "Loneliness"])
    }

    @Test("search by words, category and area; defunct services are left out")
    func search() throws {
        let directory = try ServiceDirectory.read(file: Self.directoryFile)
        #expect(directory.search(words: "singing").map(\.id) == ["svc-001"])
        #expect(directory.search(words: "CAFE").map(\.id) == ["svc-010", "svc-018"])
        #expect(directory.search(category: "money").map(\.id) == ["svc-003", "svc-004", "svc-012", "svc-021"])
        #expect(directory.search(category: "loneliness", area: "little aston").map(\.id) == ["svc-005", "svc-018", "svc-026"])
        #expect(directory.search(area: "EB1 4").map(\.id) == ["svc-007", "svc-023"])
        #expect(directory.search(words: "reading group").isEmpty)
    }

    @Test("words match other forms and category names (lonely finds Loneliness); a postcode finds area-wide services too")
    func searchLikeStaffType() throws {
        let directory = try ServiceDirectory.read(file: Self.directoryFile)
        let lonely = directory.search(words: "lonely").map(\.id)
        #expect(lonely.contains("svc-016") && lonely.contains("svc-001"))
        #expect(directory.search(category: "lonely").map(\.id) == directory.search(category: "Loneliness").map(\.id))
        #expect(directory.search(words: "debts").map(\.id).contains("svc-003"))
        let nearHebden = directory.search(area: "WS3 7QA").map(\.id)
        #expect(nearHebden.contains("svc-001"), "located in WS3")
        #expect(nearHebden.contains("svc-016"), "Befriending by Phone covers all of Westshire")
        #expect(!nearHebden.contains("svc-005"), "Little Aston's garden does not cover Hebden Row")
        #expect(directory.search(area: "ws3").map(\.id) == nearHebden)
    }

    @Test("a bad directory file is refused, naming the place")
    func badDirectory() throws {
        let folder = try TemporaryDirectory()
        let csv = folder.path("bad.csv")
        try "id,name,status\ns1,Good,active\ns2,,active\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(throws: ServiceDirectory.ImportError.self) { try ServiceDirectory.read(file: csv) }
        do { _ = try ServiceDirectory.read(file: csv) } catch { #expect(error.message == "\(csv): line 3: name is empty") }
        let json = folder.path("bad.json")
        try #"{"services": [{"id": "a", "name": "A", "status": "open"}]}"#.write(toFile: json, atomically: true, encoding: .utf8)
        do { _ = try ServiceDirectory.read(file: json) } catch {
            #expect(error.message == "\(json): services[0].status: expected active, inactive, defunct or temporarily closed, got open")
        }
    }
}

@Suite("Sections of other modules and future fields")
struct SectionPreservationTests {
    @Test("an unloaded module's section and unknown fields inside a known section survive import, edit and export")
    func preserved() throws {
        let shell = try splwHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "link add Chatty Café --for loneliness-and-isolation"]))
        var plan = try shell.session.openPlan().plan
        let foreign: JSONValue = .object(["sessions": .array([.object(["id": .string("S1"), "score": .number(2.5)])]), "v": .integer(3)])
        plan.extensions["wellbeing-gardens"] = foreign
        guard case .object(var section)? = plan.extensions["social-prescribing"],
            case .array(var links)? = section["links"], case .object(var link)? = links.first
        else {
            Issue.record("no social prescribing section")
            return
        }
        link["futureField"] = .string("kept")
        links[0] = .object(link)
        section["links"] = .array(links)
        section["newerList"] = .array([.integer(1)])
        plan.extensions["social-prescribing"] = .object(section)

        // Import the plan as a file, with the social prescribing module loaded.
        let file = shell.folder.path("future.json")
        try PlanJSON.encode(plan).write(to: URL(fileURLWithPath: file))
        #expect(shell.run(bail: true, ["close"]))
        let plugins = try PluginHost([SocialPrescribingPlugin()])
        let imported = try PlanJSON.decode(Data(contentsOf: URL(fileURLWithPath: file)), plugins: plugins).plan
        #expect(imported.extensions == plan.extensions)

        // Edit through the module: move the link on, clear its follow-up; unknown parts stay.
        try shell.session.store.commit(imported, basedOn: 2, author: "test", summary: "import", at: Fixtures.now)
        #expect(shell.run(bail: true, ["open \(plan.id)", "link status L1 accepted", "link outcome L1 --follow-up 2026-12-01"]), "\(shell.output.errors)")
        let edited = try shell.session.openPlan().plan
        #expect(edited.extensions["wellbeing-gardens"] == foreign)
        guard case .object(let after)? = edited.extensions["social-prescribing"],
            case .array(let afterLinks)? = after["links"], case .object(let afterLink)? = afterLinks.first
        else {
            Issue.record("no social prescribing section after the edit")
            return
        }
        #expect(afterLink["futureField"] == .string("kept"))
        #expect(afterLink["status"] == .string("accepted"))
        #expect(after["newerList"] == .array([.integer(1)]))

        // Export (canonical JSON) and read back: still there.
        let exported = try PlanJSON.decode(PlanJSON.encode(edited), plugins: plugins).plan
        #expect(exported.extensions == edited.extensions)
    }
}
