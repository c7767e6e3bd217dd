/// A personal contact's relationship in the codes UK Core binds to `Patient.contact.relationship`
/// (the value set UKCore-PersonRelationshipType: HL7 v2 table 0131, the personal relationship
/// codes of v3 RoleCode, and UK Core's additional roles), with the words as typed kept as the
/// concept's text. A relationship with no code of its own goes as text alone.
enum FHIRRelationship {
    /// HL7 v2 table 0131, contact role.
    static let contactRoleSystem = "http://terminology.hl7.org/CodeSystem/v2-0131"
    /// HL7 v3 RoleCode: personal relationships.
    static let roleCodeSystem = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
    /// UK Core's additional person relationship roles (Carer, Guardian...).
    static let ukCoreRoleSystem = "https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole"
    /// careplan 0.1's own code for a carer, still read on import.
    static let legacyCarerSystem = FHIR.careplanBase + "/CodeSystem/personal-contact-role"

    /// The concept for a role the plan records.
    static func concept(_ role: PersonalContactRole) -> JSONValue {
        switch role {
        case .nextOfKin: FHIR.concept(system: contactRoleSystem, code: "N", display: "Next-of-Kin")
        case .emergencyContact: FHIR.concept(system: contactRoleSystem, code: "C", display: "Emergency Contact")
        case .carer: FHIR.concept(system: ukCoreRoleSystem, code: "Carer", display: "Carer of patient")
        }
    }

    /// The role a concept names, if it names one.
    static func role(_ concept: JSONValue) -> PersonalContactRole? {
        for coding in concept["coding"]?.arrayValue ?? [] {
            switch (coding["system"]?.stringValue, coding["code"]?.stringValue) {
            case (contactRoleSystem, "N"): return .nextOfKin
            case (contactRoleSystem, "C"): return .emergencyContact
            case (ukCoreRoleSystem, "Carer"), (legacyCarerSystem, "carer"): return .carer
            default: continue
            }
        }
        return nil
    }

    /// The concept for a relationship typed in words ("Daughter", "next-door neighbour"):
    /// coded when the words are one UK Core knows, and always with the words as typed.
    static func concept(words: String) -> JSONValue {
        let key = words.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
        guard let (system, code, display) = known[key] else { return FHIR.concept(text: words) }
        return .object([
            "coding": .array([.object(["system": .string(system), "code": .string(code), "display": .string(display)])]),
            "text": .string(words),
        ])
    }

    /// Words people use, and their codes.
    private static let known: [String: (String, String, String)] = {
        let roles: [(words: [String], code: String, display: String)] = [
            (["daughter"], "DAUC", "daughter"), (["son"], "SONC", "son"), (["child"], "CHILD", "child"),
            (["wife"], "WIFE", "wife"), (["husband"], "HUSB", "husband"), (["spouse"], "SPS", "spouse"),
            (["partner", "domestic partner"], "DOMPART", "domestic partner"), (["significant other"], "SIGOTHR", "significant other"),
            (["mother", "mum", "mom"], "MTH", "mother"), (["father", "dad"], "FTH", "father"), (["parent"], "PRN", "parent"),
            (["sister"], "SIS", "sister"), (["brother"], "BRO", "brother"), (["sibling"], "SIB", "sibling"),
            (["grandmother", "gran", "nan"], "GRMTH", "grandmother"), (["grandfather", "grandad"], "GRFTH", "grandfather"),
            (["grandparent"], "GRPRN", "grandparent"), (["granddaughter"], "GRNDDAU", "granddaughter"),
            (["grandson"], "GRNDSON", "grandson"), (["grandchild"], "GRNDCHILD", "grandchild"),
            (["aunt", "auntie"], "AUNT", "aunt"), (["uncle"], "UNCLE", "uncle"), (["niece"], "NIECE", "niece"),
            (["nephew"], "NEPHEW", "nephew"), (["cousin"], "COUSN", "cousin"),
            (["friend"], "FRND", "unrelated friend"), (["neighbour", "neighbor", "next door neighbour"], "NBOR", "neighbor"),
            (["daughter in law"], "DAUINLAW", "daughter in-law"), (["son in law"], "SONINLAW", "son in-law"),
            (["mother in law"], "MTHINLAW", "mother-in-law"), (["father in law"], "FTHINLAW", "father-in-law"),
            (["sister in law"], "SISINLAW", "sister-in-law"), (["brother in law"], "BROINLAW", "brother-in-law"),
            (["stepdaughter", "step daughter"], "STPDAU", "stepdaughter"), (["stepson", "step son"], "STPSON", "stepson"),
            (["stepmother", "step mother"], "STPMTH", "stepmother"), (["stepfather", "step father"], "STPFTH", "stepfather"),
            (["family member", "family"], "FAMMEMB", "family member"), (["roommate", "housemate", "flatmate"], "ROOM", "Roommate"),
        ]
        var table: [String: (String, String, String)] = [:]
        for role in roles {
            for words in role.words { table[words] = (roleCodeSystem, role.code, role.display) }
        }
        // "carer" typed as the relationship stays words: the carer role has its own flag, and
        // reading the code back would turn the words into the role.
        table["guardian"] = (ukCoreRoleSystem, "Guardian", "Guardian of patient")
        return table
    }()
}
