import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

/// What a strict receiver needs of careplan's FHIR: numbers as numbers, and relationships in
/// the codes UK Core binds.
@Suite("FHIR values and codes")
struct FHIRCodingTests {
    @Test(
        "a score is valueInteger when whole, valueQuantity when decimal, and as-text with the words otherwise",
        arguments: [
            ("21", #"{"valueInteger":21}"#), (" 7 ", #"{"valueInteger":7}"#), ("-3", #"{"valueInteger":-3}"#),
            ("62.4", #"{"valueQuantity":{"value":62.4}}"#), ("99999999999", #"{"valueQuantity":{"value":99999999999.0}}"#),
        ])
    func numbers(recorded: String, expected: String) throws {
        #expect(Self.json(.object(FHIR.scoreValue(recorded))) == expected)
    }

    @Test("a score that is not a number is never sent as one", arguments: ["about 20", "", "1e5", "12.", ".5", "--1", "٣", "NaN", "inf"])
    func words(recorded: String) throws {
        let value = FHIR.scoreValue(recorded)
        #expect(Array(value.keys) == ["dataAbsentReason"])
        #expect(value["dataAbsentReason"]?["coding"]?.arrayValue.first?["code"]?.stringValue == "as-text")
        #expect(value["dataAbsentReason"]?["text"]?.stringValue == recorded)
    }

    /// The relationships of the Patient's only contact in the bundle for `contact`.
    func relationships(_ contact: PersonalContact) throws -> [JSONValue] {
        var plan = Plan(id: "CP-F1", person: Person(name: "Ada Test"))
        plan.personalContacts = [contact]
        let bundle = FHIRExporter().bundle(for: plan)
        let patient = try #require(bundle["entry"]?.arrayValue.first { $0["resource"]?["resourceType"]?.stringValue == "Patient" })
        let back = try FHIRImporter().plan(fromBundle: bundle)
        #expect(back.personalContacts == [contact], "read back as it was")
        return patient["resource"]?["contact"]?.arrayValue.first?["relationship"]?.arrayValue ?? []
    }

    @Test("relationship words UK Core has a code for are coded, the words kept; the carer role is UK Core's Carer")
    func relationshipsAreCoded() throws {
        let contact = PersonalContact(
            id: EntryID(.contact, 1), name: "Grace Test", relationship: "Daughter-in-law", roles: [.carer, .nextOfKin])
        let concepts = try relationships(contact)
        let codings = concepts.map {
            ($0["coding"]?.arrayValue.first?["system"]?.stringValue ?? "", $0["coding"]?.arrayValue.first?["code"]?.stringValue ?? "")
        }
        #expect(codings.map(\.1) == ["Carer", "N", "DAUINLAW"])
        #expect(
            codings.map(\.0) == [
                "https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole", "http://terminology.hl7.org/CodeSystem/v2-0131",
                "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
            ])
        #expect(concepts.last?["text"]?.stringValue == "Daughter-in-law")
    }

    @Test("words with no code, and the word carer, stay text alone and read back as typed")
    func uncodedWords() throws {
        for words in ["Lodger \"Bob\" -- #2", "carer", "Neighbour's son"] {
            let concepts = try relationships(PersonalContact(id: EntryID(.contact, 1), name: "Sam Test", relationship: words))
            #expect(concepts.count == 1 && concepts[0]["coding"] == nil && concepts[0]["text"]?.stringValue == words, "\(words)")
        }
    }

    @Test("a bundle from careplan 0.1, with its own carer code, is still read as the carer role")
    func legacyCarerCode() throws {
        var plan = Plan(id: "CP-F1", person: Person(name: "Ada Test"))
        plan.personalContacts = [PersonalContact(id: EntryID(.contact, 1), name: "Grace Test", roles: [.carer])]
        let old = Self.json(FHIRExporter().bundle(for: plan)).replacingOccurrences(
            of: #""code":"Carer""#, with: #""code":"carer""#
        ).replacingOccurrences(
            of: "https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole",
            with: FHIR.careplanBase + "/CodeSystem/personal-contact-role")
        #expect(old.contains("personal-contact-role"))
        #expect(try FHIRImporter().plan(from: Data(old.utf8)).personalContacts.first?.roles == [.carer])
    }

    @Test("authors and performers who are professional contacts reference their Practitioner; others are named; the plan reads back the same")
    func practitionerReferences() throws {
        var plan = Plan(id: "CP-F1", person: Person(name: "Ada Test"))
        plan.recordedBy = "Priya  Shah"
        plan.professionalContacts = [
            ProfessionalContact(id: EntryID(.contact, 1), name: "Priya Shah", role: "Care Coordinator"),
            ProfessionalContact(id: EntryID(.contact, 2), name: "Sam Osei", role: "SPLW"),
            ProfessionalContact(id: EntryID(.contact, 3), name: "Sam Osei", role: "Volunteer"),
        ]
        plan.actions = [Action(id: EntryID(.action, 1), description: "Ring the council", assignee: Assignee(name: "priya shah"))]
        plan.notes = [
            Note(id: EntryID(.note, 1), writtenOn: Fixtures.today, author: "Priya Shah", text: "Rang"),
            Note(id: EntryID(.note, 2), writtenOn: Fixtures.today, author: "Sam Osei", text: "Two of them: no guess"),
        ]
        let bundle = FHIRExporter().bundle(for: plan)
        let entries = bundle["entry"]?.arrayValue ?? []
        let priya = try #require(entries.first { $0["resource"]?["resourceType"]?.stringValue == "Practitioner" }?["fullUrl"]?.stringValue)
        let carePlan = try #require(entries.first { $0["resource"]?["resourceType"]?.stringValue == "CarePlan" }?["resource"])
        #expect(carePlan["author"]?["reference"]?.stringValue == priya)
        #expect(carePlan["activity"]?.arrayValue.first?["detail"]?["performer"]?.arrayValue.first?["reference"]?.stringValue == priya)
        let notes = carePlan["note"]?.arrayValue ?? []
        #expect(notes.first?["authorReference"]?["reference"]?.stringValue == priya && notes.first?["authorString"] == nil)
        #expect(notes.last?["authorString"]?.stringValue == "Sam Osei" && notes.last?["authorReference"] == nil)
        #expect(try FHIRImporter().plan(fromBundle: bundle) == plan)
    }

    static func json(_ value: JSONValue) -> String { String(decoding: PlanJSON.encodeLine(value), as: UTF8.self) }
}
