/// Referrals between the roles of one team, on the one plan they share: the sender's
/// referral and the receiver's episode are two views of one piece of work, kept in step.
extension Plan {
    /// When `referral` is sent to a role in the team and that role has no open episode for it,
    /// receives it: an episode from "another role in the team", in that role's inbox.
    /// Returns what to add to the edit's message ("; in the HWBC inbox as E2"), or "".
    mutating func deliverInTeam(_ referral: Referral, responseDays: Int) -> String {
        guard referral.recipient != .otherService, referral.status == .requested else { return "" }
        let open = episodes.contains { episode in
            episode.fromReferral == referral.id && episode.state != .declined && episode.state != .discharged
        }
        guard !open else { return "" }
        let sent = referral.history.last?.on ?? referral.history.first?.on
        guard let sent else { return "" }
        let id = issueID(.episode)
        var episode = ReferralEpisode(
            id: id, service: referral.recipient, receivedOn: sent, source: .team, reason: referral.reason,
            responseDueOn: referral.responseDueOn ?? sent.adding(days: responseDays))
        episode.referrerName = referral.referrer
        episode.fromReferral = referral.id
        // What the referral is about, from the first need it addresses.
        let needs = self.needs
        episode.reasonDomain = referral.needIDs.lazy.compactMap { id in needs.first { $0.id == id }?.domain }.first
        episodes.append(episode)
        return "; in the \(referral.recipient.abbreviation) inbox as \(id)"
    }

    /// Moves the referral a team episode came from to the status that matches the episode,
    /// step by allowed step, each dated `day`. A referral its sender cancelled is left alone.
    /// Returns what to add to the edit's message ("; R2 accepted"), or "".
    mutating func followTeamEpisode(_ episode: ReferralEpisode, on day: CalendarDate) -> String {
        guard let referralID = episode.fromReferral, let index = referrals.firstIndex(where: { $0.id == referralID }) else { return "" }
        var referral = referrals[index]
        guard referral.status != .cancelled else { return "" }
        let wanted = Self.referralStatus(matching: episode)
        guard referral.status != wanted, let steps = ReferralStatus.path(from: referral.status, to: wanted) else { return "" }
        // A step is never dated before the referral's last one.
        let on = max(day, referral.history.last?.on ?? day)
        for step in steps { referral.history.append(ReferralStatusChange(status: step, on: on)) }
        referral.status = wanted
        referrals[index] = referral
        return "; \(referral.id) \(wanted.label)"
    }

    /// The status the sender's referral has while the team episode is where it is.
    static func referralStatus(matching episode: ReferralEpisode) -> ReferralStatus {
        switch episode.state {
        case .awaitingAnswer: .requested
        case .declined: .rejected
        case .accepted: .accepted
        case .inContact: .inProgress
        case .discharged: episode.discharge?.reason == .declinedFurtherSupport ? .declinedByPerson : .completed
        }
    }
}

extension ReferralStatus {
    /// The shortest run of allowed moves from `start` to `end` (not including `start`), or nil
    /// when `end` cannot be reached.
    package static func path(from start: ReferralStatus, to end: ReferralStatus) -> [ReferralStatus]? {
        var previous: [ReferralStatus: ReferralStatus] = [:]
        var queue = [start], seen: Set<ReferralStatus> = [start]
        while !queue.isEmpty {
            let status = queue.removeFirst()
            if status == end {
                var steps: [ReferralStatus] = []
                var current = end
                while current != start, let before = previous[current] {
                    steps.insert(current, at: 0)
                    current = before
                }
                return steps
            }
            for next in status.allowedNext where seen.insert(next).inserted {
                previous[next] = status
                queue.append(next)
            }
        }
        return nil
    }
}
