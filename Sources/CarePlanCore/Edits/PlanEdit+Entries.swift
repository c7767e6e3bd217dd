/// Finding entries by id, for edits.
extension Plan {
    /// The index of the entry `id` in `list`, or an error naming what is missing.
    public func position<T: Identifiable>(of id: EntryID, in list: [T]) throws(PlanEditError) -> Int where T.ID == EntryID {
        guard let index = list.firstIndex(where: { $0.id == id }) else {
            throw PlanEditError("there is no \(id.kind.noun) \(id) in this plan")
        }
        return index
    }

    /// The ids of entries that link to `id`, so a removal can say what still depends on it.
    public func references(to id: EntryID) -> [EntryID] {
        var found: [EntryID] = []
        switch id.kind {
        case .need:
            found += goals.filter { $0.needIDs.contains(id) }.map(\.id)
            found += referrals.filter { $0.needIDs.contains(id) }.map(\.id)
        case .goal:
            found += actions.filter { $0.goalID == id }.map(\.id)
            found += referrals.filter { $0.goalIDs.contains(id) }.map(\.id)
        default:
            break
        }
        return found
    }
}

extension PlanEdit {
    /// Removes any entry by id. Refuses while other entries link to it, so that a link never
    /// points at nothing; ids are never reused, so the id stays retired.
    public static func remove(_ id: EntryID) -> PlanEdit {
        PlanEdit("remove \(id.kind.noun) \(id)") { plan, _ throws(PlanEditError) in
            let linked = plan.references(to: id)
            guard linked.isEmpty else {
                throw PlanEditError("\(id) is linked from \(linked.map(\.description).joined(separator: ", ")); unlink or remove those first")
            }
            switch id.kind {
            case .aboutMe: plan.aboutMe.entries.remove(at: try plan.position(of: id, in: plan.aboutMe.entries))
            case .strength: plan.strengths.remove(at: try plan.position(of: id, in: plan.strengths))
            case .need: plan.needs.remove(at: try plan.position(of: id, in: plan.needs))
            case .goal: plan.goals.remove(at: try plan.position(of: id, in: plan.goals))
            case .action: plan.actions.remove(at: try plan.position(of: id, in: plan.actions))
            case .referral: plan.referrals.remove(at: try plan.position(of: id, in: plan.referrals))
            case .review: plan.review.held.remove(at: try plan.position(of: id, in: plan.review.held))
            case .note: plan.notes.remove(at: try plan.position(of: id, in: plan.notes))
            case .episode:
                _ = try plan.position(of: id, in: plan.episodes)
                throw PlanEditError(
                    "\(id) is the record of a referral received and of what was done; it is not removed: discharge it instead (episode discharge \(id) other --note ...)"
                )
            case .contact:
                if let index = plan.professionalContacts.firstIndex(where: { $0.id == id }) {
                    plan.professionalContacts.remove(at: index)
                } else {
                    plan.personalContacts.remove(at: try plan.position(of: id, in: plan.personalContacts))
                }
                plan.contingency.contactIDs.removeAll { $0 == id }
            }
            return "remove \(id.kind.noun) \(id)"
        }
    }
}
