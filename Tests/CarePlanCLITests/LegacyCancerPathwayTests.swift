import CarePlanCore
import CarePlanStore
import CarePlanTestSupport
import Foundation
import Testing
@testable import careplan

/// Plans saved by careplan 0.1 kept the cancer pathway in the care coordination section; the
/// cancer care module reads them, moves the pathway on the next change, and exports the new shape.
@Suite("Cancer pathways saved by careplan 0.1")
struct LegacyCancerPathwayTests {
    let careplan = CommandRunner(product: "careplan")
    static let file = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/extra-plans/treated-pathway.json")

    /// The referral the 0.1 pathway of the fixture becomes.
    static func expectedSection(_ tree: JSONValue) {
        #expect(tree["extensions"]?["care-coordination"]?["cancerPathway"] == nil)
        #expect(tree["extensions"]?["care-coordination"]?["tasks"]?.arrayValue.count == 1)
        #expect(tree["extensions"]?["care-coordination"]?["tracked"]?.arrayValue.count == 2)
        let referral = tree["extensions"]?["cancer-care"]?["referrals"]?.arrayValue.first
        #expect(referral?["id"] == .string("U1"))
        #expect(referral?["referredOn"] == .string("2026-10-14"))
        #expect(referral?["outcome"] == .object(["result": .string("diagnosed"), "communicatedOn": .string("2026-11-06")]))
        #expect(referral?["decisionToTreatOn"] == .string("2026-11-12"))
        #expect(referral?["firstTreatmentOn"] == .string("2026-11-20"))
        #expect(referral?["route"] == nil && referral?["site"] == nil)
    }

    @Test("validate accepts a 0.1 plan without warnings, and import stores it in the new shape")
    func importsInNewShape() throws {
        let validate = try careplan.run(["validate", Self.file.path])
        #expect(validate.status == 0, "\(validate.stderr)")
        // Only the warning the plan always had (a goal with no target date): nothing about the pathway.
        #expect(validate.stderr == "\(Self.file.path): warning: goals[1].targetDate: goal G2 has no target date\n", "\(validate.stderr)")
        let folder = try TemporaryDirectory()
        let store = folder.path("s.sqlite")
        #expect(try careplan.run(["import", "--store", store, Self.file.path]).status == 0)
        let stored = try PlanStore(path: store).load("CP-CA0099")
        Self.expectedSection(try PlanJSON.parse(stored.body))
        // The migrated outcome says "diagnosed": a decision to treat followed it.
        let export = try careplan.run(["export", "CP-CA0099", "--store", store])
        Self.expectedSection(try PlanJSON.parse(Data(export.stdout.utf8)))
    }

    @Test("a 0.1 plan already in a store is shown, exported and indexed in the new shape, and stored in it on its next change")
    func storedPlanMovesOnNextChange() throws {
        let modules = try PluginHost(roleModules)
        let shell = try ShellHarness(plugins: roleModules)
        // As careplan 0.1 stored it: the body exactly as the file has it.
        let body = try Data(contentsOf: Self.file)
        let old = try PlanJSON.decodeStored(body)
        _ = try shell.store.importPlans([old], bodies: [body], author: "0.1", at: Fixtures.now, replace: false)
        #expect(String(decoding: try shell.store.load("CP-CA0099").body, as: UTF8.self).contains("\"cancerPathway\""))

        // Indexed by the new module at once: the support conversation, the three-month contact and
        // the care review it owes are on the worklist (overdue by 2027-11-07).
        let without = try PluginHost(roleModules.filter { type(of: $0).id != "cancer-care" })
        let later = try #require(CalendarDate("2027-11-07"))
        let overdue = try #require(modules.worklistGroups(today: later)?.first)
        #expect(overdue.title == "Overdue")
        let withoutModule = try PlanStore(path: shell.store.path, dueItems: without.dueItemIndex).dueItemTotal(overdue)
        let withModule = try PlanStore(path: shell.store.path, dueItems: modules.dueItemIndex).dueItemTotal(overdue)
        #expect(withModule - withoutModule == 3)
        #expect(shell.run(bail: true, ["open CP-CA0099", "cancer show --today 2026-11-21"]), "\(shell.output.errors)")
        #expect(shell.output.results.contains("  62-day referral to treatment   day 37 of 62   met"))

        // Exports in the new shape before any change.
        for arguments in [["export", "CP-CA0099"], ["export", "--all"]] {
            let result = try careplan.run(arguments + ["--store", shell.store.path])
            #expect(result.status == 0, "\(result.stderr)")
            Self.expectedSection(try PlanJSON.parse(Data(result.stdout.split(separator: "\n").joined(separator: "\n").utf8)))
        }
        let fhir = try careplan.run(["export", "CP-CA0099", "--format", "fhir", "--store", shell.store.path])
        #expect(fhir.stdout.contains("\"Suspected cancer referral\""))

        // The next change stores it in the new shape.
        #expect(shell.run(bail: true, ["note Rang about the CT scan"]), "\(shell.output.errors)")
        Self.expectedSection(try PlanJSON.parse(try shell.store.load("CP-CA0099").body))
    }
}
