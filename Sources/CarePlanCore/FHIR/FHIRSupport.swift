import Foundation

/// Small builders and constants for the FHIR R4 JSON careplan writes and reads.
public enum FHIR {
    /// NHS number identifier system.
    public static let nhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number"
    /// ODS organisation code identifier system.
    public static let odsSystem = "https://fhir.nhs.uk/Id/ods-organization-code"
    /// UK Core's extension for the NHS ethnic category.
    public static let ethnicCategoryExtension = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory"
    /// The NHS Data Dictionary ethnic categories of England, as UK Core names the code system.
    public static let ethnicCategorySystem = "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland"
    /// SNOMED CT.
    public static let snomed = "http://snomed.info/sct"
    /// careplan's own identifier and extension namespace (for data FHIR has no element for).
    public static let careplanBase = "https://careplan.example/fhir"
    /// The system of careplan plan and entry ids.
    public static let planIDSystem = careplanBase + "/Id/plan"
    /// The system of careplan entry ids within a plan.
    public static let entryIDSystem = careplanBase + "/Id/entry"

    /// A UK Core profile URL.
    public static func ukCore(_ name: String) -> String {
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-\(name)"
    }

    /// A careplan extension URL.
    public static func extensionURL(_ name: String) -> String {
        careplanBase + "/StructureDefinition/" + name
    }

    /// `{ "url": ..., "valueString": ... }`.
    static func extensionString(_ name: String, _ value: String?) -> JSONValue? {
        value.map { .object(["url": .string(extensionURL(name)), "valueString": .string($0)]) }
    }

    /// `{ "url": ..., "valueInteger": ... }`.
    static func extensionInteger(_ name: String, _ value: Int?) -> JSONValue? {
        value.map { .object(["url": .string(extensionURL(name)), "valueInteger": .integer(Int64($0))]) }
    }

    /// `{ "url": ..., "valueDate": ... }`.
    static func extensionDate(_ name: String, _ value: CalendarDate?) -> JSONValue? {
        value.map { .object(["url": .string(extensionURL(name)), "valueDate": .string($0.description)]) }
    }

    /// `{ "url": ..., "valueBoolean": ... }`.
    static func extensionBool(_ name: String, _ value: Bool) -> JSONValue {
        .object(["url": .string(extensionURL(name)), "valueBoolean": .bool(value)])
    }

    /// `{ "url": ..., "extension": [...] }`: a complex extension. Its parts are named by bare
    /// urls ("text"), as FHIR names the slices of a complex extension; only the extension
    /// itself has an absolute URL.
    static func extensionComplex(_ name: String, _ parts: [JSONValue?]) -> JSONValue {
        .object(["url": .string(extensionURL(name)), "extension": .array(parts.compactMap { $0.map(relative) })])
    }

    /// A part of a complex extension with its url made bare.
    private static func relative(_ part: JSONValue) -> JSONValue {
        guard case .object(var members) = part, case .string(let url)? = members["url"], url.hasPrefix(extensionURL("")) else { return part }
        members["url"] = .string(String(url.dropFirst(extensionURL("").count)))
        return .object(members)
    }

    /// A score as FHIR's value[x]: `valueInteger` for a whole number, `valueQuantity` for a
    /// decimal ("62.4"). A score recorded as words a receiving system cannot count is sent as
    /// `dataAbsentReason` "as-text" with the words as a note, never as a string value.
    public static func scoreValue(_ recorded: String) -> [String: JSONValue] {
        let text = recorded.trimmingCharacters(in: .whitespaces)
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let isNumber =
            !digits.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if isNumber, parts.count == 1, let whole = Int32(text) {
            return ["valueInteger": .integer(Int64(whole))]
        }
        if isNumber, let value = Double(text), value.isFinite {
            return ["valueQuantity": .object(["value": .number(value)])]
        }
        return [
            "dataAbsentReason": .object([
                "coding": .array([
                    .object([
                        "system": .string("http://terminology.hl7.org/CodeSystem/data-absent-reason"), "code": .string("as-text"),
                        "display": .string("As Text"),
                    ])
                ]),
                "text": .string(recorded),
            ])
        ]
    }

    /// `{ "text": ... }`.
    static func concept(text: String) -> JSONValue {
        .object(["text": .string(text)])
    }

    /// A CodeableConcept with one coding.
    static func concept(system: String, code: String, display: String) -> JSONValue {
        .object([
            "coding": .array([.object(["system": .string(system), "code": .string(code), "display": .string(display)])]),
            "text": .string(display),
        ])
    }

    /// `{ "reference": "urn:uuid:..." }`.
    static func reference(_ fullURL: String) -> JSONValue {
        .object(["reference": .string(fullURL)])
    }

    /// An identifier holding a careplan entry id.
    static func entryIdentifier(_ id: String) -> JSONValue {
        .array([.object(["system": .string(entryIDSystem), "value": .string(id)])])
    }

    /// Drops nil members, so resources carry only what is known.
    static func object(_ members: [String: JSONValue?]) -> JSONValue {
        .object(members.compactMapValues { $0 })
    }

    /// A list, or nil when empty (FHIR forbids empty arrays).
    static func list(_ items: [JSONValue?]) -> JSONValue? {
        let present = items.compactMap { $0 }
        return present.isEmpty ? nil : .array(present)
    }
}

/// Deterministic `urn:uuid:` identities for the resources of one plan, so the same plan always
/// exports the same bundle. Each is a version 8 (custom) UUID from a 128-bit hash of the
/// plan id and the resource's key.
public struct FHIRIdentity: Sendable {
    let planID: String

    /// Identities for resources of `planID`.
    public init(planID: String) {
        self.planID = planID
    }

    /// The resource id (a UUID) for `key`.
    public func id(_ key: String) -> String {
        var high = hash("\(planID)|\(key)", seed: 0xCBF2_9CE4_8422_2325)
        var low = hash("\(key)|\(planID)", seed: 0x8422_2325_CBF2_9CE4)
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000  // version 8
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
        let hex = String(format: "%016llx%016llx", high, low)
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// The bundle fullUrl for `key`.
    public func url(_ key: String) -> String {
        "urn:uuid:" + id(key)
    }

    private func hash(_ text: String, seed: UInt64) -> UInt64 {
        var value = seed
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        // SplitMix64 finaliser, to spread the bits.
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
