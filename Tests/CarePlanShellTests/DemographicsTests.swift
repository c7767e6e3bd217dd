import CarePlanCore
import CarePlanShell
import CarePlanTestSupport
import Foundation
import Testing

/// Sex, gender and ethnic category as the PRSB standard records them (issue 10, item 1).
@Suite("Demographics")
struct DemographicsTests {
    @Test(
        "an ethnic category is typed as its code in either case or as its words",
        arguments: [
            ("H", EthnicCategory.indian), ("h", .indian), ("z", .notStated), ("99", .notKnown), ("not stated", .notStated),
            ("Mixed - White and Asian", .whiteAndAsian),
        ])
    func ethnicity(typed: String, expected: EthnicCategory) throws {
        let shell = try ShellHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "set ethnicity \(typed)"]), "\(shell.output.errors)")
        #expect(try shell.session.openPlan().plan.person.ethnicCategory == expected)
    }

    @Test("sex at birth and gender identity are set and cleared, each on its own")
    func sexAndGender() throws {
        let shell = try ShellHarness()
        #expect(
            shell.run(bail: true, ["new Ada Test", "set sex female", "set gender-identity non-binary", "set gender other"]),
            "\(shell.output.errors)")
        var person = try shell.session.openPlan().plan.person
        #expect(person.sexAtBirth == .female && person.genderIdentity == .nonBinary && person.gender == .other)
        #expect(shell.run(bail: true, ["set gender-identity \"\""]))
        person = try shell.session.openPlan().plan.person
        #expect(person.sexAtBirth == .female && person.genderIdentity == nil)
    }

    @Test("a value outside the Data Dictionary's is refused in one line naming the field and the choices; nothing changes")
    func refused() throws {
        let shell = try ShellHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "set ethnicity A"]))
        let revision = try shell.session.openPlan().revision
        for (line, field) in [
            ("set ethnicity Q", "set ethnicity"), ("set ethnicity 9", "set ethnicity"), ("set sex unknown", "set sex"),
            ("set gender-identity trans", "set gender-identity"),
        ] {
            let before = shell.output.errors.count
            #expect(!shell.session.execute(line))
            let error = shell.output.errors.dropFirst(before).joined(separator: "\n")
            #expect(error.hasPrefix(field + ": expected") && error.split(separator: "\n").count == 1, "\(error)")
        }
        #expect(try shell.session.openPlan().revision == revision)
        #expect(try shell.session.openPlan().plan.person.ethnicCategory == .whiteBritish)
    }

    @Test("FHIR carries the ethnic category in UK Core's extension with England's codes, and reads all three back")
    func fhir() throws {
        var person = Person(name: "Ada Test")
        person.ethnicCategory = .african
        person.sexAtBirth = .female
        person.genderIdentity = .notStated
        let plan = Plan(id: "CP-D1", person: person)
        let bundle = FHIRExporter().bundle(for: plan)
        let patient = try #require(bundle["entry"]?.arrayValue.first { $0["resource"]?["resourceType"]?.stringValue == "Patient" }?["resource"])
        let ethnicity = try #require(patient["extension"]?.arrayValue.first { $0["url"]?.stringValue == FHIR.ethnicCategoryExtension })
        let coding = ethnicity["valueCodeableConcept"]?["coding"]?.arrayValue.first
        #expect(coding?["system"]?.stringValue == "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland")
        #expect(coding?["code"]?.stringValue == "N" && coding?["display"]?.stringValue == "Black or Black British - African")
        #expect(try FHIRImporter().plan(fromBundle: bundle).person == person)
    }
}
