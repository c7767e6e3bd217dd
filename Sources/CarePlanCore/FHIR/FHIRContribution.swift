/// What a role module adds to the FHIR bundle: resources other systems can read (referrals,
/// observations, tasks). The module's section itself travels verbatim in a CarePlan extension,
/// so reading back needs nothing from the module; `read` may refine it.
public protocol PlanFHIRContribution: Sendable {
    /// Resources for the module's section of `plan`.
    func resources(for plan: Plan, context: FHIRExportContext) -> [FHIRResource]
    /// Reads the module's resources back into `plan`, if the module wants more than the
    /// verbatim section. Resources of other kinds are in the list too.
    func read(_ resources: [JSONValue], context: FHIRImportContext, into plan: inout Plan) throws(FHIRImportError)
}

extension PlanFHIRContribution {
    public func read(_ resources: [JSONValue], context: FHIRImportContext, into plan: inout Plan) throws(FHIRImportError) {}
}

/// One resource for the bundle, with the key its identity is derived from.
public struct FHIRResource: Sendable {
    /// A key unique within the plan ("Goal/G1").
    public var key: String
    /// The resource JSON, without its `id` (the builder adds it).
    public var resource: JSONValue
    /// True if the CarePlan should list it as an activity.
    public var isActivity: Bool

    /// A resource.
    public init(key: String, resource: JSONValue, isActivity: Bool = false) {
        self.key = key
        self.resource = resource
        self.isActivity = isActivity
    }
}

/// What a contribution needs to reference the plan's other resources.
public struct FHIRExportContext: Sendable {
    /// Identities for this plan.
    public let identity: FHIRIdentity
    /// The Patient's fullUrl.
    public let patient: String
    /// The CarePlan's fullUrl.
    public let carePlan: String
    /// The Practitioner fullUrl of each professional contact, by name folded to lower case.
    let practitioners: [String: String]

    /// A context for a plan's bundle; its professional contacts are the bundle's Practitioners.
    public init(identity: FHIRIdentity, patient: String, carePlan: String, contacts: [ProfessionalContact] = []) {
        self.identity = identity
        self.patient = patient
        self.carePlan = carePlan
        var practitioners: [String: String] = [:]
        for contact in contacts {
            let key = Self.key(contact.name)
            // Two contacts with one name: neither is guessed at.
            practitioners[key] = practitioners[key] == nil ? identity.url("Practitioner/\(contact.id)") : ""
        }
        self.practitioners = practitioners.filter { !$0.value.isEmpty }
    }

    /// A Reference to the person called `name`: the Practitioner in this bundle when one
    /// professional contact has that name (ignoring case and spaces), with the name as display;
    /// else the name alone.
    public func person(_ name: String) -> JSONValue {
        guard let url = practitioners[Self.key(name)] else { return .object(["display": .string(name)]) }
        return .object(["reference": .string(url), "type": .string("Practitioner"), "display": .string(name)])
    }

    private static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The Condition fullUrl for a need.
    public func need(_ id: String) -> String { identity.url("Condition/\(id)") }
    /// The Goal fullUrl for a goal.
    public func goal(_ id: String) -> String { identity.url("Goal/\(id)") }
    /// The ServiceRequest fullUrl for a referral.
    public func referral(_ id: String) -> String { identity.url("ServiceRequest/\(id)") }
}

/// What a contribution needs when reading back.
public struct FHIRImportContext: Sendable {
    /// Entry ids by fullUrl, for the resources that carry one ("urn:uuid:..." -> "N1").
    public let entryIDs: [String: String]

    /// The careplan entry id a reference points at, if any.
    public func entryID(of reference: JSONValue?) -> String? {
        guard case .string(let url)? = reference?["reference"] else { return nil }
        return entryIDs[url]
    }
}

/// Why a FHIR bundle could not be read as a careplan plan.
public struct FHIRImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where (a resource and field) and what is wrong.
    public var message: String

    /// An error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension JSONValue {
    /// The text, if this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items, if this is a list (or none).
    public var arrayValue: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The integer, if this is one.
    public var intValue: Int? {
        if case .integer(let value) = self { return Int(value) }
        return nil
    }

    /// The careplan entry id in `identifier`, if any.
    public var careplanEntryID: String? {
        self["identifier"]?.arrayValue.first { $0["system"]?.stringValue == FHIR.entryIDSystem }?["value"]?.stringValue
    }

    /// The value of a careplan extension on this element.
    public func careplanExtension(_ name: String) -> JSONValue? {
        self["extension"]?.arrayValue.first { $0["url"]?.stringValue == FHIR.extensionURL(name) }
    }
}
