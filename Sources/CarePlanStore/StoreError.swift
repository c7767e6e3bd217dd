import Foundation

/// Why a store operation did not happen. Messages name plans by id, never by the
/// person's name or NHS number, so they are safe to show and to log.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Someone else committed to the plan since this copy was read.
    case conflict(planID: String, basedOn: Int, head: Int, headAuthor: String)
    /// No plan matches the query.
    case notFound(query: String)
    /// More than one plan matches a name.
    case ambiguous(query: String, candidates: [PlanSummary])
    /// Another plan already has this plan's NHS number: one person, one plan.
    case duplicateNHSNumber(planID: String, heldBy: String)
    /// Another plan's id differs from this one only in case.
    case idInOtherCase(planID: String, existing: String)
    /// A plan with this id is already stored.
    case alreadyExists(planID: String, head: Int)
    /// The plan has no such revision.
    case revisionNotFound(planID: String, number: Int)
    /// A stored revision could not be read back.
    case unreadable(planID: String, number: Int, reason: String)
    /// The store file can be read but not written.
    case readOnly(path: String)
    /// The store was changed by a newer careplan; nothing was written to it.
    case newerStore(path: String, storeVersion: String, understood: String)
    /// The store file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A referral from another system was not recorded, and why (`reference` is the sender's).
    case referralNotReceived(reference: String, reason: String)
    /// The team store's server could not answer; nothing was changed.
    case unavailable(location: String, reason: String)
    /// A change was not saved, or may not have been (the connection was lost as it was sent).
    case notSaved(reason: String)
    /// The database refused: this login's role or organisation does not allow it.
    case notPermitted(reason: String)

    static func looksLikePlanID(_ text: String) -> Bool {
        text.count <= 24 && text.uppercased().hasPrefix("CP-") && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    public var description: String {
        switch self {
        case let .conflict(planID, basedOn, head, headAuthor):
            return "conflict: plan \(planID) changed since revision \(basedOn) (now at revision \(head), by \(headAuthor)); "
                + "nothing was saved"
        case .notFound(let query):
            // What was typed may be an NHS number, a phone number or a name: never repeat it,
            // except a plan id, which is no one's personal data.
            if Self.looksLikePlanID(query) { return "no plan \(query.uppercased())" }
            return PlanQuery(query.trimmingCharacters(in: .whitespaces)).noMatchMessage
        case let .ambiguous(_, candidates):
            let ids = candidates.prefix(8).map(\.id).joined(separator: ", ")
            let count = candidates.count >= 20 ? "many" : String(candidates.count)
            return "\(count) plans match; choose one by its id (\(ids)\(candidates.count > 8 ? ", …" : ""))"
        case let .duplicateNHSNumber(_, heldBy):
            return "plan \(heldBy) already has this NHS number: one person has one plan; open \(heldBy) instead"
        case let .idInOtherCase(planID, existing):
            return "plan \(planID) would be the same id as the stored plan \(existing) (ids ignore case); give it another id"
        case let .alreadyExists(planID, head):
            return "plan \(planID) is already stored (revision \(head))"
        case let .revisionNotFound(planID, number):
            return "plan \(planID) has no revision \(number)"
        case let .unreadable(planID, number, reason):
            return "plan \(planID) revision \(number) could not be read: \(reason)"
        case let .readOnly(path):
            return "the store \(path) is read-only for you: nothing was saved (ask for write access, or export what you need)"
        case let .newerStore(path, storeVersion, understood):
            return "cannot open store \(path): it has schema \(storeVersion) from a newer careplan, and this careplan "
                + "understands up to \(understood); nothing was changed: use the newer careplan"
        case let .cannotOpen(path, reason):
            return "cannot open store \(path): \(reason)"
        case let .referralNotReceived(reference, reason):
            return "\(reference): \(reason)"
        case let .unavailable(location, reason):
            return "store \(location): \(reason)"
        case .notSaved(let reason):
            return reason
        case .notPermitted(let reason):
            return reason
        }
    }
}
