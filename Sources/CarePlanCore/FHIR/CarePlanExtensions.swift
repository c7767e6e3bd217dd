import Foundation

/// The parts of a plan FHIR R4 has no element for, carried as careplan extensions on the
/// CarePlan (documented in docs/fhir.md): about me, strengths, contingency, review,
/// agreement, consent, last updated, and the id counters.
enum CarePlanExtensions {
    static func write(_ plan: Plan) -> [JSONValue?] {
        var extensions: [JSONValue?] = []
        if !plan.aboutMe.isEmpty {
            extensions.append(
                FHIR.extensionComplex(
                    "about-me",
                    [
                        FHIR.extensionDate("written-on", plan.aboutMe.writtenOn),
                        FHIR.extensionString("supported-to-write-by", plan.aboutMe.supportedToWriteBy),
                    ]
                        + plan.aboutMe.entries.map { entry in
                            FHIR.extensionComplex(
                                "entry",
                                [
                                    FHIR.extensionString("id", entry.id.description),
                                    FHIR.extensionString("heading", entry.heading.rawValue),
                                    FHIR.extensionString("text", entry.text),
                                ])
                        }))
        }
        for strength in plan.strengths {
            extensions.append(
                FHIR.extensionComplex(
                    "strength",
                    [
                        FHIR.extensionString("id", strength.id.description),
                        FHIR.extensionString("text", strength.text),
                    ]))
        }
        if !plan.contingency.isEmpty {
            extensions.append(
                FHIR.extensionComplex(
                    "contingency",
                    plan.contingency.triggers.map { FHIR.extensionString("trigger", $0) } + [
                        FHIR.extensionString("what-should-happen", plan.contingency.whatShouldHappen),
                        FHIR.extensionString("who-to-contact", plan.contingency.whoToContact),
                    ] + plan.contingency.contactIDs.map { FHIR.extensionString("contact-id", $0.description) }))
        }
        let review = plan.review
        if review.nextReviewOn != nil || review.intervalWeeks != nil || review.responsible != nil || !review.held.isEmpty {
            extensions.append(
                FHIR.extensionComplex(
                    "review",
                    [
                        FHIR.extensionDate("next-review-on", review.nextReviewOn),
                        FHIR.extensionInteger("interval-weeks", review.intervalWeeks),
                        FHIR.extensionString("responsible", review.responsible),
                    ]
                        + review.held.map { held in
                            FHIR.extensionComplex(
                                "held",
                                [
                                    FHIR.extensionString("id", held.id.description), FHIR.extensionDate("held-on", held.heldOn),
                                    FHIR.extensionString("held-by", held.heldBy), FHIR.extensionString("summary", held.summary),
                                ])
                        }))
        }
        if let agreement = plan.agreement {
            extensions.append(
                FHIR.extensionComplex(
                    "agreement",
                    [
                        FHIR.extensionString("agreed-by", agreement.agreedBy.rawValue), FHIR.extensionDate("agreed-on", agreement.agreedOn),
                        FHIR.extensionString("representative-name", agreement.representativeName),
                        FHIR.extensionString("representative-relationship", agreement.representativeRelationship),
                        FHIR.extensionString("recorded-by", agreement.recordedBy),
                    ]))
        }
        if let consent = plan.consent {
            extensions.append(
                FHIR.extensionComplex(
                    "consent",
                    [
                        FHIR.extensionString("status", consent.status.rawValue), FHIR.extensionDate("recorded-on", consent.recordedOn),
                        FHIR.extensionString("scope", consent.scope), FHIR.extensionString("recorded-by", consent.recordedBy),
                    ]))
        }
        extensions.append(FHIR.extensionDate("last-updated", plan.lastUpdated))
        // Referral episodes travel verbatim too; the referrer's system reads the plan's own
        // ServiceRequests, and Task updates for received referrals come with the closed loop.
        if !plan.episodes.isEmpty, let tree = try? JSONTreeEncoder().encode(plan.episodes) {
            extensions.append(FHIR.extensionString("referral-episodes", String(decoding: PlanJSON.encode(tree), as: UTF8.self)))
        }
        // Role-module sections travel verbatim, so they come back exactly, including sections
        // of modules the exporting or importing careplan does not load.
        for (module, section) in plan.extensions.sorted(by: { $0.key < $1.key }) {
            extensions.append(
                FHIR.extensionComplex(
                    "module-section",
                    [
                        FHIR.extensionString("module", module),
                        FHIR.extensionString("json", String(decoding: PlanJSON.encode(section), as: UTF8.self)),
                    ]))
        }
        if !plan.lastIssuedIDs.isEmpty {
            extensions.append(
                FHIR.extensionComplex(
                    "last-issued-ids",
                    plan.lastIssuedIDs.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                        FHIR.extensionInteger($0.key.rawValue, $0.value)
                    }))
        }
        return extensions
    }

    /// Reads the extensions back into `plan`.
    static func read(_ carePlan: JSONValue, into plan: inout Plan) throws(FHIRImportError) {
        for item in carePlan["extension"]?.arrayValue ?? [] {
            guard let url = item["url"]?.stringValue, url.hasPrefix(FHIR.extensionURL("")) else { continue }
            let name = String(url.dropFirst(FHIR.extensionURL("").count))
            let parts = Parts(item)
            switch name {
            case "about-me":
                plan.aboutMe.writtenOn = try parts.date("written-on")
                plan.aboutMe.supportedToWriteBy = parts.string("supported-to-write-by")
                for entry in parts.all("entry").map(Parts.init) {
                    guard let heading = entry.string("heading").flatMap(AboutMeHeading.init(rawValue:)) else {
                        throw FHIRImportError("CarePlan.extension[about-me]: an entry has no valid heading")
                    }
                    plan.aboutMe.entries.append(AboutMeEntry(id: try entry.entryID("id"), heading: heading, text: entry.string("text") ?? ""))
                }
            case "strength":
                plan.strengths.append(Strength(id: try parts.entryID("id"), text: parts.string("text") ?? ""))
            case "contingency":
                plan.contingency = ContingencyPlan(
                    triggers: parts.all("trigger").compactMap { $0["valueString"]?.stringValue },
                    whatShouldHappen: parts.string("what-should-happen"), whoToContact: parts.string("who-to-contact"),
                    contactIDs: try parts.all("contact-id").map { value throws(FHIRImportError) in
                        guard let text = value["valueString"]?.stringValue, let id = EntryID(text) else {
                            throw FHIRImportError("CarePlan.extension[contingency].contact-id: not an entry id")
                        }
                        return id
                    })
            case "review":
                plan.review.nextReviewOn = try parts.date("next-review-on")
                plan.review.intervalWeeks = parts.integer("interval-weeks")
                plan.review.responsible = parts.string("responsible")
                for held in parts.all("held").map(Parts.init) {
                    guard let date = try held.date("held-on") else { throw FHIRImportError("CarePlan.extension[review].held: held-on is missing") }
                    plan.review.held.append(
                        ReviewRecord(
                            id: try held.entryID("id"), heldOn: date, heldBy: held.string("held-by"),
                            summary: held.string("summary")))
                }
            case "agreement":
                guard let by = parts.string("agreed-by").flatMap(AgreedBy.init(rawValue:)), let on = try parts.date("agreed-on") else {
                    throw FHIRImportError("CarePlan.extension[agreement]: agreed-by and agreed-on are required")
                }
                plan.agreement = Agreement(
                    agreedBy: by, on: on, representativeName: parts.string("representative-name"),
                    representativeRelationship: parts.string("representative-relationship"),
                    recordedBy: parts.string("recorded-by"))
            case "consent":
                guard let status = parts.string("status").flatMap(ConsentStatus.init(rawValue:)), let on = try parts.date("recorded-on") else {
                    throw FHIRImportError("CarePlan.extension[consent]: status and recorded-on are required")
                }
                plan.consent = Consent(status: status, on: on, scope: parts.string("scope"), recordedBy: parts.string("recorded-by"))
            case "referral-episodes":
                guard let json = item["valueString"]?.stringValue else {
                    throw FHIRImportError("CarePlan.extension[referral-episodes]: needs valueString")
                }
                do {
                    plan.episodes = try JSONTreeDecoder().decode([ReferralEpisode].self, from: JSONParser.parse(Data(json.utf8)))
                } catch {
                    throw FHIRImportError("CarePlan.extension[referral-episodes]: the json is not a list of referral episodes")
                }
            case "module-section":
                guard let module = parts.string("module"), let json = parts.string("json") else {
                    throw FHIRImportError("CarePlan.extension[module-section]: needs module and json")
                }
                do {
                    plan.extensions[module] = try JSONParser.parse(Data(json.utf8))
                } catch {
                    throw FHIRImportError("CarePlan.extension[module-section] \(module): the json is not valid: \(error)")
                }
            case "last-updated":
                plan.lastUpdated = item["valueDate"]?.stringValue.flatMap { CalendarDate($0) }
            case "last-issued-ids":
                for counter in item["extension"]?.arrayValue ?? [] {
                    guard
                        let letter = counter["url"]?.stringValue.map({
                            $0.hasPrefix(FHIR.extensionURL("")) ? String($0.dropFirst(FHIR.extensionURL("").count)) : $0
                        }),
                        let kind = EntryKind(rawValue: letter), let value = counter["valueInteger"]?.intValue
                    else { continue }
                    plan.lastIssuedIDs[kind] = value
                }
            default:
                continue
            }
        }
    }
}

/// The sub-extensions of a complex careplan extension, by name.
struct Parts {
    let item: JSONValue

    init(_ item: JSONValue) {
        self.item = item
    }

    func all(_ name: String) -> [JSONValue] {
        // Bare names; careplan before 0.2 wrote absolute URLs for parts too.
        (item["extension"]?.arrayValue ?? []).filter { $0["url"]?.stringValue == name || $0["url"]?.stringValue == FHIR.extensionURL(name) }
    }

    func string(_ name: String) -> String? {
        all(name).first?["valueString"]?.stringValue
    }

    func integer(_ name: String) -> Int? {
        all(name).first?["valueInteger"]?.intValue
    }

    func date(_ name: String) throws(FHIRImportError) -> CalendarDate? {
        guard let text = all(name).first?["valueDate"]?.stringValue else { return nil }
        guard let date = CalendarDate(text) else { throw FHIRImportError("extension \(name): expected a date like 2026-12-31, got \(Quoted(text))") }
        return date
    }

    func entryID(_ name: String) throws(FHIRImportError) -> EntryID {
        guard let text = string(name), let id = EntryID(text) else { throw FHIRImportError("extension \(name): expected an entry id such as G2") }
        return id
    }
}
