/// The minimum dataset written out: CSV (one file, a `set` column naming which of the four sets
/// a row belongs to) and FHIR (one Bundle per person).
extension MinimumDataset {
    /// The CSV header. With `codesOnly`, the two columns that can hold words (`display`, `text`)
    /// are not there at all.
    public static func csvHeader(codesOnly: Bool) -> String {
        (["set", "nhs_number", "plan", "episode", "service", "item", "system", "code"] + (codesOnly ? [] : ["display"]) + ["value", "date"]
            + (codesOnly ? [] : ["text"])).joined(separator: ",")
    }

    /// One row as a CSV line (RFC 4180 quoting), without its line break.
    public static func csvLine(_ row: DatasetRow, nhsNumber: NHSNumber?, codesOnly: Bool) -> String {
        func field(_ text: String?) -> String { text.map(CSVText.field) ?? "" }
        let shown = codesOnly ? row.codesOnly : row
        var fields: [String?] = [shown.set.rawValue, nhsNumber?.digits, shown.planID, shown.episode, shown.service, shown.item, shown.system, shown.code]
        if !codesOnly { fields.append(shown.display) }
        fields += [shown.value, shown.date?.description]
        if !codesOnly { fields.append(shown.text) }
        return fields.map(field).joined(separator: ",")
    }

    /// One person's part as a FHIR R4 Bundle of type `collection`: a Patient (identified by NHS
    /// number; named only when words are allowed) and an Observation for each other fact, its
    /// category the set. With `codesOnly` no resource holds a word anyone typed: no names, no
    /// addresses, no notes, no displays.
    public func fhirBundle(for plan: Plan, rows: [DatasetRow], codesOnly: Bool, base: FHIRBase?) -> JSONValue {
        let identity = FHIRIdentity(planID: plan.id)
        let patientURL = identity.url("Patient")
        var entries: [JSONValue] = [entry(identity, "Patient", patient(plan.person, codesOnly: codesOnly))]
        for (index, row) in rows.enumerated() where row.set != .demographics || row.item == "IMD decile" {
            entries.append(entry(identity, "Observation/dataset-\(index + 1)", observation(codesOnly ? row.codesOnly : row, patient: patientURL)))
        }
        let bundle: JSONValue = .object([
            "resourceType": .string("Bundle"), "type": .string("collection"),
            "identifier": .object(["system": .string(FHIR.planIDSystem), "value": .string(plan.id)]),
            "meta": .object([
                "tag": .array([.object(["system": .string(FHIR.careplanBase + "/CodeSystem/dataset"), "code": .string("minimum-dataset")])])
            ]),
            "entry": .array(entries),
        ])
        return base?.published(bundle) ?? bundle
    }

    private func entry(_ identity: FHIRIdentity, _ key: String, _ resource: JSONValue) -> JSONValue {
        var resource = FHIRNarrative.adding(to: resource)
        if case .object(var members) = resource {
            members["id"] = .string(identity.id(key))
            resource = .object(members)
        }
        return .object(["fullUrl": .string(identity.url(key)), "resource": resource])
    }

    private func patient(_ person: Person, codesOnly: Bool) -> JSONValue {
        var extensions: [JSONValue?] = [
            FHIR.extensionString("sex-at-birth", person.sexAtBirth?.rawValue), FHIR.extensionString("gender-identity", person.genderIdentity?.rawValue),
        ]
        if let category = person.ethnicCategory {
            extensions.append(
                .object([
                    "url": .string(FHIR.ethnicCategoryExtension),
                    "valueCodeableConcept": codesOnly
                        ? .object(["coding": .array([.object(["system": .string(FHIR.ethnicCategorySystem), "code": .string(category.rawValue)])])])
                        : FHIR.concept(system: FHIR.ethnicCategorySystem, code: category.rawValue, display: category.label),
                ]))
        }
        return FHIR.object([
            "resourceType": .string("Patient"),
            "meta": .object(["profile": .array([.string(FHIR.ukCore("Patient"))])]),
            "extension": FHIR.list(extensions),
            "identifier": person.nhsNumber.map { .array([.object(["system": .string(FHIR.nhsNumberSystem), "value": .string($0.digits)])]) },
            "name": codesOnly ? nil : .array([.object(["text": .string(person.name)])]),
            "gender": person.gender.map { .string($0.rawValue) },
            "birthDate": person.dateOfBirth.map { .string($0.description) },
            "generalPractitioner": person.gpPractice?.odsCode.map { code in
                .array([.object(["identifier": .object(["system": .string(FHIR.odsSystem), "value": .string(code)])])])
            },
        ])
    }

    private func observation(_ row: DatasetRow, patient: String) -> JSONValue {
        // careplan's vocabularies ("careplan:NeedDomain") are code systems under its base.
        let system = row.system.map { $0.hasPrefix("careplan:") ? FHIR.careplanBase + "/CodeSystem/" + $0.dropFirst("careplan:".count) : $0 }
        let category = FHIR.careplanBase + "/CodeSystem/dataset-set"
        var members: [String: JSONValue?] = [
            "resourceType": .string("Observation"), "status": .string("final"),
            "meta": .object(["profile": .array([.string(FHIR.ukCore("Observation"))])]),
            "category": .array([.object(["coding": .array([.object(["system": .string(category), "code": .string(row.set.rawValue)])])])]),
            "code": .object(["text": .string(row.item)]),
            "subject": FHIR.reference(patient),
            "effectiveDateTime": row.date.map { .string($0.description) },
            "note": row.text.map { .array([.object(["text": .string($0)])]) },
        ]
        // Values are numbers or careplan's words, never a string: a receiver can count them.
        func word(_ system: String, _ code: String) -> JSONValue {
            .object(["coding": .array([.object(["system": .string(FHIR.careplanBase + "/CodeSystem/" + system), "code": .string(code)])])])
        }
        var value: [String: JSONValue] = [:]
        if let number = row.value.map(FHIR.scoreValue), number["dataAbsentReason"] == nil {
            value = number
        } else if let words = row.value {
            value = ["valueCodeableConcept": word("dataset-value", words)]
        }
        var components: [JSONValue] = []
        if let episode = row.episode {
            components.append(
                .object([
                    "code": .object(["text": .string("episode")]),
                    "valueCodeableConcept": .object(["coding": .array([.object(["system": .string(FHIR.entryIDSystem), "code": .string(episode)])])]),
                ]))
        }
        if let service = row.service {
            components.append(.object(["code": .object(["text": .string("service")]), "valueCodeableConcept": word("service", service)]))
        }
        if let code = row.code, let system {
            var coding: [String: JSONValue] = ["system": .string(system), "code": .string(code)]
            if let display = row.display { coding["display"] = .string(display) }
            let concept: JSONValue = .object(["coding": .array([.object(coding)])])
            if row.item == "code recorded" {
                // The code is what was recorded: it is the observation's own code.
                members["code"] = .object(["coding": .array([.object(coding)]), "text": .string(row.item)])
            } else if value.isEmpty {
                value = ["valueCodeableConcept": concept]
            } else {
                components.append(.object(["code": .object(["text": .string("coded as")]), "valueCodeableConcept": concept]))
            }
        }
        for (key, item) in value { members[key] = item }
        if !components.isEmpty { members["component"] = .array(components) }
        return FHIR.object(members)
    }
}

/// CSV as RFC 4180 writes it, for the report and the dataset alike.
public enum CSVText {
    /// `text` as one field: quoted, with its quotes doubled, when it holds a comma, a quote or a
    /// line break.
    public static func field(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
