import Foundation

/// A referral another system sent us as a FHIR R4 bundle (the HL7 SDOH Clinical Care shape: a
/// ServiceRequest for one of our services, its Patient, who asked, and perhaps a Task whose
/// owner is us), read into what `receive` records.
public struct InboundReferral: Sendable, Equatable {
    /// The person, as the sender describes them.
    public var person: Person
    /// Which of our services it is for.
    public var service: ReferralRecipient
    /// Why.
    public var reason: String
    /// Who sent it.
    public var source: ReferralSource
    /// The referrer's name, if given.
    public var referrerName: String?
    /// The referrer's organisation, if given.
    public var referrerOrganisation: String?
    /// Routine or urgent.
    public var urgency: ReferralUrgency
    /// The sender's id for the ServiceRequest ("ServiceRequest/sr-1"), for messages.
    public var reference: String
    /// The sender's full address for it (its `fullUrl`), when the bundle gives one.
    public var requestURL: String?
    /// Every resource in the bundle careplan did not use, by type and id.
    public var unused: [String]
}

/// Reads other systems' referral bundles. Relative references (`Patient/123`), full URLs and
/// contained resources (`#p1`) resolve; names may be `text` or `given` and `family`.
public enum FHIRReferralReader {
    /// SNOMED CT "Referral to social prescribing service".
    static let socialPrescribingCode = "871731000000106"
    /// careplan's own codes for its services, for senders who have no national code for HWBC or CC.
    public static let serviceCodeSystem = FHIR.careplanBase + "/CodeSystem/service"

