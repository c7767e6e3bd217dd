public import Foundation

/// A plan's canonical bytes, with where each top-level member's value lies in them, so the
/// next version of the plan can reuse the bytes of the lists it did not touch.
///
/// An edit to a plan of a thousand notes changes one field; writing the notes again would
/// cost more than everything else the edit does. A list is reused only when the new plan holds
/// the very same array storage as this one (an edit that did not touch it copies the reference,
/// not the notes), so the reused bytes are exactly what encoding it would write.
public struct EncodedPlan: Sendable {
    /// The plan encoded.
    public let plan: Plan
    /// Its canonical bytes (`PlanJSON.encode(plan)`), indexed from 0.
    public let body: Data
    /// The byte range of each top-level member's value in `body`.
    let members: [String: Range<Int>]
}

extension PlanJSON {
    /// The canonical bytes of `plan` (the same as `encode(plan)`), reusing those of the lists
    /// it shares with `previous`.
    public static func encode(_ plan: Plan, reusing previous: EncodedPlan?) -> EncodedPlan {
        var trimmed = plan
        var verbatim: [String: Data] = [:]
        if let previous, previous.plan.id == plan.id {
            for list in ReusableList.all {
                guard let range = previous.members[list.key], list.isShared(plan, previous.plan) else { continue }
                verbatim[list.key] = previous.body[range]
                list.empty(&trimmed)
            }
        }
        guard case .object(var members) = tree(of: trimmed) else { preconditionFailure("a plan encodes to an object") }
        for key in verbatim.keys { members[key] = nil }
        let (bytes, ranges) = CanonicalJSONWriter.writeMembers(members, verbatim: verbatim)
        return EncodedPlan(plan: plan, body: Data(bytes), members: ranges)
    }
}

/// A list a plan holds at its top level, whose bytes another version of the plan may reuse.
private struct ReusableList: Sendable {
    /// Its key in plan JSON.
    let key: String
    /// True when two plans hold the same storage for it.
    let isShared: @Sendable (Plan, Plan) -> Bool
    /// Empties it, so the encoder skips it.
    let empty: @Sendable (inout Plan) -> Void

    static func list<Element>(_ key: Plan.CodingKeys, _ path: any WritableKeyPath<Plan, [Element]> & Sendable) -> ReusableList {
        ReusableList(
            key: key.stringValue,
            isShared: { first, second in
                first[keyPath: path].withUnsafeBufferPointer { a in
                    second[keyPath: path].withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
                }
            },
            empty: { $0[keyPath: path] = [] })
    }

    static let all: [ReusableList] = [
        list(.strengths, \.strengths), list(.needs, \.needs), list(.goals, \.goals), list(.actions, \.actions),
        list(.referrals, \.referrals), list(.episodes, \.episodes), list(.professionalContacts, \.professionalContacts),
        list(.personalContacts, \.personalContacts), list(.notes, \.notes),
    ]
}
