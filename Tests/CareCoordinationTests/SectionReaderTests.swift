@testable import CarePlanCore
import CareCoordination
import CarePlanTestSupport
import Foundation
import Testing

/// The care coordination section's own reader must read exactly what Codable reads: the same
/// section, or the same first error, for the sample plan's section broken at every field.
@Suite("The care coordination section's reader and writer")
struct SectionReaderTests {
    struct Outcome: Equatable {
        var section: CareCoordinationSection?
        var recorded: [String] = []
        var error: String?
    }

    /// Reads with a collector, as a plan check does, so every problem is recorded in the order
    /// the fields are read.
    static func read(_ tree: JSONValue, throughCodable: Bool) -> Outcome {
        let collector = DecodingIssueCollector()
        var decoder = JSONTreeDecoder()
        decoder.userInfo[DecodingIssueCollector.userInfoKey] = collector
        var outcome = Outcome()
        do {
            outcome.section =
                throughCodable ? try codable(CareCoordinationSection.self, decoder, tree) : try decoder.decode(CareCoordinationSection.self, from: tree)
        } catch let error as DecodingError {
            outcome.error = PlanJSON.issue(for: error, in: tree).description
        } catch {
            outcome.error = "not a DecodingError: \(error)"
        }
        outcome.recorded = collector.issues.map(\.description)
        return outcome
    }

    /// Reads through Codable: in a context that knows only `Decodable`, the Codable overload is the one chosen.
    static func codable<T: Decodable>(_ type: T.Type, _ decoder: JSONTreeDecoder, _ tree: JSONValue) throws -> T {
        try decoder.decode(type, from: tree)
    }

    @Test("reads the same as Codable at every field broken every way")
    func sameAsCodable() throws {
        let plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        let tree = try #require(plan.extensions[CareCoordinationSection.moduleID])
        let intact = Self.read(tree, throughCodable: false)
        #expect(intact.section != nil && intact == Self.read(tree, throughCodable: true), "\(intact)")
        // What the plan check uses.
        #expect(try SectionCodec.decode(CareCoordinationSection.self, from: tree) == intact.section)
        let variants = TreeBreakage.variants(of: tree)
        for (label, broken) in variants {
            let reader = Self.read(broken, throughCodable: false), codable = Self.read(broken, throughCodable: true)
            #expect(reader == codable, "\(label): reader \(reader) / Codable \(codable)")
        }
        #expect(variants.count >= 15 * TreeBreakage.ways.count)
    }

    @Test("writes what Codable writes, for the sample section and each breakage of it that reads")
    func writesAsCodable() throws {
        let plan = try Fixtures.samplePlan("care-coordination-edith-lloyd")
        let tree = try #require(plan.extensions[CareCoordinationSection.moduleID])
        var compared = 0
        for (label, broken) in [("intact", tree)] + TreeBreakage.variants(of: tree) {
            guard let section = Self.read(broken, throughCodable: false).section else { continue }
            // What SectionCodec writes into a plan, against the tree encoder's Codable output.
            #expect(try SectionCodec.tree(of: section) == JSONTreeEncoder().encode(section), "\(label)")
            compared += 1
        }
        #expect(compared >= 20)
    }
}
