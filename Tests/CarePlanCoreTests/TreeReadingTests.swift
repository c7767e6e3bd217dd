@testable import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

/// The model's own tree readers must read exactly what Codable reads: the same plan, the same
/// unknown fields, the same problems in the same order, the same first error. Each sample plan
/// is broken at every field it has (each kind of field once), in every way a file can break
/// it, and read both ways.
@Suite("The model's tree readers")
struct TreeReadingTests {
    /// What one way of reading made of a document.
    struct Outcome: Equatable, CustomStringConvertible {
        var plan: Plan?
        var unread: [String] = []
        var recorded: [String] = []
        var error: String?

        var description: String {
            "plan: \(plan == nil ? "none" : "read"), unread: \(unread), recorded: \(recorded), error: \(error ?? "none")"
        }
    }

    static func read(_ tree: JSONValue, throughCodable: Bool) -> Outcome {
        let collector = DecodingIssueCollector()
        var decoder = JSONTreeDecoder()
        decoder.userInfo[DecodingIssueCollector.userInfoKey] = collector
        decoder.userInfo[Plan.extensionsHandledOutside] = true
        var outcome = Outcome()
        do {
            let (plan, unread) =
                throughCodable
                ? try Self.codable(Plan.self, decoder, tree) : try decoder.decodeReportingUnread(Plan.self, from: tree)
            outcome.plan = plan
            outcome.unread = unread.map(\.description)
        } catch let error as DecodingError {
            outcome.error = PlanJSON.issue(for: error, in: tree).description
        } catch {
            outcome.error = "not a DecodingError: \(error)"
        }
        outcome.recorded = collector.issues.map(\.description)
        return outcome
    }

    /// Reads through Codable: in a context that knows only `Decodable`, the Codable overload is the one chosen.
    static func codable<T: Decodable>(_ type: T.Type, _ decoder: JSONTreeDecoder, _ tree: JSONValue) throws -> (T, [FieldPath]) {
        try decoder.decodeReportingUnread(type, from: tree)
    }

    @Test("read the same as Codable at every field broken every way", arguments: Fixtures.samplePlanFiles.map(\.lastPathComponent))
    func sameAsCodable(file: String) throws {
        let tree = try PlanJSON.parse(Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("plans/\(file)")))
        let intact = Self.read(tree, throughCodable: false)
        #expect(intact.plan != nil && intact.error == nil, "\(intact)")
        #expect(intact == Self.read(tree, throughCodable: true))

        let variants = TreeBreakage.variants(of: tree, skipping: ["extensions"])
        for (label, broken) in variants {
            let direct = Self.read(broken, throughCodable: false), codable = Self.read(broken, throughCodable: true)
            #expect(direct == codable, "\(label): readers \(direct) / Codable \(codable)")
        }
        // The breakages reached every kind of field the plan has.
        #expect(variants.count >= 30 * TreeBreakage.ways.count)
    }

    @Test("a plan read with its modules' sections in the model reads them as Codable does, kept as parsed")
    func sectionsInTheModel() throws {
        for file in Fixtures.samplePlanFiles {
            let tree = try PlanJSON.parse(Data(contentsOf: file))
            for broken in [tree, tree.setting(["extensions"], .string("x")), tree.setting(["extensions"], .null)] {
                let decoder = JSONTreeDecoder()
                func outcome(_ read: () throws -> Plan) -> (sections: [String: JSONValue]?, error: String?) {
                    do { return (try read().extensions, nil) } catch { return (nil, String(describing: error)) }
                }
                let direct = outcome { try decoder.decode(Plan.self, from: broken) }
                let codable = outcome { try Self.codable(Plan.self, decoder, broken).0 }
                #expect(direct.sections == codable.sections && direct.error == codable.error, "\(file.lastPathComponent)")
            }
            guard case .object(let sections)? = tree["extensions"] else { continue }
            #expect(try JSONTreeDecoder().decode(Plan.self, from: tree).extensions == sections)
        }
    }

    @Test("a broken plan is reported with the same words either way, problems in the same order")
    func sameWordsForSeveralProblems() throws {
        let tree = PlanJSON.tree(of: try Fixtures.samplePlan("care-coordination-edith-lloyd"))
            .setting(["goals", 0, "targetDate"], .string("2026-02-30"))
            .setting(["goals", 0, "lifecycleStatus"], .string("done"))
            .setting(["person", "nhsNumber"], .string("999 123 456"))
            .setting(["notes", 0, "id"], .string("Q1"))
            .setting(["review", "intervalWeeks"], .string("four"))
        let direct = Self.read(tree, throughCodable: false)
        // Three recorded, then the error thrown at the review ends the reading before the notes.
        #expect(direct.recorded.count == 3, "\(direct)")
        #expect(direct.error?.contains("review.intervalWeeks") == true, "\(direct)")
        #expect(direct == Self.read(tree, throughCodable: true))
    }
}
