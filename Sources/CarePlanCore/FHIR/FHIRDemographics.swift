extension Person {
    /// Reads the ethnic category (UK Core's extension, England's codes) and careplan's sex at
    /// birth and gender identity from a Patient. A value careplan does not know is left unset
    /// rather than guessed.
    mutating func readDemographics(from patient: JSONValue) {
        sexAtBirth = patient.careplanExtension("sex-at-birth")?["valueString"]?.stringValue.flatMap(PhenotypicSex.init(rawValue:))
        genderIdentity = patient.careplanExtension("gender-identity")?["valueString"]?.stringValue.flatMap(GenderIdentity.init(rawValue:))
        let ethnicity = patient["extension"]?.arrayValue.first { $0["url"]?.stringValue == FHIR.ethnicCategoryExtension }
        let coding = ethnicity?["valueCodeableConcept"]?["coding"]?.arrayValue.first { $0["system"]?.stringValue == FHIR.ethnicCategorySystem }
        ethnicCategory = coding?["code"]?.stringValue.flatMap(EthnicCategory.init(rawValue:))
    }
}
