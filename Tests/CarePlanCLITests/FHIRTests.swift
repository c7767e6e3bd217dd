import CareCoordination
import CarePlanCore
import CarePlanTestSupport
import Foundation
import HealthCoaching
import SocialPrescribing
import Testing
@testable import careplan

@Suite("FHIR R4 export and import", .serialized)
struct FHIRTests {
    let careplan = CommandRunner(product: "careplan")
    static let plugins: PluginHost? = try? PluginHost(roleModules)

    @Test("every sample plan exports to a bundle the independent validator (fhir.resources, R4) accepts")
    func samplesValidate() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path)).status == 0)
        var bundles: [String] = []
        for file in Fixtures.samplePlanFiles {
            let plan = try PlanJSON.decode(Data(contentsOf: file)).plan
            let output = folder.path("\(plan.id).fhir.json")
            let result = try careplan.run(["export", plan.id, "--store", store, "--format", "fhir", "-o", output])
            #expect(result.status == 0, "\(result.stderr)")
            bundles.append(output)
        }
        let check = try PythonChecker.run(["Tests/Support/check_fhir_bundle.py"] + bundles)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.split(separator: "\n").filter { $0.contains(": ok (") }.count == Fixtures.samplePlanFiles.count)
    }

    @Test(
        "the independent validator rejects a broken bundle: invariants gol-1, obs-6, ext-1 and cpl-3 (by FHIRPath), no narrative, a score as text, a relationship outside UK Core"
    )
    func validatorCanFail() throws {
        let folder = try TemporaryDirectory()
        let plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[1])).plan
        guard case .object(var bundle) = FHIRExporter().bundle(for: plan), case .array(var entries)? = bundle["entry"],
            case .object(var first)? = entries.first, case .object(var carePlan)? = first["resource"]
        else {
            Issue.record("unexpected bundle shape")
            return
        }
        carePlan["status"] = .string("finished")
        // cpl-3: an activity with both a reference and a detail.
        carePlan["activity"] = .array([
            .object([
                "reference": .object(["display": .string("a referral")]),
                "detail": .object(["status": .string("scheduled"), "description": .string("Walk")]),
            ])
        ])
        carePlan["subject"] = .object(["reference": .string("urn:uuid:00000000-0000-8000-8000-000000000000")])
        first["resource"] = .object(carePlan)
        entries[0] = .object(first)
        // A Goal with a target detail and no measure breaks invariant gol-1.
        let patient = entries.compactMap { $0["resource"]?["resourceType"] == .string("Patient") ? $0["fullUrl"] : nil }.first ?? .null
        entries.append(
            .object([
                "fullUrl": .string("urn:uuid:0a0a0a0a-0000-4000-8000-000000000001"),
                "resource": .object([
                    "resourceType": .string("Goal"), "lifecycleStatus": .string("active"), "description": .object(["text": .string("Walk")]),
                    "subject": .object(["reference": patient]), "target": .array([.object(["detailString": .string("5 days a week")])]),
                ]),
            ]))
        // A score as a string, and a relationship coded outside UK Core's value set.
        entries.append(
            .object([
                "fullUrl": .string("urn:uuid:0a0a0a0a-0000-4000-8000-000000000002"),
                "resource": .object([
                    "resourceType": .string("Observation"), "status": .string("final"), "code": .object(["text": .string("SWEMWBS")]),
                    "subject": .object(["reference": patient]), "valueString": .string("21"),
                    // obs-6: a value and a reason for its absence; ext-1: an extension with both
                    // a value and sub-extensions.
                    "dataAbsentReason": .object(["text": .string("not asked")]),
                    "extension": .array([
                        .object([
                            "url": .string("https://example.org/x"), "valueString": .string("a"),
                            "extension": .array([.object(["url": .string("b"), "valueString": .string("c")])]),
                        ])
                    ]),
                ]),
            ]))
        entries.append(
            .object([
                "fullUrl": .string("urn:uuid:0a0a0a0a-0000-4000-8000-000000000003"),
                "resource": .object([
                    "resourceType": .string("Patient"),
                    "contact": .array([
                        .object([
                            "relationship": .array([
                                .object(["coding": .array([.object(["system": .string("https://example.org/relationships"), "code": .string("carer")])])])
                            ])
                        ])
                    ]),
                ]),
            ]))
        bundle["entry"] = .array(entries)
        let file = folder.path("broken.json")
        try PlanJSON.encode(JSONValue.object(bundle)).write(to: URL(fileURLWithPath: file))
        let check = try PythonChecker.run(["Tests/Support/check_fhir_bundle.py", file])
        #expect(check.status == 1)
        #expect(check.stdout.contains("CarePlan.status: 'finished' is not in the FHIR R4 value set"))
        #expect(check.stdout.contains("does not resolve inside the bundle"))
        #expect(check.stdout.contains("Goal: invariant gol-1 does not hold"), "\(check.stdout)")
        #expect(check.stdout.contains("Observation: invariant obs-6 does not hold"), "\(check.stdout)")
        #expect(check.stdout.contains("Observation: invariant ext-1 does not hold"), "\(check.stdout)")
        #expect(check.stdout.contains("CarePlan: invariant cpl-3 does not hold"), "\(check.stdout)")
        #expect(check.stdout.contains("Goal: dom-6: no generated narrative"), "\(check.stdout)")
        #expect(check.stdout.contains("Observation: valueString: a score is sent as a number"), "\(check.stdout)")
        #expect(check.stdout.contains("relationship: https://example.org/relationships is not in UKCore-PersonRelationshipType"), "\(check.stdout)")
    }

    @Test("every sample plan survives a FHIR round trip unchanged", arguments: Fixtures.samplePlanFiles)
    func roundTrip(_ file: URL) throws {
        let plugins = try #require(Self.plugins)
        let plan = try PlanJSON.decode(Data(contentsOf: file), plugins: plugins).plan
        let bundle = FHIRExporter(plugins: plugins).bundle(for: plan)
        let back = try FHIRImporter(plugins: plugins).plan(fromBundle: bundle)
        #expect(PlanJSON.encode(back) == PlanJSON.encode(plan))
        // Without the modules loaded their sections still come back exactly.
        #expect(try FHIRImporter().plan(fromBundle: FHIRExporter().bundle(for: plan)) == plan)
    }

    @Test("the same plan always gives the same bundle, and every reference resolves")
    func deterministic() throws {
        let plugins = try #require(Self.plugins)
        let plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[1]), plugins: plugins).plan
        let first = PlanJSON.encode(FHIRExporter(plugins: plugins).bundle(for: plan))
        #expect(first == PlanJSON.encode(FHIRExporter(plugins: plugins).bundle(for: plan)))
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"system\": \"https://fhir.nhs.uk/Id/nhs-number\""))
        #expect(text.contains("https://fhir.hl7.org.uk/StructureDefinition/UKCore-CarePlan"))
    }

    @Test("a bundle careplan cannot read is refused with where and why, and nothing is stored")
    func badBundle() throws {
        let folder = try TemporaryDirectory()
        let file = folder.path("bad.json")
        try #"{"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient"}}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try careplan.run(["import", "--format", "fhir", "--store", folder.path("s.sqlite"), file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.json: (document): FHIR: the bundle has no CarePlan"))
        #expect(try careplan.run(["list", "--store", folder.path("s.sqlite"), "--format", "json"]).stdout == "[]\n")
    }

    /// A careplan bundle of the sample plan with `extra` resources appended, as another system
    /// would send it back.
    private func bundle(adding extra: [JSONValue]) throws -> JSONValue {
        let plugins = try #require(Self.plugins)
        let plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[1]), plugins: plugins).plan
        guard case .object(var bundle) = FHIRExporter(plugins: plugins).bundle(for: plan), case .array(var entries)? = bundle["entry"]
        else {
            Issue.record("unexpected bundle shape")
            return .null
        }
        for (index, resource) in extra.enumerated() {
            entries.append(.object(["fullUrl": .string("urn:uuid:5e1d0000-0000-4000-8000-00000000000\(index)"), "resource": resource]))
        }
        bundle["entry"] = .array(entries)
        return .object(bundle)
    }

    @Test("a resource another system added (its own referral or task) is never dropped: the bundle is refused naming the entry, and nothing is stored")
    func foreignResourcesRefused() throws {
        let plugins = try #require(Self.plugins)
        // A GP system's referral to social prescribing, in the HL7 SDOH Clinical Care shape.
        let referral: JSONValue = .object([
            "resourceType": .string("ServiceRequest"), "status": .string("active"), "intent": .string("order"),
            "code": .object(["coding": .array([.object(["system": .string("http://snomed.info/sct"), "code": .string("871731000000106")])])]),
            "subject": .object(["reference": .string("urn:uuid:patient")]),
        ])
        let task: JSONValue = .object(["resourceType": .string("Task"), "status": .string("accepted"), "intent": .string("order")])
        let withReferral = try bundle(adding: [referral])
        let count = withReferral["entry"]?.arrayValue.count ?? 0
        #expect(
            throws: FHIRImportError(
                "entry[\(count - 1)] (ServiceRequest): not written by careplan (no careplan entry id), so importing would leave it out; nothing imported")
        ) {
            try FHIRImporter(plugins: plugins).plan(fromBundle: withReferral)
        }
        #expect(
            throws: FHIRImportError(
                "entry[\(count - 1)] (ServiceRequest) (and 1 more): not written by careplan (no careplan entry id), so importing would leave it out; nothing imported"
            )
        ) {
            try FHIRImporter(plugins: plugins).plan(fromBundle: try bundle(adding: [referral, task]))
        }
        // Through the command line: exit 1, the file and entry named, nothing stored.
        let folder = try TemporaryDirectory()
        let file = folder.path("from-gp.json")
        try PlanJSON.encode(withReferral).write(to: URL(fileURLWithPath: file))
        let result = try careplan.run(["import", "--format", "fhir", "--store", folder.path("s.sqlite"), file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("from-gp.json: (document): FHIR: entry[\(count - 1)] (ServiceRequest): not written by careplan"), "\(result.stderr)")
        #expect(try careplan.run(["list", "--store", folder.path("s.sqlite"), "--format", "json"]).stdout == "[]\n")
        // careplan's own bundle still imports.
        #expect(try FHIRImporter(plugins: plugins).plan(fromBundle: try bundle(adding: [])).id == "CP-CC0003")
    }

    @Test("a bundle holding a second person is refused, never read as the first person's plan")
    func secondPersonRefused() throws {
        let plugins = try #require(Self.plugins)
        let stranger: JSONValue = .object([
            "resourceType": .string("Patient"), "name": .array([.object(["text": .string("Someone Else")])]),
        ])
        #expect(throws: FHIRImportError("the bundle holds 2 Patient resources; careplan imports one person's plan from a bundle")) {
            try FHIRImporter(plugins: plugins).plan(fromBundle: try bundle(adding: [stranger]))
        }
    }

    @Test("every exported resource carries a generated narrative, with typed text escaped and control characters shown")
    func narratives() throws {
        let plugins = try #require(Self.plugins)
        var plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[1]), plugins: plugins).plan
        plan.goals[0].description = "Walk <b>fast</b> & \"far\"\u{1B}[2J"
        let bundle = FHIRExporter(plugins: plugins).bundle(for: plan)
        let resources = (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
        #expect(resources.count > 10)
        for resource in resources {
            #expect(resource["text"]?["status"] == .string("generated"), "\(resource["resourceType"] ?? .null)")
        }
        let goal = try #require(resources.first { $0["resourceType"] == .string("Goal") }?["text"]?["div"]?.stringValue)
        #expect(goal == "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Goal: Walk &lt;b&gt;fast&lt;/b&gt; &amp; &quot;far&quot;[U+1B][2J (active)</p></div>")
    }
}
