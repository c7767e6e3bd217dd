import CareCoordination
import CarePlanCore
import CarePlanTestSupport
import Foundation
import HealthCoaching
import SocialPrescribing
import Testing
@testable import careplan

/// careplan's extensions, declared by StructureDefinitions under the deployment's canonical
/// base, and FHIR sent only once that base is set.
@Suite("FHIR definitions and the canonical base", .serialized)
struct FHIRDefinitionsTests {
    let careplan = CommandRunner(product: "careplan")
    static let shipped = Fixtures.packageRoot.appendingPathComponent("docs/fhir/definitions")

    /// Every sample plan exported as FHIR with the tests' base, into `folder`.
    func exportSamples(to folder: TemporaryDirectory) throws -> [String] {
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store] + Fixtures.samplePlanFiles.map(\.path)).status == 0)
        return try Fixtures.samplePlanFiles.map { file in
            let plan = try PlanJSON.decode(Data(contentsOf: file)).plan
            let output = folder.path("\(plan.id).fhir.json")
            let result = try careplan.run(["export", plan.id, "--store", store, "--format", "fhir", "-o", output])
            #expect(result.status == 0, "\(result.stderr)")
            return output
        }
    }

    @Test("every extension in every sample's export is declared by a shipped StructureDefinition and used as it declares; no example URLs")
    func definitionsCoverExports() throws {
        let folder = try TemporaryDirectory()
        let bundles = try exportSamples(to: folder)
        for bundle in bundles {
            let text = try String(contentsOfFile: bundle, encoding: .utf8)
            #expect(!text.contains(FHIR.careplanBase) && text.contains(Fixtures.fhirBaseURL + "/StructureDefinition/"))
        }
        // --all-used: every shipped definition is exercised by some sample, so none is stale.
        let check = try PythonChecker.run(["Tests/Support/check_fhir_definitions.py", "--all-used", Fixtures.fhirBaseURL, Self.shipped.path] + bundles)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.split(separator: "\n").filter { $0.contains(": ok (") && !$0.contains("(0 extensions)") }.count == bundles.count)
    }

    @Test("the checker rejects an undeclared extension, a wrong value type, an unknown part and an extension in the wrong place")
    func checkerCanFail() throws {
        let folder = try TemporaryDirectory()
        let bundle = try exportSamples(to: folder)[0]
        var text = try String(contentsOfFile: bundle, encoding: .utf8)
        let base = Fixtures.fhirBaseURL + "/StructureDefinition/"
        // An undeclared extension, a value of the wrong type, a part no slice names, and
        // need-domain moved onto the Patient.
        text = text.replacingOccurrences(of: "\"url\": \"\(base)last-updated\"", with: "\"url\": \"\(base)last-changed\"")
        text = text.replacingOccurrences(of: "\"url\": \"\(base)concern-score\",\n", with: "\"url\": \"\(base)concern-score\",\n  \"valueString\": \"7\",\n")
        text = text.replacingOccurrences(of: "\"url\": \"heading\"", with: "\"url\": \"title\"")
        text = text.replacingOccurrences(of: "\(base)communication-needs", with: "\(base)need-domain")
        let broken = folder.path("broken.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: broken))
        let check = try PythonChecker.run(["Tests/Support/check_fhir_definitions.py", Fixtures.fhirBaseURL, Self.shipped.path, broken])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(base)last-changed: no StructureDefinition declares it"), "\(check.stdout)")
        #expect(check.stdout.contains("concern-score: expected a value of type integer"), "\(check.stdout)")
        #expect(check.stdout.contains("sub-extension 'title' is not in its definition"), "\(check.stdout)")
        #expect(check.stdout.contains("need-domain: used on Patient"), "\(check.stdout)")
    }

    @Test("docs/fhir/definitions holds exactly what careplan fhir-definitions writes for the tests' base")
    func shippedDefinitionsAreCurrent() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.shipped.path).sorted()
        #expect(names == FHIRExtensionCatalogue.definitions.map { "StructureDefinition-\($0.name).json" }.sorted())
        for definition in FHIRExtensionCatalogue.definitions {
            let file = Self.shipped.appendingPathComponent("StructureDefinition-\(definition.name).json")
            let written = PlanJSON.encode(FHIRExtensionCatalogue.structureDefinition(definition, base: Fixtures.fhirBase))
            #expect(
                try Data(contentsOf: file) == written, "\(definition.name): run careplan fhir-definitions --base \(Fixtures.fhirBaseURL) docs/fhir/definitions")
        }
        let folder = try TemporaryDirectory()
        // The folder and its missing parents are made, each owner-only.
        let result = try careplan.run(["fhir-definitions", folder.path("site/fhir/out")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("site/fhir/out")).count == names.count)
        for made in ["site", "site/fhir", "site/fhir/out"] {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.path(made))[.posixPermissions] as? Int
            #expect(mode == 0o700, "\(made)")
        }
    }

    @Test("with no canonical base, or one kept for examples, no FHIR is written: one line saying why, nothing on disk")
    func fhirNeedsABase() throws {
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store, Fixtures.samplePlanFiles[0].path]).status == 0)
        let plan = try PlanJSON.decode(Data(contentsOf: Fixtures.samplePlanFiles[0])).plan
        for (base, reason) in [
            ("", "FHIR is written only once your PCN sets CAREPLAN_FHIR_BASE"),
            ("https://careplan.example/fhir", "CAREPLAN_FHIR_BASE: careplan.example is a name kept for examples"),
            ("http://fhir.northam-pcn.nhs.uk", "CAREPLAN_FHIR_BASE: expected an https address"),
        ] {
            for arguments in [
                ["export", plan.id, "--format", "fhir", "-o", folder.path("one.json")],
                ["export", "--all", "--format", "fhir", "-o", folder.path("all.jsonl")],
            ] {
                let result = try careplan.run(arguments + ["--store", store], environment: ["CAREPLAN_FHIR_BASE": base])
                #expect(result.status == 1)
                #expect(result.stderr.contains(reason) && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
            let definitions = try careplan.run(["fhir-definitions", folder.path("defs")], environment: ["CAREPLAN_FHIR_BASE": base])
            #expect(definitions.status == 1, "\(definitions.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { !$0.hasPrefix("s.sqlite") }.isEmpty)
        // JSON and the person's document need no base.
        #expect(try careplan.run(["export", plan.id, "--store", store, "-o", folder.path("p.json")], environment: ["CAREPLAN_FHIR_BASE": ""]).status == 0)
    }

    @Test("a bundle another careplan deployment wrote, under its own base, reads back the same plan")
    func anotherDeploymentsBundle() throws {
        let plugins = try PluginHost(roleModules, settings: DeploymentSettings(fhirBase: try FHIRBase("https://fhir.calder-pcn.nhs.uk/careplan/")))
        let ours = try PluginHost(roleModules, settings: DeploymentSettings(fhirBase: Fixtures.fhirBase))
        for file in Fixtures.samplePlanFiles {
            let plan = try PlanJSON.decode(Data(contentsOf: file)).plan
            let bundle = FHIRExporter(plugins: plugins).bundle(for: plan)
            let text = String(decoding: PlanJSON.encode(bundle), as: UTF8.self)
            #expect(text.contains("https://fhir.calder-pcn.nhs.uk/careplan/Id/plan") && !text.contains(FHIR.careplanBase))
            #expect(try FHIRImporter(plugins: ours).plan(fromBundle: bundle) == plan, "\(plan.id)")
        }
    }

    @Test(
        "a canonical base is an https address of a real host, kept without its trailing slash",
        arguments: [
            ("https://fhir.northam-pcn.nhs.uk/careplan/", "https://fhir.northam-pcn.nhs.uk/careplan"),
            ("https://FHIR.Northam-PCN.nhs.uk", "https://FHIR.Northam-PCN.nhs.uk"),
        ])
    func baseAccepted(text: String, url: String) throws {
        #expect(try FHIRBase(text).url == url)
    }

    @Test(
        "bases that would resolve for nobody are refused",
        arguments: [
            "", "fhir.nhs.uk", "http://fhir.nhs.uk", "https://localhost/fhir", "https://fhir.nhs.uk?x=1", "https://fhir.nhs.uk/#a",
            "https://user:pw@fhir.nhs.uk", "https://a.example.com", "https://careplan.example", "https://x.test/fhir", "https://x.invalid",
            "https://fhir nhs.uk",
        ])
    func baseRefused(text: String) {
        #expect(throws: FHIRBaseError.self) { try FHIRBase(text) }
    }
}
