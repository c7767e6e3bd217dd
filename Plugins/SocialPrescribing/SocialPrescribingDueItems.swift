import CarePlanCore

extension DueItemKind {
    /// A link to a service still open, on its follow-up day.
    static let linkFollowUp: Self = "link-follow-up"
}

/// What social prescribing puts on the worklist: each open link's follow-up, owned by the
/// plan's key worker.
struct SocialPrescribingDueItems: DueItemProvider {
    func dueItems(in plan: Plan) -> [DueItem] {
        guard let section = try? SectionCodec.read(SocialPrescribingSection.self, from: plan) else { return [] }
        return section.links.compactMap { link in
            guard let due = link.followUpOn, link.status != .declined, link.status != .completed else { return nil }
            return DueItem(
                source: SocialPrescribingSection.moduleID, entryID: link.id, kind: .linkFollowUp,
                title: "follow up \(link.service.name) (\(link.status.label))", owner: plan.responsibleWorker, dueOn: due)
        }
    }
}
