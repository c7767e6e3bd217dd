import CareCoordination
import CarePlanCore
import CarePlanTestSupport
import Foundation
import HealthCoaching
import SocialPrescribing
import Testing

@Suite("FHIR R4 export and import", .serialized)
struct FHIRTests {
    let careplan = CommandRunner(product: "careplan")
    static let plugins: PluginHost? = try? PluginHost([SocialPrescribingPlugin(), HealthCoachingPlugin(), CareCoordinationPlugin()])

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

    @Test("the independent validator rejects a broken bundle")
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
        carePlan["subject"] = .object(["reference": .string("urn:uuid:00000000-0000-8000-8000-000000000000")])
        first["resource"] = .object(carePlan)
        entries[0] = .object(first)
        bundle["entry"] = .array(entries)
        let file = folder.path("broken.json")
        try PlanJSON.encode(JSONValue.object(bundle)).write(to: URL(fileURLWithPath: file))
        let check = try PythonChecker.run(["Tests/Support/check_fhir_bundle.py", file])
        #expect(check.status == 1)
        #expect(check.stdout.contains("CarePlan.status: 'finished' is not in the FHIR R4 value set"))
        #expect(check.stdout.contains("does not resolve inside the bundle"))
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
}
