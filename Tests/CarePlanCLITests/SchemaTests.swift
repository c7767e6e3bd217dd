import CareCoordination
import CarePlanCore
import CarePlanTestSupport
import HealthCoaching
import SocialPrescribing
import Foundation
import Testing
@testable import careplan

@Suite("JSON Schema")
struct SchemaTests {
    static let schemaURL = Fixtures.packageRoot.appendingPathComponent("docs/schema/plan.schema.json")

    private func schema() throws -> JSONValue {
        try PlanJSON.parse(Data(contentsOf: Self.schemaURL))
    }

    @Test("an independent validator (Python jsonschema) accepts every sample plan")
    func samplesPassIndependentValidator() throws {
        let result = try PythonChecker.run(
            ["Tests/Support/check_plan_schema.py", "docs/schema/plan.schema.json"]
                + Fixtures.samplePlanFiles.map { "plans/" + $0.lastPathComponent })
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == Fixtures.samplePlanFiles.count)
    }

    @Test("the independent validator rejects plans that break the schema")
    func independentValidatorCanFail() throws {
        let result = try PythonChecker.run([
            "Tests/Support/check_plan_schema.py", "docs/schema/plan.schema.json",
            "Tests/Fixtures/bad-plans/concern-score-11.json",
            "Tests/Fixtures/bad-plans/unknown-need-domain.json",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("needs[0].concernScore: 11 is greater than the maximum of 10"))
        #expect(result.stdout.contains("needs[0].domain: 'money' is not one of"))
    }

    @Test("every field the code writes is in the schema, and every schema field is used by a sample")
    func schemaMatchesCode() throws {
        let schema = try schema()
        var used: Set<String> = []
        let extras = try FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/extra-plans").path)
            .filter { $0.hasSuffix(".json") }.map { Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/extra-plans/\($0)") }
        for file in Fixtures.samplePlanFiles + extras {
            let plan = try PlanJSON.decode(Data(contentsOf: file)).plan
            let problems = SchemaWalker(schema: schema).check(PlanJSON.tree(of: plan), against: schema, at: "", used: &used)
            #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems)")
        }
        let declared = SchemaWalker(schema: schema).declaredProperties()
        let unused = declared.subtracting(used).sorted()
        #expect(unused.isEmpty, "schema fields no sample uses: \(unused)")
    }

    @Test("every vocabulary in the code has the same values in the schema")
    func vocabulariesMatch() throws {
        let schema = try schema()
        func check<V: Vocabulary>(_ type: V.Type) {
            let name = String(describing: type)
            guard case .array(let values)? = schema["$defs"]?[name]?["enum"] else {
                Issue.record("schema has no enum for \(name)")
                return
            }
            #expect(values == V.allCases.map { .string($0.rawValue) }, "\(name)")
        }
        check(PlanStatus.self); check(Gender.self); check(EthnicCategory.self); check(PhenotypicSex.self); check(GenderIdentity.self);
        check(AboutMeHeading.self); check(NeedDomain.self)
        check(NeedStatus.self); check(GoalLifecycleStatus.self); check(GoalAchievementStatus.self)
        check(ActionStatus.self); check(ReferralRecipient.self); check(ReferralMethod.self)
        check(ReferralStatus.self); check(PersonalContactRole.self); check(AgreedBy.self); check(ConsentStatus.self)
        check(LinkKind.self); check(Determinant.self); check(LinkStatus.self); check(Timepoint.self)
        check(StageOfChange.self); check(SessionMode.self); check(TaskPriority.self); check(TaskStatus.self); check(TrackedStatus.self)
    }
}

/// Checks a JSON tree against the subset of JSON Schema our schema uses (object properties,
/// required, arrays, $ref), to prove the schema and the code describe the same fields.
struct SchemaWalker {
    let schema: JSONValue

    func resolve(_ node: JSONValue) -> JSONValue {
        if case .string(let reference)? = node["$ref"], reference.hasPrefix("#/$defs/"),
            let target = schema["$defs"]?[String(reference.dropFirst(8))]
        {
            return target
        }
        return node
    }

    func check(_ value: JSONValue, against node: JSONValue, at path: String, used: inout Set<String>) -> [String] {
        let node = resolve(node)
        var problems: [String] = []
        switch value {
        case .object(let members):
            guard case .object(let properties)? = node["properties"] else { return [] }
            if case .array(let required)? = node["required"] {
                for case .string(let key) in required where members[key] == nil {
                    problems.append("\(path).\(key): required by the schema but not written")
                }
            }
            for (key, member) in members {
                guard let property = properties[key] else {
                    // Open objects (extensions) may hold sections of modules the schema does not describe.
                    if node["additionalProperties"] != .bool(true) {
                        problems.append("\(path).\(key): written by the code but not in the schema")
                    }
                    continue
                }
                used.insert(owner(of: node) + "." + key)
                problems += check(member, against: property, at: "\(path).\(key)", used: &used)
            }
        case .array(let items):
            if let itemNode = node["items"] {
                for (index, item) in items.enumerated() {
                    problems += check(item, against: itemNode, at: "\(path)[\(index)]", used: &used)
                }
            }
        default:
            break
        }
        return problems
    }

    func owner(of node: JSONValue) -> String {
        if case .object(let defs)? = schema["$defs"], let match = defs.first(where: { $0.value == node }) {
            return match.key
        }
        return "Plan"
    }

    func declaredProperties() -> Set<String> {
        var declared: Set<String> = []
        func add(_ node: JSONValue, _ owner: String) {
            if case .object(let properties)? = node["properties"] {
                for key in properties.keys { declared.insert(owner + "." + key) }
            }
        }
        add(schema, "Plan")
        if case .object(let defs)? = schema["$defs"] {
            for (name, node) in defs { add(node, name) }
        }
        return declared
    }
}

@Suite("The canonical JSON recipe")
struct CanonicalRecipeTests {
    @Test("the bytes careplan writes are Python's json.dumps(indent=2, sort_keys=True, ensure_ascii=False) for every kind of text and key")
    func matchesPython() throws {
        let folder = try TemporaryDirectory()
        var plan = try Fixtures.samplePlan("social-prescribing-margaret-okafor")
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let texts = [
            controls, "\"quoted\" and \\back\\slashes\\", "DEL \u{7F} LS \u{2028} PS \u{2029} NEL \u{85}",
            "£ é 漢字 🙂 e\u{301}", "</script><!-- -->", String(repeating: "x", count: 300),
        ]
        for (index, text) in texts.enumerated() {
            plan.notes.append(Note(id: plan.issueID(.note), writtenOn: Fixtures.today, author: "tab\there", text: text))
            plan.extensions["test-\(index)"] = .object([
                "é": .string(text), "z": .integer(1), "Z": .null, "ä": .array([.string(text)]),
                "": .bool(true), "a\u{1}b": .object([:]),
            ])
        }
        // Deeper than the writer's run of ready-made indentation (64 levels), objects and arrays in turn.
        var deep = JSONValue.string("bottom")
        for level in 0..<150 { deep = level % 2 == 0 ? .array([deep, .integer(Int64(level))]) : .object(["k\(level)": deep, "a": .null]) }
        plan.extensions["test-deep"] = deep
        var paths: [String] = []
        let samples = try Fixtures.samplePlanFiles.map { try PlanJSON.decode(Data(contentsOf: $0)).plan }
        for (index, plan) in ([plan] + samples).enumerated() {
            let path = folder.path("plan-\(index).json")
            try PlanJSON.encode(plan).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let result = try PythonChecker.run(["Tests/Support/canonical_json.py"] + paths)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}

@Suite("Schema fragments declared by the modules")
struct SchemaFragmentTests {
    @Test("docs/schema/plan.schema.json is the core's schema with each module's declared fragment laid in, and nothing else")
    func schemaIsAssembled() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("docs/schema/plan.schema.json")
        let documented = try PlanJSON.parse(Data(contentsOf: url))
        let host = try PluginHost(roleModules)
        let fragments = host.registrar.schemaFragments
        #expect(Set(fragments.keys) == Set(roleModules.map { type(of: $0).id }))
        // The core: the documented schema without what the modules declare.
        guard case .object(var root) = documented, case .object(var definitions)? = root["$defs"],
            case .object(var properties)? = root["properties"], case .object(var extensions)? = properties["extensions"]
        else {
            Issue.record("the documented schema is not shaped as expected")
            return
        }
        for fragment in fragments.values { for name in fragment.definitions.keys { definitions[name] = nil } }
        root["$defs"] = .object(definitions)
        extensions["properties"] = .object([:])
        properties["extensions"] = .object(extensions)
        root["properties"] = .object(properties)
        let core = JSONValue.object(root)
        #expect(host.planSchema(core: core) == documented)
        // Every definition left in the core is the core's own: reachable from its properties.
        func references(_ value: JSONValue, into found: inout Set<String>) {
            switch value {
            case .object(let members):
                if case .string(let target)? = members["$ref"], target.hasPrefix("#/$defs/") { found.insert(String(target.dropFirst(8))) }
                for member in members.values { references(member, into: &found) }
            case .array(let items): for item in items { references(item, into: &found) }
            default: break
            }
        }
        var reachable: Set<String> = []
        references(.object(properties), into: &reachable)
        var frontier = reachable
        while let name = frontier.popFirst() {
            var found: Set<String> = []
            if let definition = definitions[name] { references(definition, into: &found) }
            for next in found where reachable.insert(next).inserted { frontier.insert(next) }
        }
        #expect(Set(definitions.keys).subtracting(reachable).isEmpty, "definitions no one uses: \(Set(definitions.keys).subtracting(reachable))")
    }

    @Test("a module declaring a definition another module owns fails at start-up")
    func clash() throws {
        struct Thief: CarePlanPlugin {
            static let id = "thief"
            static let title = "Thief"
            func register(into registrar: inout PluginRegistrar) throws(PluginError) {
                try registrar.schema(#"{"section": "ONS4", "$defs": {"ONS4": {"type": "object"}}}"#)
            }
        }
        #expect(throws: PluginError("the schema definition \"ONS4\" is declared by \"social-prescribing\" and \"thief\"")) {
            try PluginHost([SocialPrescribingPlugin(), Thief()])
        }
        struct Broken: CarePlanPlugin {
            static let id = "broken"
            static let title = "Broken"
            func register(into registrar: inout PluginRegistrar) throws(PluginError) {
                try registrar.schema(#"{"$defs": {}}"#)
            }
        }
        #expect(throws: PluginError("the schema of \"broken\" needs \"section\" naming one of its \"$defs\"")) {
            try PluginHost([Broken()])
        }
    }
}
