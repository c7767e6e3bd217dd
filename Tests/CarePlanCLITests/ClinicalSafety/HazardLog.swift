import Foundation

/// The risk matrix of docs/clinical-safety/risk-management-plan.md: the risk (1 to 5) of each
/// severity and likelihood, read from the plan's own table so the check and the plan agree.
struct RiskMatrix: Equatable {
    /// Severity names, least severe first.
    var severities: [String]
    /// Risk by likelihood name, then by severity name.
    var risks: [String: [String: Int]]

    /// The matrix in the table headed `| Likelihood \ Severity | ...`.
    init(markdown: String) throws {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| Likelihood \\ Severity |") }) else {
            throw HazardLogError("risk-management-plan.md: no table headed | Likelihood \\ Severity |")
        }
        severities = Array(Self.cells(lines[header]).dropFirst())
        risks = [:]
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = Self.cells(line)
            guard cells.count == severities.count + 1 else { throw HazardLogError("risk matrix row \(line): wrong number of cells") }
            var row: [String: Int] = [:]
            for (severity, cell) in zip(severities, cells.dropFirst()) {
                guard let risk = Int(cell), (1...5).contains(risk) else { throw HazardLogError("risk matrix: \(cell) is not a risk from 1 to 5") }
                row[severity] = risk
            }
            risks[cells[0]] = row
        }
    }

    /// The risk of `severity` at `likelihood`, or nil for names the matrix does not have.
    func risk(severity: String, likelihood: String) -> Int? { risks[likelihood]?[severity] }

    static func cells(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// A problem in the hazard log's files themselves (a missing table), as opposed to a finding.
struct HazardLogError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// docs/clinical-safety/hazard-log.md, read as the check needs it.
struct HazardLog {
    /// One hazard: its heading, its fields in the order written, and the tests it names.
    struct Hazard {
        var id: String
        var title: String
        var line: Int
        var fields: [(name: String, text: String)] = []
        var tests: [String] = []

        func field(_ name: String) -> String? { fields.first { $0.name == name }?.text }
    }

    /// One row of the summary table.
    struct SummaryRow: Equatable {
        var id, title, initial, residual, status: String
    }

    /// The fields every hazard has, in this order; Tests may be left out only by an accepted
    /// hazard.
    static let fieldNames = [
        "Cause", "Effect on the person", "Existing controls", "Initial risk", "Mitigations", "Residual risk", "Status", "Tests",
    ]

    var hazards: [Hazard] = []
    var summary: [SummaryRow] = []
    /// Lines that break the format, found while reading.
    var formatProblems: [String] = []

    /// Reads the log's Markdown.
    init(markdown: String) {
        var current: Hazard?
        var inSummary = false
        for (offset, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            let number = offset + 1
            if line.hasPrefix("## ") { inSummary = line == "## Summary" }
            if inSummary, line.hasPrefix("| H-") {
                let cells = RiskMatrix.cells(line)
                if cells.count == 5 {
                    summary.append(SummaryRow(id: cells[0], title: cells[1], initial: cells[2], residual: cells[3], status: cells[4]))
                } else {
                    formatProblems.append("line \(number): a summary row has five cells")
                }
            }
            if line.hasPrefix("### ") {
                if let current { hazards.append(current) }
                current = nil
                let heading = line.dropFirst(4)
                let parts = heading.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, Self.isHazardID(parts[0]) else {
                    formatProblems.append("line \(number): a hazard heading is \"### H-NN Title\", not \"\(line)\"")
                    continue
                }
                current = Hazard(id: parts[0], title: parts[1], line: number)
                continue
            }
            guard var hazard = current else { continue }
            if line.hasPrefix("- **"), let end = line.range(of: ":**") {
                let name = String(line[line.index(line.startIndex, offsetBy: 4)..<end.lowerBound])
                let text = line[end.upperBound...].trimmingCharacters(in: .whitespaces)
                hazard.fields.append((name, text))
            } else if line.hasPrefix("  - `") {
                let rest = line.dropFirst(5)
                if let close = rest.firstIndex(of: "`") {
                    hazard.tests.append(String(rest[..<close]))
                } else {
                    formatProblems.append("\(hazard.id), line \(number): a test is named as `Target.Type/function`")
                }
            } else if line.hasPrefix("  "), !hazard.fields.isEmpty {
                hazard.fields[hazard.fields.count - 1].text += " " + line.trimmingCharacters(in: .whitespaces)
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                formatProblems.append("\(hazard.id), line \(number): not a field, a continuation or a test: \"\(line)\"")
            }
            current = hazard
        }
        if let current { hazards.append(current) }
    }

    static func isHazardID(_ text: String) -> Bool {
        text.count == 4 && text.hasPrefix("H-") && text.dropFirst(2).allSatisfy(\.isNumber)
    }

    /// A risk line `Severity x Likelihood = N`, or nil.
    static func riskParts(_ text: String) -> (severity: String, likelihood: String, risk: Int)? {
        let sides = text.components(separatedBy: " = ")
        guard sides.count == 2, let risk = Int(sides[1]) else { return nil }
        let factors = sides[0].components(separatedBy: " x ")
        guard factors.count == 2 else { return nil }
        return (factors[0], factors[1], risk)
    }

    /// Everything wrong with the log, judged by `matrix` and with `tests` as the suite: one line
    /// each, naming the hazard. Empty when the log holds.
    func problems(matrix: RiskMatrix, tests: SwiftTestIndex) -> [String] {
        var problems = formatProblems
        if hazards.isEmpty { problems.append("the log has no hazards") }
        var seen: Set<String> = []
        for hazard in hazards {
            if !seen.insert(hazard.id).inserted { problems.append("\(hazard.id): the id is used twice") }
            problems += check(hazard, matrix: matrix, tests: tests)
        }
        problems += checkSummary()
        return problems
    }

    private func check(_ hazard: Hazard, matrix: RiskMatrix, tests: SwiftTestIndex) -> [String] {
        let id = hazard.id
        var problems: [String] = []
        let names = hazard.fields.map(\.name)
        let status = hazard.field("Status") ?? ""
        let accepted = status.hasPrefix("Accepted")
        // Tests may be left out only by an accepted hazard.
        let expected = Self.fieldNames.filter { $0 != "Tests" || names.contains("Tests") || !accepted }
        if names != expected {
            problems.append("\(id): the fields are \(names.joined(separator: ", ")); expected \(expected.joined(separator: ", "))")
        }
        for (name, text) in hazard.fields where name != "Tests" && text.isEmpty {
            problems.append("\(id): \(name) is empty")
        }
        var risks: [String: Int] = [:]
        for name in ["Initial risk", "Residual risk"] {
            guard let text = hazard.field(name) else { continue }
            guard let parts = Self.riskParts(text) else {
                problems.append("\(id): \(name) \"\(text)\" is not \"Severity x Likelihood = N\"")
                continue
            }
            guard let risk = matrix.risk(severity: parts.severity, likelihood: parts.likelihood) else {
                problems.append("\(id): \(name): \(parts.severity) x \(parts.likelihood) is not in the risk matrix")
                continue
            }
            if risk != parts.risk { problems.append("\(id): \(name): the matrix gives \(parts.severity) x \(parts.likelihood) = \(risk), not \(parts.risk)") }
            risks[name] = risk
        }
        if let initial = risks["Initial risk"], let residual = risks["Residual risk"], residual > initial {
            problems.append("\(id): the residual risk \(residual) is above the initial risk \(initial)")
        }
        let residual = risks["Residual risk"] ?? 5
        let reason = status.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
        if status == "Mitigated" {
            if residual > 2 { problems.append("\(id): Mitigated needs a residual risk of 1 or 2, not \(residual)") }
        } else if status.hasPrefix("Open:") {
            if reason.isEmpty { problems.append("\(id): Open needs what remains to be done") }
        } else if accepted {
            if !status.hasPrefix("Accepted:") || reason.isEmpty { problems.append("\(id): Accepted needs a reason (\"Accepted: why\")") }
            if residual > 3 { problems.append("\(id): a residual risk of \(residual) cannot be accepted") }
        } else {
            problems.append("\(id): Status is Mitigated, \"Open: what remains\" or \"Accepted: why\", not \"\(status)\"")
        }
        if hazard.tests.isEmpty, !accepted {
            problems.append("\(id): no test proves its mitigation, and it is not accepted with a reason")
        }
        for test in hazard.tests where !tests.ids.contains(test) {
            problems.append("\(id): names the test \(test), which is not in the suite (renamed or removed?)")
        }
        return problems
    }

    private func checkSummary() -> [String] {
        var problems: [String] = []
        let rows = Dictionary(summary.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for hazard in hazards {
            guard let row = rows[hazard.id] else {
                problems.append("\(hazard.id): missing from the summary table")
                continue
            }
            let expected = SummaryRow(
                id: hazard.id, title: hazard.title,
                initial: hazard.field("Initial risk").flatMap(Self.riskParts).map { String($0.risk) } ?? "?",
                residual: hazard.field("Residual risk").flatMap(Self.riskParts).map { String($0.risk) } ?? "?",
                status: String((hazard.field("Status") ?? "").prefix { $0 != ":" }))
            if row != expected {
                problems.append(
                    "\(hazard.id): the summary row says \(row.title) | \(row.initial) | \(row.residual) | \(row.status); "
                        + "the hazard says \(expected.title) | \(expected.initial) | \(expected.residual) | \(expected.status)")
            }
        }
        for row in summary where !hazards.contains(where: { $0.id == row.id }) {
            problems.append("\(row.id): in the summary table but not in the log")
        }
        return problems
    }
}