    /// True when `bundle` is not one careplan wrote (no CarePlan with a careplan plan id) and
    /// holds a ServiceRequest: a referral to receive.
    public static func isReferral(_ bundle: JSONValue) -> Bool {
        let resources = (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
        let ours = resources.contains { resource in
            resource["resourceType"]?.stringValue == "CarePlan"
                && resource["identifier"]?.arrayValue.contains { $0["system"]?.stringValue == FHIR.planIDSystem } == true
        }
        return !ours && resources.contains { $0["resourceType"]?.stringValue == "ServiceRequest" }
    }

    /// The referral in `bundle`.
    public static func referral(from bundle: JSONValue) throws(FHIRImportError) -> InboundReferral {
        var entries: [(url: String?, resource: JSONValue)] = []
        for (index, entry) in (bundle["entry"]?.arrayValue ?? []).enumerated() {
            guard let resource = entry["resource"], resource["resourceType"]?.stringValue != nil else {
                throw FHIRImportError("entry[\(index)].resource: missing or has no resourceType")
            }
            entries.append((entry["fullUrl"]?.stringValue, resource))
        }
        func label(_ resource: JSONValue) -> String {
            "\(resource["resourceType"]?.stringValue ?? "resource")/\(resource["id"]?.stringValue ?? "(no id)")"
        }
        let requests = entries.filter { $0.resource["resourceType"]?.stringValue == "ServiceRequest" }
        guard requests.count == 1, let request = requests.first?.resource else {
            throw FHIRImportError("the bundle holds \(requests.count) ServiceRequests; careplan receives one referral per bundle")
        }
        var used: Set<String> = [label(request)]
        /// The resource `reference` points at: contained in `within`, a full URL, or Type/id.
        func resolve(_ reference: JSONValue?, within: JSONValue) -> JSONValue? {
            guard let text = reference?["reference"]?.stringValue else { return nil }
            if text.hasPrefix("#") {
                return within["contained"]?.arrayValue.first { $0["id"]?.stringValue == String(text.dropFirst()) }
            }
            let found = entries.first { entry in
                entry.url == text || (entry.url?.hasSuffix("/" + text) ?? false) || label(entry.resource) == text
            }?.resource
            if let found { used.insert(label(found)) }
            return found
        }
        let location = "ServiceRequest/\(request["id"]?.stringValue ?? "(no id)")"
        guard let patient = resolve(request["subject"], within: request), patient["resourceType"]?.stringValue == "Patient" else {
            throw FHIRImportError("\(location).subject: does not resolve to a Patient in the bundle")
        }
        let person = try Self.person(patient, at: location)
        let service = try Self.service(request, at: location)
        let requester = resolve(request["requester"], within: request)
        var referrerName = request["requester"]?["display"]?.stringValue
        var organisation: String?
        var source: ReferralSource = .other
        switch requester?["resourceType"]?.stringValue {
        case "Patient"?, "RelatedPerson"?:
            source = .selfReferral
        case "Practitioner"?:
            source = .gp
            referrerName = referrerName ?? requester.flatMap(Self.name)
        case "PractitionerRole"?:
            source = .gp
            if let role = requester {
                referrerName = referrerName ?? resolve(role["practitioner"], within: role).flatMap(Self.name) ?? role["practitioner"]?["display"]?.stringValue
                organisation = resolve(role["organization"], within: role)?["name"]?.stringValue ?? role["organization"]?["display"]?.stringValue
            }
        case "Organization"?:
            organisation = requester?["name"]?.stringValue
        default:
            break
        }
        // Tasks that hand the request to us are part of it.
        for entry in entries where entry.resource["resourceType"]?.stringValue == "Task" {
            if resolve(entry.resource["focus"], within: entry.resource).map(label) == label(request) { used.insert(label(entry.resource)) }
        }
        let reasons = (request["reasonCode"]?.arrayValue ?? []).compactMap { concept in
            concept["text"]?.stringValue ?? concept["coding"]?.arrayValue.first?["display"]?.stringValue
        }
        let notes = (request["note"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }
        guard let reason = (reasons + notes).first ?? request["code"]?["text"]?.stringValue else {
            throw FHIRImportError("\(location): no reason (reasonCode, note or code.text) to record")
        }
        let priority = request["priority"]?.stringValue ?? "routine"
        return InboundReferral(
            person: person, service: service, reason: reason, source: source, referrerName: referrerName,
            referrerOrganisation: organisation, urgency: priority == "routine" ? .routine : .urgent, reference: location,
            requestURL: requests.first?.url,
            unused: entries.map { label($0.resource) }.filter { !used.contains($0) }.sorted())
    }

    /// Which of our services a request is for: SNOMED CT 871731000000106 is social
    /// prescribing; careplan's own service codes name the others.
    static func service(_ request: JSONValue, at location: String) throws(FHIRImportError) -> ReferralRecipient {
        let codings = (request["code"]?["coding"]?.arrayValue ?? []) + (request["category"]?.arrayValue ?? []).flatMap { $0["coding"]?.arrayValue ?? [] }
        for coding in codings {
            let code = coding["code"]?.stringValue
            if coding["system"]?.stringValue == "http://snomed.info/sct", code == socialPrescribingCode { return .socialPrescribingLinkWorker }
            if coding["system"]?.stringValue == serviceCodeSystem {
                switch code {
                case "splw"?: return .socialPrescribingLinkWorker
                case "hwbc"?: return .healthAndWellbeingCoach
                case "cc"?: return .careCoordinator
                default: break
                }
            }
        }
        throw FHIRImportError(
            "\(location).code: not one of our services (SNOMED CT \(socialPrescribingCode) for social prescribing, or \(serviceCodeSystem) splw, hwbc or cc)"
        )
    }

    /// A person from a Patient: name (text, or given and family), NHS number, birth date, sex, contact.
    static func person(_ patient: JSONValue, at location: String) throws(FHIRImportError) -> Person {
        guard let name = Self.name(patient) else { throw FHIRImportError("\(location): the Patient has no name") }
        var person = Person(name: name)
        if let nhs = patient["identifier"]?.arrayValue.first(where: { $0["system"]?.stringValue == FHIR.nhsNumberSystem })?["value"]?.stringValue {
            guard let number = NHSNumber(nhs) else { throw FHIRImportError("\(location): the Patient's NHS number fails the Modulus 11 check") }
            person.nhsNumber = number
        }
        if let birth = patient["birthDate"]?.stringValue {
            guard let date = CalendarDate(birth) else { throw FHIRImportError("\(location): the Patient's birthDate is not a date like 1948-03-14") }
            person.dateOfBirth = date
        }
        person.gender = patient["gender"]?.stringValue.flatMap(Gender.init(rawValue:))
        person.readDemographics(from: patient)
        let telecom = patient["telecom"]?.arrayValue ?? []
        person.phone = telecom.first { $0["system"]?.stringValue == "phone" }?["value"]?.stringValue
        if let address = patient["address"]?.arrayValue.first {
            person.address = Address(lines: (address["line"]?.arrayValue ?? []).compactMap(\.stringValue), postcode: address["postalCode"]?.stringValue)
        }
        return person
    }

    /// The official (or first) name: its text, or its given names and family name.
    static func name(_ resource: JSONValue) -> String? {
        let names = resource["name"]?.arrayValue ?? []
        guard let name = names.first(where: { $0["use"]?.stringValue == "official" }) ?? names.first else { return nil }
        if let text = name["text"]?.stringValue, !text.isEmpty { return text }
        let parts = (name["given"]?.arrayValue ?? []).compactMap(\.stringValue) + [name["family"]?.stringValue].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
