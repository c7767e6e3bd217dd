import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Plan JSON v1")
struct PlanJSONTests {
    @Test("every sample plan decodes and re-encodes to the same bytes", arguments: Fixtures.samplePlanFiles)
    func samplesAreCanonical(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let (plan, _) = try PlanJSON.decode(data, today: Fixtures.today)
        #expect(PlanJSON.encode(plan) == data)
    }

    @Test("there are at least four sample plans")
    func enoughSamples() {
        #expect(Fixtures.samplePlanFiles.count >= 4)
    }

    @Test("writes sorted keys, two-space indent, dates as YYYY-MM-DD and a trailing newline")
    func canonicalShape() throws {
        var plan = Plan(id: "CP-T1", person: Person(name: "Test Person"))
        plan.person.dateOfBirth = CalendarDate(year: 1980, month: 2, day: 3)
        let text = String(decoding: PlanJSON.encode(plan), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\n  \"aboutMe\": {\n    \"entries\": []\n  },\n"))
        #expect(text.contains("\"dateOfBirth\": \"1980-02-03\""))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(keys.first == "aboutMe")
    }

    @Test("the same plan always gives the same bytes")
    func deterministic() throws {
        let plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        var reordered = plan
        reordered.extensions = [
            "zeta-module": .object(["b": .integer(1), "a": .array([.string("x"), .null])]),
            "alpha-module": .bool(true),
        ]
        var again = reordered
        again.extensions = [
            "alpha-module": .bool(true),
            "zeta-module": .object(["a": .array([.string("x"), .null]), "b": .integer(1)]),
        ]
        #expect(PlanJSON.encode(reordered) == PlanJSON.encode(again))
    }

    @Test("a section from a module that is not loaded is kept exactly")
    func keepsUnknownExtensions() throws {
        var plan = try Fixtures.samplePlan("social-prescribing-margaret-okafor")
        let section: JSONValue = .object([
            "futureField": .array([.integer(1), .number(2.5), .string("é\u{1B}\n"), .bool(false), .null]),
            "nested": .object(["deeper": .object([:]), "list": .array([])]),
        ])
        plan.extensions["wellbeing-gardens"] = section
        let decoded = try PlanJSON.decode(PlanJSON.encode(plan)).plan
        #expect(decoded.extensions["wellbeing-gardens"] == section)
        #expect(PlanJSON.encode(decoded) == PlanJSON.encode(plan))
    }

    @Test("reports every problem in a document at once, each with its field path")
    func reportsAllProblems() throws {
        var tree = PlanJSON.tree(of: try Fixtures.samplePlan("social-prescribing-margaret-okafor"))
        tree = tree.setting(["goals", 0, "targetDate"], .string("2026-02-30"))
        tree = tree.setting(["goals", 1, "targetDate"], .string("31/12/26"))
        tree = tree.setting(["needs", 0, "concernScore"], .integer(11))
        tree = tree.setting(["actions", 1, "goalId"], .string("G9"))
        tree = tree.setting(["person", "nhsNumber"], .string("9990000019"))
        let error = try #require(throws: PlanDocumentError.self) { try PlanJSON.decode(PlanJSON.encode(tree)) }
        let lines = error.issues.map(\.description)
        #expect(lines.contains("goals[0].targetDate: expected a date like 2026-12-31, got \"2026-02-30\""))
        #expect(lines.contains("goals[1].targetDate: expected a date like 2026-12-31, got \"31/12/26\""))
        #expect(lines.contains("needs[0].concernScore: expected a score from 0 to 10, got 11"))
        #expect(lines.contains("actions[1].goalId: links to goal G9, which is not in the plan"))
        #expect(lines.contains { $0.hasPrefix("person.nhsNumber: not a valid NHS number") })
        #expect(!lines.contains { $0.contains("9990000019") }, "an NHS number must not be echoed")
    }

    @Test("warns about fields it does not know, and does not keep them")
    func warnsOnUnknownFields() throws {
        var tree = PlanJSON.tree(of: try Fixtures.samplePlan("health-coaching-dev-patel"))
        tree = tree.setting(["goals", 0, "colour"], .string("green"))
        let (plan, warnings) = try PlanJSON.decode(PlanJSON.encode(tree))
        #expect(warnings.map(\.description).contains("warning: goals[0].colour: unknown field, not kept (written by a newer careplan, or misspelt?)"))
        #expect(!String(decoding: PlanJSON.encode(plan), as: UTF8.self).contains("colour"))
    }

    @Test("a check that leaves the canonical bytes until they are read gives the same bytes and warnings", arguments: Fixtures.samplePlanFiles)
    func canonicalOnDemand(_ file: URL) throws {
        let sample = try PlanJSON.decode(try Data(contentsOf: file), today: Fixtures.today).plan
        let tree = PlanJSON.tree(of: sample).setting(["person", "shoeSize"], .integer(9))
        let input = PlanJSON.encode(tree)
        let written = try PlanJSON.check(input, today: Fixtures.today, canonicalBytes: .written)
        let onDemand = try PlanJSON.check(input, today: Fixtures.today, canonicalBytes: .onDemand)
        #expect(onDemand.canonical == written.canonical)
        #expect(onDemand.canonical == PlanJSON.encode(written.plan))
        #expect(!String(decoding: onDemand.canonical, as: UTF8.self).contains("shoeSize"))
        #expect(onDemand.warnings.map(\.description) == written.warnings.map(\.description))
        #expect(written.warnings.contains { $0.description.contains("person.shoeSize: unknown field") })
    }

    @Test(
        "a field the model does not know is named wherever it is, once, in document order; nothing else warns",
        arguments: Fixtures.samplePlanFiles)
    func unknownFieldsEverywhere(_ file: URL) throws {
        let sample = try PlanJSON.decode(try Data(contentsOf: file), today: Fixtures.today)
        let tree = PlanJSON.tree(of: sample.plan)
        // Two strange keys in every object the model reads field by field: one sorting first,
        // one last, so the order of the warnings is checked as well as their places. Module
        // sections (kept as they came) and the id counters (a map of kinds) are left alone.
        var expected: [String] = []
        func planted(_ value: JSONValue, _ path: String) -> JSONValue {
            switch value {
            case .object(var members):
                guard path != "extensions", path != "lastIssuedIds" else { return value }
                members["AAunknown"] = .string("x")
                members["zzUnknown"] = .array([.object(["inner": .integer(1)])])
                members["zzNullIsNothing"] = .null
                let prefix = path.isEmpty ? "" : path + "."
                var result: [String: JSONValue] = [:]
                for key in members.keys.sorted() {
                    if key == "AAunknown" || key == "zzUnknown" { expected.append(prefix + key) }
                    result[key] = key.hasPrefix("AA") || key.hasPrefix("zz") ? members[key] : planted(members[key]!, prefix + key)
                }
                return .object(result)
            case .array(let items):
                return .array(items.enumerated().map { planted($1, "\(path)[\($0)]") })
            default:
                return value
            }
        }
        let input = PlanJSON.encode(planted(tree, ""))
        #expect(expected.count >= 20)
        for format in [PlanJSON.CanonicalBytes.written, .onDemand] {
            let checked = try PlanJSON.check(input, today: Fixtures.today, canonicalBytes: format)
            let unknown = checked.warnings.filter { $0.message.hasPrefix("unknown field") }.map(\.path.description)
            #expect(unknown == expected)
            #expect(checked.warnings.count - unknown.count == sample.warnings.count)
            #expect(checked.canonical == PlanJSON.encode(sample.plan), "unknown fields are not kept")
        }
    }

    @Test("a field the model reads is never called unknown, even where it is written only when set")
    func readFieldsAreKnown() throws {
        // Another system may write "episodes": [] where careplan leaves the empty list out.
        let plan = try Fixtures.samplePlan("health-coaching-dev-patel")
        #expect(plan.episodes.isEmpty)
        let tree = PlanJSON.tree(of: plan).setting(["episodes"], .array([]))
        let checked = try PlanJSON.check(PlanJSON.encode(tree), today: Fixtures.today)
        #expect(!checked.warnings.contains { $0.message.hasPrefix("unknown field") })
        #expect(checked.canonical == PlanJSON.encode(plan))
    }

    @Test("refuses a text field of 10 MB, naming the field")
    func refusesHugeText() throws {
        var tree = PlanJSON.tree(of: try Fixtures.samplePlan("health-coaching-dev-patel"))
        tree = tree.setting(["strengths", 1, "text"], .string(String(repeating: "a", count: 10 * 1024 * 1024)))
        let error = try #require(throws: PlanDocumentError.self) { try PlanJSON.decode(PlanJSON.encode(tree)) }
        #expect(error.issues.map(\.description) == ["strengths[1].text: text is 10485760 characters long; at most 20000 are allowed"])
    }

    @Test("length limits count characters: text and field names at the limit pass, one more is refused, in any script")
    func lengthLimitsCountCharacters() throws {
        let tree = PlanJSON.tree(of: try Fixtures.samplePlan("health-coaching-dev-patel"))
        func problems(_ changed: JSONValue) -> [String] {
            do {
                return try PlanJSON.check(PlanJSON.encode(changed), today: Fixtures.today).warnings.map(\.description)
            } catch {
                return error.issues.map(\.description)
            }
        }
        for letter in ["a", "é", "語", "👩‍⚕️"] {
            // At the limit in characters: more UTF-8 bytes than the limit, and still fine.
            let longest = String(repeating: letter, count: PlanJSON.maximumTextLength)
            #expect(problems(tree.setting(["strengths", 1, "text"], .string(longest))) == [], "\(letter)")
            #expect(
                problems(tree.setting(["strengths", 1, "text"], .string(longest + letter)))
                    == ["strengths[1].text: text is 20001 characters long; at most 20000 are allowed"], "\(letter)")
            let name = String(repeating: letter, count: 200)
            let unknown = "unknown field, not kept (written by a newer careplan, or misspelt?)"
            #expect(problems(tree.setting(["person", name], .string("x"))) == ["warning: person.\(name): \(unknown)"])
            #expect(
                problems(tree.setting(["person", name + letter], .string("x")))
                    == ["person: a field name is 201 characters long; at most 200 are allowed"], "\(letter)")
        }
    }

    @Test("refuses nesting 1,000 deep without crashing")
    func refusesDeepNesting() throws {
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let error = try #require(throws: PlanDocumentError.self) { try PlanJSON.decode(Data(deep.utf8)) }
        #expect(error.issues.first?.description.hasPrefix("(document): not valid JSON") == true)
    }

    @Test("survives arbitrary bytes", arguments: 0..<200)
    func survivesGarbage(_ seed: Int) {
        var generator = SeededRandomNumberGenerator(seed: UInt64(seed))
        var bytes = [UInt8](PlanJSON.encode(Plan(id: "CP-X", person: Person(name: "A B"))))
        for _ in 0..<(1 + seed % 8) {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[index] = UInt8.random(in: 0...255, using: &generator)
        }
        // Either outcome is fine, as long as it returns (no trap) and is coherent.
        do {
            let plan = try PlanJSON.decode(Data(bytes)).plan
            #expect(try PlanJSON.decode(PlanJSON.encode(plan)).plan == plan)
        } catch {
            #expect(!error.issues.isEmpty)
            #expect(error.issues.allSatisfy { !$0.message.isEmpty && !$0.description.contains("\n") })
        }
    }
}
