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

    /// Every path to a value in `tree` outside `extensions`, with list positions, each kind of
    /// field (positions ignored) once.
    static func paths(in tree: JSONValue) -> [[any Sendable]] {
        var seen: Set<String> = []
        var found: [[any Sendable]] = []
        func walk(_ value: JSONValue, _ path: [any Sendable], _ kind: String) {
            if !path.isEmpty, seen.insert(kind).inserted { found.append(path) }
            switch value {
            case .object(let members):
                for (key, member) in members.sorted(by: { $0.key < $1.key }) where !(path.isEmpty && key == "extensions") {
                    walk(member, path + [key], kind + "." + key)
                }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, path + [index], kind + "[]") }
            default:
                break
            }
        }
        walk(tree, [], "")
        return found
    }

    static let breakages: [(name: String, value: JSONValue?)] = [
        ("removed", nil), ("null", .null), ("a whole number", .integer(7)), ("a fraction", .number(1.5)),
        ("odd text", .string("Z9?")), ("true", .bool(true)), ("an empty list", .array([])), ("an empty object", .object([:])),
        ("a list of odd text", .array([.string("Z9?")])), ("an object with an unknown field", .object(["zz": .string("x")])),
        ("an object keyed by a number", .object(["7": .integer(1)])),
    ]

    @Test("read the same as Codable at every field broken every way", arguments: Fixtures.samplePlanFiles.map(\.lastPathComponent))
    func sameAsCodable(file: String) throws {
        let tree = try PlanJSON.parse(Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("plans/\(file)")))
        let intact = Self.read(tree, throughCodable: false)
        #expect(intact.plan != nil && intact.error == nil, "\(intact)")
        #expect(intact == Self.read(tree, throughCodable: true))

        var compared = 0
        for path in Self.paths(in: tree) {
            for (name, value) in Self.breakages {
                let broken = value.map { tree.setting(path, $0) } ?? tree.removing(path)
                let direct = Self.read(broken, throughCodable: false), codable = Self.read(broken, throughCodable: true)
                #expect(direct == codable, "\(path.map { "\($0)" }.joined(separator: ".")) \(name): readers \(direct) / Codable \(codable)")
                compared += 1
            }
            // Every text field of the object holding this one broken at once: the dates, ids and
            // vocabularies among them record their problems in the order the fields are read.
            if case .object(let members)? = tree.member(at: Array(path.dropLast())) {
                let texts = members.mapValues { member -> JSONValue in if case .string = member { .string("Z9?") } else { member } }
                let allBroken = tree.setting(Array(path.dropLast()), .object(texts))
                #expect(Self.read(allBroken, throughCodable: false) == Self.read(allBroken, throughCodable: true), "all broken beside \(path)")
            }
            // A field the model does not hold, beside this one.
            let sibling = Array(path.dropLast()) + ["zzUnknown"]
            let extra = tree.setting(sibling, .string("x"))
            #expect(Self.read(extra, throughCodable: false) == Self.read(extra, throughCodable: true), "unknown beside \(path)")
        }
        // The breakages reached every kind of field the plan has.
        #expect(compared >= 30 * Self.breakages.count)
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

extension JSONValue {
    /// The value at `path` (keys as String, positions as Int), if there is one.
    func member(at path: [any Sendable]) -> JSONValue? {
        guard let first = path.first else { return self }
        switch (self, first) {
        case (.object(let members), let key as String): return members[key]?.member(at: Array(path.dropFirst()))
        case (.array(let items), let index as Int) where items.indices.contains(index): return items[index].member(at: Array(path.dropFirst()))
        default: return nil
        }
    }

    /// A copy without the value at `path` (keys as String, positions as Int).
    func removing(_ path: [any Sendable]) -> JSONValue {
        guard let first = path.first else { return self }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(var members), let key as String):
            if rest.isEmpty { members[key] = nil } else if let member = members[key] { members[key] = member.removing(rest) }
            return .object(members)
        case (.array(var items), let index as Int) where items.indices.contains(index):
            if rest.isEmpty { items.remove(at: index) } else { items[index] = items[index].removing(rest) }
            return .array(items)
        default:
            return self
        }
    }
}
