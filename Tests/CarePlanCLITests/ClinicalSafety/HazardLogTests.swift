import CarePlanTestSupport
import Foundation
import Testing

/// The check that keeps docs/clinical-safety/hazard-log.md true (issue 15).
@Suite("The hazard log")
struct HazardLogTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("docs/clinical-safety")

    static func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func matrix() throws -> RiskMatrix { try RiskMatrix(markdown: read("risk-management-plan.md")) }

    @Test("every hazard has its fields, follows the risk matrix, and names only tests that exist in the suite")
    func logHolds() throws {
        let log = HazardLog(markdown: try Self.read("hazard-log.md"))
        let index = try SwiftTestIndex(packageRoot: Fixtures.packageRoot)
        #expect(index.ids.count > 150)
        #expect(log.problems(matrix: try Self.matrix(), tests: index) == [])
        // Every hazard that is not accepted names tests; the log as a whole names many.
        #expect(log.hazards.filter { !$0.tests.isEmpty }.count >= 15)
    }

    @Test("the log covers every hazard issue 15 names")
    func coversRequiredHazards() throws {
        let log = HazardLog(markdown: try Self.read("hazard-log.md"))
        let required: [(hazard: String, words: String)] = [
            ("H-01", "wrong person"), ("H-02", "two plans"), ("H-03", "lost, truncated"), ("H-04", "stale plan overwrites"),
            ("H-05", "referral is never answered"), ("H-06", "missed appointment is hidden"), ("H-07", "cancer pathway breach"),
            ("H-08", "date is read wrongly"), ("H-09", "shared beyond"), ("H-10", "staff-only content"),
            ("H-11", "lost on import"), ("H-12", "crash"), ("H-13", "logs"), ("H-14", "escape sequences"),
            ("H-15", "readable by other users"),
        ]
        for (id, words) in required {
            let hazard = log.hazards.first { $0.id == id }
            #expect(hazard?.title.lowercased().contains(words) == true, "\(id) should be the hazard of \(words)")
        }
        // H-02 covers duplicate NHS numbers; H-01 look-up ambiguity and similar names.
        #expect(log.hazards.first { $0.id == "H-02" }?.field("Mitigations")?.contains("NHS number another plan holds") == true)
        #expect(log.hazards.first { $0.id == "H-01" }?.field("Cause")?.contains("similar names") == true)
    }

    @Test("renaming a test that a mitigation names makes the check fail, naming the hazard and the test")
    func renamedTestFails() throws {
        let log = HazardLog(markdown: try Self.read("hazard-log.md"))
        let root = Fixtures.packageRoot.appendingPathComponent("Tests")
        var sources: [(target: String, source: String)] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let target = String(file.path.dropFirst(root.path.count + 1).split(separator: "/")[0])
            var source = try String(contentsOf: file, encoding: .utf8)
            if file.lastPathComponent == "EverydayTrustTests.swift" {
                #expect(source.contains("func setNHSDuplicate()"))
                source = source.replacingOccurrences(of: "func setNHSDuplicate()", with: "func setNHSDuplicateRenamed()")
            }
            sources.append((target, source))
        }
        let renamed = SwiftTestIndex(sources: sources)
        #expect(renamed.ids.contains("CarePlanCLITests.EverydayTrustTests/setNHSDuplicateRenamed"))
        let problems = log.problems(matrix: try Self.matrix(), tests: renamed)
        let naming = log.hazards.filter { $0.tests.contains("CarePlanCLITests.EverydayTrustTests/setNHSDuplicate") }.map(\.id)
        #expect(naming.count >= 2)
        #expect(
            problems
                == naming.map {
                    "\($0): names the test CarePlanCLITests.EverydayTrustTests/setNHSDuplicate, which is not in the suite (renamed or removed?)"
                })
    }

    /// A one-hazard log with the given status, tests and risks, in the log's format.
    static func log(
        status: String, tests: [String] = ["Demo.DemoTests/real"], initial: String = "Major x Medium = 3",
        residual: String = "Major x Very low = 2", summaryStatus: String? = nil, dropping field: String? = nil
    ) -> String {
        var lines = [
            "## Summary", "",
            "| Id | Hazard | Initial | Residual | Status |", "| --- | --- | --- | --- | --- |",
            "| H-01 | A demo hazard | \(initial.split(separator: " ").last ?? "") | \(residual.split(separator: " ").last ?? "") | \(summaryStatus ?? String(status.prefix { $0 != ":" })) |",
            "", "## Hazards", "", "### H-01 A demo hazard", "",
        ]
        let fields = [
            ("Cause", "something"), ("Effect on the person", "harm"), ("Existing controls", "none"), ("Initial risk", initial),
            ("Mitigations", "some"), ("Residual risk", residual), ("Status", status),
        ]
        for (name, text) in fields where name != field { lines.append("- **\(name):** \(text)") }
        if !tests.isEmpty {
            lines.append("- **Tests:**")
            lines += tests.map { "  - `\($0)`" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let demoSuite = SwiftTestIndex(sources: [
        ("Demo", "@Suite struct DemoTests {\n    @Test(\"a real test\") func real() {}\n}\n")
    ])

    static func problems(_ markdown: String) throws -> [String] {
        HazardLog(markdown: markdown).problems(matrix: try matrix(), tests: demoSuite)
    }

    @Test("a hazard with no test passes only when it is accepted with a reason")
    func untestedHazards() throws {
        #expect(try Self.problems(Self.log(status: "Mitigated")) == [])
        #expect(
            try Self.problems(Self.log(status: "Mitigated", tests: [])) == [
                "H-01: the fields are Cause, Effect on the person, Existing controls, Initial risk, Mitigations, Residual risk, Status; expected Cause, Effect on the person, Existing controls, Initial risk, Mitigations, Residual risk, Status, Tests",
                "H-01: no test proves its mitigation, and it is not accepted with a reason",
            ])
        #expect(
            try Self.problems(Self.log(status: "Open: the inbox", tests: [])).contains(
                "H-01: no test proves its mitigation, and it is not accepted with a reason"))
        #expect(try Self.problems(Self.log(status: "Accepted:", tests: [])) == ["H-01: Accepted needs a reason (\"Accepted: why\")"])
        #expect(try Self.problems(Self.log(status: "Accepted: the host keeps the clock", tests: [])) == [])
        #expect(try Self.problems(Self.log(status: "Open:")) == ["H-01: Open needs what remains to be done"])
        #expect(
            try Self.problems(Self.log(status: "Fine")) == [
                "H-01: Status is Mitigated, \"Open: what remains\" or \"Accepted: why\", not \"Fine\""
            ])
    }

    @Test("risks must follow the matrix, fall or stay after mitigation, and fit the status; fields and the summary must be complete")
    func risksAndFields() throws {
        #expect(
            try Self.problems(Self.log(status: "Mitigated", initial: "Major x Medium = 2"))
                == ["H-01: Initial risk: the matrix gives Major x Medium = 3, not 2"])
        #expect(
            try Self.problems(Self.log(status: "Mitigated", initial: "Minor x Low = 1", residual: "Major x Very low = 2")) == [
                "H-01: the residual risk 2 is above the initial risk 1"
            ])
        #expect(
            try Self.problems(Self.log(status: "Mitigated", residual: "Major x Medium = 3")) == [
                "H-01: Mitigated needs a residual risk of 1 or 2, not 3"
            ])
        #expect(
            try Self.problems(Self.log(status: "Accepted: too costly", initial: "Catastrophic x High = 5", residual: "Catastrophic x Medium = 4"))
                == ["H-01: a residual risk of 4 cannot be accepted"])
        #expect(
            try Self.problems(Self.log(status: "Mitigated", initial: "Awful x Medium = 3")) == ["H-01: Initial risk: Awful x Medium is not in the risk matrix"])
        #expect(
            try Self.problems(Self.log(status: "Mitigated", tests: ["Demo.DemoTests/imagined"])) == [
                "H-01: names the test Demo.DemoTests/imagined, which is not in the suite (renamed or removed?)"
            ])
        #expect(try Self.problems(Self.log(status: "Mitigated", dropping: "Cause")).first?.hasPrefix("H-01: the fields are Effect on the person") == true)
        #expect(
            try Self.problems(Self.log(status: "Mitigated", summaryStatus: "Open")) == [
                "H-01: the summary row says A demo hazard | 3 | 2 | Open; the hazard says A demo hazard | 3 | 2 | Mitigated"
            ])
    }

    @Test("the index reads tests past strings, raw strings, interpolations and comments that hold braces and @Test")
    func indexReadsTrickySources() {
        let source = #"""
            import Testing
            // @Test func commentedOut() {}
            /* a { block /* nested } */ comment } @Test func alsoCommentedOut() */
            @Suite struct Outer {
                let text = "}} @Test func inAString() {"
                let raw = #"a "quoted" } \(notInterpolated) @Test"#
                let multi = """
                    } @Test func inAMultiLineString() {
                    \("inner } string".count) {
                    """
                @Test("a name with } and { in it", arguments: [1, 2].map { $0 })
                func first(_ value: Int) {}
                struct Inner {
                    @Test func second() { let _ = "\("nested \("deeper }")")" }
                }
                class func notAType() {}
            }
            extension Outer.Inner {
                @Test
                func third() {}
            }
            @Test func free() {}
            """#
        let index = SwiftTestIndex(sources: [("Demo", source)])
        #expect(index.ids == ["Demo.Outer/first", "Demo.Outer.Inner/second", "Demo.Outer.Inner/third", "Demo/free"])
    }
}
