package import Foundation
package import CarePlanCore

/// Paths and sample data shared by the test targets.
package enum Fixtures {
    /// The package root, found from this file's location.
    package static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The sample plan files in plans/, sorted by name.
    package static var samplePlanFiles: [URL] {
        let folder = packageRoot.appendingPathComponent("plans")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The bad plan files in Tests/Fixtures/bad-plans, with the message each must produce.
    package static var badPlans: [(file: URL, expected: String)] {
        let folder = packageRoot.appendingPathComponent("Tests/Fixtures/bad-plans")
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
            case .object(let expected)? = try? PlanJSON.parse(data)
        else { return [] }
        return expected.keys.sorted().compactMap { name in
            guard case .string(let message)? = expected[name] else { return nil }
            return (folder.appendingPathComponent(name), message)
        }
    }

    /// A sample plan decoded, by file name without extension.
    package static func samplePlan(_ name: String) throws -> Plan {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("plans/\(name).json"))
        return try PlanJSON.decode(data).plan
    }

    /// A fixed "today" for tests: 2026-11-21.
    package static let today = CalendarDate(year: 2026, month: 11, day: 21)!

    /// 10:00 UTC on `day` (YYYY-MM-DD), for tests whose story runs later than `now`.
    package static func instant(_ day: String) -> Date {
        let date = CalendarDate(day) ?? today
        return now.addingTimeInterval(Double(date.dayNumber - today.dayNumber) * 86_400)
    }

    /// A fixed instant for tests: 2026-11-21T10:00:00Z.
    /// The canonical FHIR base of the tests' fictional deployment (Northam PCN), which the
    /// definitions shipped in docs/fhir/definitions are written for.
    package static let fhirBaseURL = "https://fhir.northam-pcn.nhs.uk/careplan"
    package static let fhirBase: FHIRBase = {
        guard let base = try? FHIRBase(fhirBaseURL) else { preconditionFailure("\(fhirBaseURL) is a valid base") }
        return base
    }()

    package static let now = Date(timeIntervalSince1970: 1_795_255_200)
}
