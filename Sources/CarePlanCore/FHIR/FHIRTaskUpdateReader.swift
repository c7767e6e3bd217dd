import Foundation

/// A service we referred to telling us how our referral stands: a FHIR Task whose `focus` is
/// the ServiceRequest careplan sent, with its status, reason and what was delivered.
public struct TaskUpdate: Sendable, Equatable {
    /// The person's NHS number, from the Task's `for` (a Patient in the bundle, or an identifier).
    public var nhsNumber: NHSNumber?
    /// The reference to our ServiceRequest, as sent (`urn:uuid:...`).
    public var focus: String?
    /// Our referral's id, when the focus names it by careplan's entry identifier (`R1`).
    public var referralID: EntryID?
    /// Where our referral stands now.
    public var status: ReferralStatus
    /// Why (Task.statusReason).
    public var reason: String?
    /// What was delivered (Task.output), in words.
    public var outputs: [String]
    /// The day of the update (Task.lastModified), if given.
    public var on: CalendarDate?
    /// Who sent it (Task.owner).
    public var owner: String?
    /// The sender's id for the Task ("Task/t-1"), for messages.
    public var reference: String
    /// Every other resource in the bundle, by type and id.
    public var unused: [String]
}

/// Reads Task updates for referrals careplan sent.
public enum FHIRTaskUpdateReader {
    /// True when `bundle` is not one careplan wrote, holds a Task and no ServiceRequest.
    public static func isTaskUpdate(_ bundle: JSONValue) -> Bool {
        let types = (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?["resourceType"]?.stringValue }
        let ours = (bundle["entry"]?.arrayValue ?? []).contains { entry in
            entry["resource"]?["identifier"]?.arrayValue.contains { $0["system"]?.stringValue == FHIR.planIDSystem } == true
        }
        return !ours && types.contains("Task") && !types.contains("ServiceRequest")
    }

    /// The update in `bundle`.
    public static func update(from bundle: JSONValue) throws(FHIRImportError) -> TaskUpdate {
        let resources = (bundle["entry"]?.arrayValue ?? []).compactMap { $0["resource"] }
        let urls = (bundle["entry"]?.arrayValue ?? []).map { $0["fullUrl"]?.stringValue }
        func label(_ resource: JSONValue) -> String {
            "\(resource["resourceType"]?.stringValue ?? "resource")/\(resource["id"]?.stringValue ?? "(no id)")"
        }
        let tasks = resources.filter { $0["resourceType"]?.stringValue == "Task" }
        guard tasks.count == 1, let task = tasks.first else {
            throw FHIRImportError("the bundle holds \(tasks.count) Tasks; careplan reads one update per bundle")
        }
        let location = label(task)
        guard let text = task["status"]?.stringValue else { throw FHIRImportError("\(location).status: missing") }
        guard let status = Self.status(text) else {
            throw FHIRImportError("\(location).status: \(text) does not say where the referral stands")
        }
        var used: Set<String> = [location]
        var nhsNumber: NHSNumber?
        if let reference = task["for"]?["reference"]?.stringValue {
            let index = urls.firstIndex { $0 == reference || ($0?.hasSuffix("/" + reference) ?? false) }
            let patient = index.map { resources[$0] } ?? resources.first { label($0) == reference }
            if let patient {
                used.insert(label(patient))
                nhsNumber = try nhs(patient["identifier"]?.arrayValue ?? [], at: location)
            }
        }
        if nhsNumber == nil, let identifier = task["for"]?["identifier"] { nhsNumber = try nhs([identifier], at: location) }
        let focusIdentifier = task["focus"]?["identifier"]
        let referralID = focusIdentifier?["system"]?.stringValue == FHIR.entryIDSystem ? focusIdentifier?["value"]?.stringValue.flatMap(EntryID.init) : nil
        let reason = task["statusReason"]?["text"]?.stringValue ?? task["statusReason"]?["coding"]?.arrayValue.first?["display"]?.stringValue
        let outputs = (task["output"]?.arrayValue ?? []).compactMap { output in
            output["valueString"]?.stringValue ?? output["valueReference"]?["display"]?.stringValue
                ?? output["valueCodeableConcept"]?["text"]?.stringValue
        }
        return TaskUpdate(
            nhsNumber: nhsNumber, focus: task["focus"]?["reference"]?.stringValue, referralID: referralID, status: status,
            reason: reason, outputs: outputs, on: task["lastModified"]?.stringValue.flatMap { CalendarDate($0.prefix(10)) },
            owner: task["owner"]?["display"]?.stringValue, reference: location,
            unused: resources.map(label).filter { !used.contains($0) }.sorted())
    }

    private static func nhs(_ identifiers: [JSONValue], at location: String) throws(FHIRImportError) -> NHSNumber? {
        guard let value = identifiers.first(where: { $0["system"]?.stringValue == FHIR.nhsNumberSystem })?["value"]?.stringValue else { return nil }
        guard let number = NHSNumber(value) else { throw FHIRImportError("\(location).for: the NHS number fails the Modulus 11 check") }
        return number
    }

    /// Where a referral stands, from a FHIR Task status.
    static func status(_ task: String) -> ReferralStatus? {
        switch task {
        case "requested", "received", "draft": .requested
        case "accepted", "ready": .accepted
        case "rejected": .rejected
        case "in-progress", "on-hold": .inProgress
        case "completed": .completed
        case "cancelled", "entered-in-error": .cancelled
        case "failed": .didNotAttend
        default: nil
        }
    }
}

/// A FHIR bundle another system sent us: a referral to receive, or an update on one we sent.
public enum InboundMessage: Sendable, Equatable {
    case referral(InboundReferral)
    case taskUpdate(TaskUpdate)

    /// The resources careplan did not use.
    public var unused: [String] {
        switch self {
        case .referral(let referral): referral.unused
        case .taskUpdate(let update): update.unused
        }
    }

    /// The message in `bundle`, or nil when it is a careplan bundle (or neither kind).
    public static func read(_ bundle: JSONValue) throws(FHIRImportError) -> InboundMessage? {
        if FHIRReferralReader.isReferral(bundle) { return .referral(try FHIRReferralReader.referral(from: bundle)) }
        if FHIRTaskUpdateReader.isTaskUpdate(bundle) { return .taskUpdate(try FHIRTaskUpdateReader.update(from: bundle)) }
        return nil
    }
}
