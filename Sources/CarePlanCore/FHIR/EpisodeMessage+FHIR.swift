public import Foundation

/// The message back to the GP as a FHIR R4 document: a Bundle of type `document` whose first
/// entry is a Composition with the message's sections, each with its narrative; the Patient,
/// the sender, the practice, the goals agreed and the codes for the GP record are entries the
/// sections point to, so a GP system can file the codes without reading the words.
extension EpisodeMessage {
    /// LOINC's document type for a summary of an episode of care.
    static let documentType = (system: "http://loinc.org", code: "34133-9", display: "Summarization of episode note")

    /// The document for `episodeID` in `plan`, assembled at `issued`; careplan's URLs under
    /// `base` when given.
    /// - Throws: when the plan has no such episode.
    public func fhirDocument(_ plan: Plan, episode episodeID: EntryID, issued: Date, base: FHIRBase?) throws(PlanEditError) -> JSONValue {
        let content = try self.content(plan, episode: episodeID)
        let episode = content.episode
        let identity = FHIRIdentity(planID: plan.id)
        let key = "message/\(episode.id)/\(Self.instant(issued))"
        let patient = identity.url("\(key)/Patient"), author = identity.url("\(key)/Practitioner"), practice = identity.url("\(key)/Organization")
        var resources: [(url: String, resource: JSONValue)] = []

        var patientMembers: [String: JSONValue?] = [
            "resourceType": .string("Patient"), "meta": Self.profile("Patient"),
            "identifier": plan.person.nhsNumber.map { .array([.object(["system": .string(FHIR.nhsNumberSystem), "value": .string($0.digits)])]) },
            "name": .array([.object(["text": .string(plan.person.name)])]),
            "gender": plan.person.gender.map { .string($0.rawValue) },
            "birthDate": plan.person.dateOfBirth.map { .string($0.description) },
        ]
        if let gp = plan.person.gpPractice {
            patientMembers["generalPractitioner"] = .array([FHIR.reference(practice)])
            resources.append(
                (
                    practice,
                    FHIR.object([
                        "resourceType": .string("Organization"), "meta": Self.profile("Organization"), "name": .string(gp.name),
                        "identifier": gp.odsCode.map { .array([.object(["system": .string(FHIR.odsSystem), "value": .string($0)])]) },
                    ])
                ))
        }
        resources.append((patient, FHIR.object(patientMembers)))
        resources.append(
            (
                author,
                FHIR.object(["resourceType": .string("Practitioner"), "meta": Self.profile("Practitioner"), "name": .array([.object(["text": .string(from)])])])
            ))

        // The goals agreed, and the codes recorded, as entries of their sections.
        let goals = plan.goals.map { goal in
            (
                identity.url("\(key)/Goal/\(goal.id)"),
                FHIR.object([
                    "resourceType": .string("Goal"), "lifecycleStatus": .string(goal.lifecycleStatus.rawValue),
                    "achievementStatus": goal.achievementStatus.map {
                        FHIR.concept(system: "http://terminology.hl7.org/CodeSystem/goal-achievement", code: $0.rawValue, display: $0.label)
                    },
                    "description": .object(["text": .string(goal.description)]), "subject": FHIR.reference(patient),
                    "target": goal.targetDate.map { .array([.object(["dueDate": .string($0.description)])]) },
                ])
            )
        }
        let codes = episode.codes.enumerated().map { index, code in
            (
                identity.url("\(key)/Observation/\(index + 1)"),
                FHIR.object([
                    "resourceType": .string("Observation"), "meta": Self.profile("Observation"), "status": .string("final"),
                    "code": FHIR.concept(
                        system: code.code.allSatisfy(\.isNumber) ? FHIR.snomed : FHIR.careplanBase + "/CodeSystem/local", code: code.code, display: code.display
                    ),
                    "subject": FHIR.reference(patient), "effectiveDateTime": .string(code.on.description),
                ])
            )
        }
        resources += goals + codes

        let sections: [JSONValue] = content.sections.map { section in
            var writer = DocumentWriter(format: .html, width: 10_000)
            for paragraph in section.paragraphs { writer.paragraph(paragraph) }
            for bullet in section.bullets { writer.bullet(bullet) }
            writer.endList()
            var members: [String: JSONValue?] = [
                "title": .string(section.heading),
                "text": .object(["status": .string("generated"), "div": .string(Self.div(writer.text))]),
            ]
            let entries = section.heading == "What was agreed" ? goals.map(\.0) : section.heading == "Codes for the GP record" ? codes.map(\.0) : []
            if !entries.isEmpty { members["entry"] = .array(entries.map(FHIR.reference)) }
            return FHIR.object(members)
        }
        var header = DocumentWriter(format: .html, width: 10_000)
        for line in content.header { header.paragraph(line) }
        let composition = FHIR.object([
            "resourceType": .string("Composition"), "status": .string("final"),
            "identifier": .object(["system": .string("urn:ietf:rfc:3986"), "value": .string(identity.url("\(key)/Composition"))]),
            "type": FHIR.concept(system: Self.documentType.system, code: Self.documentType.code, display: Self.documentType.display),
            "subject": FHIR.reference(patient), "date": .string(Self.instant(issued)), "author": .array([FHIR.reference(author)]),
            "title": .string(content.title),
            "text": .object(["status": .string("generated"), "div": .string(Self.div("<h1>\(HTMLPage.escape(content.title))</h1>\n" + header.text))]),
            "section": .array(sections),
        ])
        let entries = [(identity.url("\(key)/Composition"), composition)] + resources
        let bundle: JSONValue = .object([
            "resourceType": .string("Bundle"), "type": .string("document"),
            "identifier": .object(["system": .string("urn:ietf:rfc:3986"), "value": .string(identity.url("\(key)/Bundle"))]),
            "timestamp": .string(Self.instant(issued)),
            "entry": .array(
                entries.map { url, resource in
                    var resource = FHIRNarrative.adding(to: resource)
                    if case .object(var members) = resource, url.hasPrefix("urn:uuid:") {
                        members["id"] = .string(String(url.dropFirst("urn:uuid:".count)))
                        resource = .object(members)
                    }
                    return .object(["fullUrl": .string(url), "resource": resource])
                }),
        ])
        return base?.published(bundle) ?? bundle
    }

    private static func profile(_ name: String) -> JSONValue { .object(["profile": .array([.string(FHIR.ukCore(name))])]) }

    private static func div(_ html: String) -> String { "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + html + "</div>" }
}

extension EpisodeMessage {
    /// RFC 3339 in UTC, whole seconds: `2026-11-21T10:00:00Z`.
    static func instant(_ date: Date) -> String { date.formatted(.iso8601) }
}
