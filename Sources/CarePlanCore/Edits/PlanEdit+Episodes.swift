extension PlanEdit {
    /// Records a referral one of our services received on `day`; its answer is due
    /// `respondBy`, else `responseDays` (the deployment's setting) after receipt.
    public static func receiveReferral(
        for service: ReferralRecipient, reason: String, from source: ReferralSource, referrer: String? = nil,
        organisation: String? = nil, urgency: ReferralUrgency = .routine, on day: CalendarDate, respondBy: CalendarDate? = nil,
        requestReference: String? = nil, responseDays: Int = ReferralEpisode.defaultResponseDays, reasonDomain: NeedDomain? = nil
    ) -> PlanEdit {
        PlanEdit("receive referral") { plan, _ throws(PlanEditError) in
            guard service != .otherService else { throw PlanEditError("a referral is received by SPLW, HWBC or CC") }
            if let respondBy, respondBy < day { throw PlanEditError("the answer cannot be due (\(respondBy)) before the referral was received (\(day))") }
            let id = plan.issueID(.episode)
            var episode = ReferralEpisode(
                id: id, service: service, receivedOn: day, source: source, reason: reason, urgency: urgency,
                responseDueOn: respondBy ?? day.adding(days: responseDays))
            episode.referrerName = referrer
            episode.referrerOrganisation = organisation
            episode.requestReference = requestReference
            episode.reasonDomain = reasonDomain
            plan.episodes.append(episode)
            return "receive referral \(id) for \(service.abbreviation), answer due \(episode.responseDueOn)"
        }
    }

    /// Accepts a referral received, or declines it with a reason. A declined social
    /// prescribing referral records SNOMED CT 871711000000103.
    public static func answerReferral(
        _ id: EntryID, _ decision: EpisodeDecision, reason: DeclineReason? = nil, on day: CalendarDate, localCodes: LocalCodeList = .empty
    ) -> PlanEdit {
        episodeEdit(id, "\(decision.rawValue) \(id)", on: day) { episode throws(PlanEditError) in
            guard episode.answer == nil else {
                throw PlanEditError("\(id) was already \(episode.answer?.decision.rawValue ?? "answered") on \(episode.answer.map { "\($0.on)" } ?? "")")
            }
            guard day >= episode.receivedOn else { throw PlanEditError("\(id) was received on \(episode.receivedOn); it cannot be answered before") }
            if decision == .declined, reason == nil { throw PlanEditError("declining \(id) needs the reason") }
            episode.answer = EpisodeAnswer(decision: decision, on: day, reason: decision == .declined ? reason : nil)
            if decision == .declined, episode.service == .socialPrescribingLinkWorker {
                episode.codes.append(.socialPrescribingDeclined(on: day))
            }
            let added = episode.record(localCodes.codes(for: episode.service, at: decision == .accepted ? .accepted : .declined, on: day))
            return "\(id) \(decision.rawValue) on \(day)" + added
        }
    }

    /// Records a contact. The first attended one ends the wait; for social prescribing it
    /// records SNOMED CT 871731000000106, once per episode.
    public static func recordEpisodeContact(
        _ id: EntryID, mode: ContactMode, minutes: Int? = nil, attended: Bool = true, on day: CalendarDate,
        localCodes: LocalCodeList = .empty
    ) -> PlanEdit {
        episodeEdit(id, "contact in \(id)", on: day) { episode throws(PlanEditError) in
            guard episode.answer?.decision == .accepted else { throw PlanEditError("\(id) is \(episode.state.rawValue): accept it before recording contacts") }
            guard episode.discharge == nil else { throw PlanEditError("\(id) was discharged; reopen it first") }
            guard let answered = episode.answer?.on, day >= answered else { throw PlanEditError("a contact cannot be before \(id) was accepted") }
            if let minutes, !(1...600).contains(minutes) { throw PlanEditError("a contact lasts 1 to 600 minutes, not \(minutes)") }
            episode.contacts.append(EpisodeContact(on: day, mode: mode, durationMinutes: minutes, attended: attended))
            episode.contacts.sort { $0.on < $1.on }
            var said = "\(id) contact on \(day)" + (attended ? "" : " (did not attend)")
            if attended, episode.firstContactOn.map({ day < $0 }) ?? true {
                episode.firstContactOn = day
                said += ", first contact after \(episode.receivedOn.days(until: day)) days"
                said += episode.record(localCodes.codes(for: episode.service, at: .firstContact, on: day))
            }
            if attended, episode.service == .socialPrescribingLinkWorker, !episode.codes.contains(where: { $0.code == "871731000000106" }) {
                episode.codes.append(.socialPrescribingReferral(on: day))
                said += "; code 871731000000106 recorded"
            }
            return said
        }
    }

    /// Records an attempt to reach the person at `instant` (RFC 3339 UTC).
    public static func recordAttempt(_ id: EntryID, _ outcome: AttemptOutcome, at instant: String) -> PlanEdit {
        episodeEdit(id, "call for \(id)") { episode throws(PlanEditError) in
            guard episode.discharge == nil, episode.answer?.decision != .declined else {
                throw PlanEditError("\(id) is \(episode.state.rawValue): reopen it before calling")
            }
            episode.attempts.append(ContactAttempt(at: instant, outcome: outcome))
            let failed = episode.failedAttemptsInARow
            return "\(id) call: \(outcome.label)" + (failed >= 3 ? " (\(failed) calls without reaching them: consider discharging as lost-contact)" : "")
        }
    }

    /// Discharges an episode.
    public static func dischargeEpisode(
        _ id: EntryID, _ reason: DischargeReason, note: String? = nil, on day: CalendarDate, localCodes: LocalCodeList = .empty
    ) -> PlanEdit {
        episodeEdit(id, "discharge \(id)", on: day) { episode throws(PlanEditError) in
            guard episode.answer?.decision == .accepted else {
                throw PlanEditError("\(id) is \(episode.state.rawValue): only an accepted referral is discharged")
            }
            guard episode.discharge == nil else { throw PlanEditError("\(id) is already discharged") }
            let latest = [episode.answer?.on, episode.contacts.last?.on].compactMap { $0 }.max() ?? episode.receivedOn
            guard day >= latest else { throw PlanEditError("\(id) cannot be discharged before its last step (\(latest))") }
            episode.discharge = EpisodeDischarge(on: day, reason: reason, note: note)
            return "\(id) discharged on \(day) (\(reason.label))" + episode.record(localCodes.codes(for: episode.service, at: .discharged, on: day))
        }
    }

    /// Reopens a discharged or declined episode; the note says why, and how it had closed is kept.
    public static func reopenEpisode(_ id: EntryID, note: String, on day: CalendarDate) -> PlanEdit {
        episodeEdit(id, "reopen \(id)", on: day) { episode throws(PlanEditError) in
            let closed: String
            if let discharge = episode.discharge {
                guard day >= discharge.on else { throw PlanEditError("\(id) cannot be reopened before it was discharged (\(discharge.on))") }
                closed = "discharged \(discharge.on) (\(discharge.reason.rawValue))"
                episode.discharge = nil
            } else if let answer = episode.answer, answer.decision == .declined {
                guard day >= answer.on else { throw PlanEditError("\(id) cannot be reopened before it was declined (\(answer.on))") }
                closed = "declined \(answer.on) (\(answer.reason?.rawValue ?? "other"))"
                episode.answer = nil
            } else {
                throw PlanEditError("\(id) is \(episode.state.rawValue), not closed")
            }
            episode.reopenings.append(EpisodeReopening(on: day, note: note, closed: closed))
            return "\(id) reopened on \(day)"
        }
    }

    /// An edit of one episode; the referral a team episode came from follows it, dated the
    /// edit's day.
    private static func episodeEdit(
        _ id: EntryID, _ summary: String, on day: CalendarDate? = nil,
        _ change: @escaping @Sendable (inout ReferralEpisode) throws(PlanEditError) -> String
    ) -> PlanEdit {
        PlanEdit(summary) { plan, context throws(PlanEditError) in
            let index = try plan.position(of: id, in: plan.episodes)
            let said = try change(&plan.episodes[index])
            return said + plan.followTeamEpisode(plan.episodes[index], on: day ?? context.today)
        }
    }
}

extension ReferralEpisode {
    /// Records the PCN's codes not already recorded for this episode; says which, for the
    /// message ("; codes YPC01 recorded"), or "" when none.
    mutating func record(_ codes: [RecordedCode]) -> String {
        let new = codes.filter { code in !self.codes.contains { $0.code == code.code } }
        self.codes += new
        return new.isEmpty ? "" : "; code\(new.count == 1 ? "" : "s") \(new.map(\.code).joined(separator: ", ")) recorded"
    }
}
