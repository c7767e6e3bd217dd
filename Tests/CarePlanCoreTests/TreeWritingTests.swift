@testable import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

/// The model's own writers must write exactly the tree Codable writes through the tree encoder,
/// for every sample plan and every breakage of one that still reads (odd values, missing
/// optional fields, placeholders standing in for unreadable ones).
@Suite("The model's tree writers")
struct TreeWritingTests {
    /// The plan written through Codable, as `PlanJSON.tree(of:)` did before the writers.
    static func throughCodable(_ plan: Plan) throws -> JSONValue {
        var encoder = JSONTreeEncoder()
        encoder.userInfo[Plan.extensionsHandledOutside] = true
        guard case .object(var members) = try encoder.encode(plan) else { return .null }
        members["extensions"] = .object(plan.extensions)
        return .object(members)
    }

    /// Reads whatever of `tree` reads as a plan, placeholders and all.
    static func plan(from tree: JSONValue) -> Plan? {
        var decoder = JSONTreeDecoder()
        decoder.userInfo[DecodingIssueCollector.userInfoKey] = DecodingIssueCollector()
        decoder.userInfo[Plan.extensionsHandledOutside] = true
        guard var plan = try? decoder.decode(Plan.self, from: tree) else { return nil }
        if case .object(let sections)? = tree["extensions"] { plan.extensions = sections }
        return plan
    }

    @Test("write what Codable writes, for every sample plan and each breakage of it that reads", arguments: Fixtures.samplePlanFiles.map(\.lastPathComponent))
    func sameAsCodable(file: String) throws {
        let tree = try PlanJSON.parse(Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("plans/\(file)")))
        let intact = try #require(Self.plan(from: tree))
        #expect(intact.jsonTree == (try Self.throughCodable(intact)))
        #expect(PlanJSON.tree(of: intact) == tree, "a sample plan is written as it is stored")
        var compared = 0
        for (label, broken) in TreeBreakage.variants(of: tree, skipping: ["extensions"]) {
            guard let plan = Self.plan(from: broken) else { continue }
            #expect(plan.jsonTree == (try Self.throughCodable(plan)), "\(label)")
            compared += 1
        }
        // Every optional field left out, and odd text in every text field, still read.
        #expect(compared >= 50)
    }

    @Test("an empty plan and a plan holding every optional field write what Codable writes")
    func emptyAndFull() throws {
        let empty = Plan(id: "CP-EMPTY", person: Person(name: "Test Person"))
        #expect(empty.jsonTree == (try Self.throughCodable(empty)))
        var full = try Fixtures.samplePlan("cancer-pathway-jamal-hussain")
        full.agreement = Agreement(
            agreedBy: .representative, on: Fixtures.today, representativeName: "Ann", representativeRelationship: "daughter",
            recordedBy: "Worker")
        full.consent = Consent(status: .limited, on: Fixtures.today, scope: "the GP only", recordedBy: "Worker")
        full.recordedBy = "Worker"
        full.lastUpdated = Fixtures.today
        #expect(full.jsonTree == (try Self.throughCodable(full)))
    }
}
