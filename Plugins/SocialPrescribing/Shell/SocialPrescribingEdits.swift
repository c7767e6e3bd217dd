import CarePlanCore

/// The social prescribing module's edits, built here rather than in its commands, so the same
/// change and checks serve any front end.
extension PlanEdit {
    /// Links the person to a service (a referral starts referred, a signpost suggested), made
    /// on `date` (the day of the edit when nil); the plan needs it addresses must exist.
    static func addLink(
        to service: ServiceReference, kind: LinkKind, for determinant: Determinant, needs: [EntryID], followUp: CalendarDate?,
        on date: CalendarDate?
    ) -> PlanEdit {
        .section(SocialPrescribingSection.self, "link") { section, plan, context throws(PlanEditError) in
            for need in needs { _ = try plan.position(of: need, in: plan.needs) }
            let id = section.issueID("L")
            let status: LinkStatus = kind == .referral ? .referred : .suggested
            section.links.append(
                SocialPrescriptionLink(
                    id: id, service: service, kind: kind, determinant: determinant, needIds: needs.map(\.description), status: status,
                    on: date ?? context.today, followUpOn: followUp))
            return "add link \(id): \(kind.label) to \(service.name)"
        }
    }

    /// Moves a link on, dated `day` (the day of the edit when nil), never before its last step;
    /// its SNOMED CT codes follow the new status.
    static func moveLink(_ id: String, to status: LinkStatus, on day: CalendarDate?) -> PlanEdit {
        .section(SocialPrescribingSection.self, "link \(id)") { section, _, context throws(PlanEditError) in
            guard let index = section.links.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no link \(id) in this plan") }
            var link = section.links[index]
            guard link.status.allowedNext.contains(status) else {
                throw PlanEditError("\(id) is \(link.status.label); it can move to \(link.status.allowedNext.map(\.rawValue).joined(separator: ", "))")
            }
            let date = day ?? context.today
            if let last = link.history.last, date < last.on { throw PlanEditError("\(date) is before \(id)'s last step (\(last.on))") }
            link.status = status
            link.history.append(LinkStatusChange(status: status, on: date))
            if status == .referred { link.kind = .referral }
            link.recode()
            section.links[index] = link
            return "link \(id) \(status.label)"
        }
    }

    /// Records how a link went (when `text` is given) and the next check (`.some(nil)` clears it).
    static func recordLinkOutcome(_ id: String, _ text: String?, followUp: CalendarDate??) -> PlanEdit {
        .section(SocialPrescribingSection.self, "link \(id)") { section, _, _ throws(PlanEditError) in
            guard let index = section.links.firstIndex(where: { $0.id == id }) else { throw PlanEditError("there is no link \(id) in this plan") }
            if let text { section.links[index].outcome = text }
            if let followUp { section.links[index].followUpOn = followUp }
            return "link \(id) outcome"
        }
    }

    /// Records ONS4 wellbeing; the first ONS4 is the baseline unless another is marked so.
    static func recordONS4(_ scores: ONS4, on day: CalendarDate?, baseline: Bool) -> PlanEdit {
        .section(SocialPrescribingSection.self, "ons4") { section, _, context in
            let id = section.issueID("W")
            let first = !section.measures.contains { $0.ons4 != nil }
            let timepoint: Timepoint = baseline || first ? .baseline : .followUp
            section.measures.append(WellbeingMeasure(id: id, takenOn: day ?? context.today, timepoint: timepoint, ons4: scores))
            return "add ONS4 \(id) (\(timepoint.label))"
        }
    }

    /// Records another measure as entered; no scoring is invented.
    static func recordMeasure(_ name: String, score: String, on day: CalendarDate?, baseline: Bool) -> PlanEdit {
        .section(SocialPrescribingSection.self, "measure") { section, _, context in
            let id = section.issueID("W")
            section.measures.append(
                WellbeingMeasure(id: id, takenOn: day ?? context.today, timepoint: baseline ? .baseline : .followUp, name: name, rawScore: score))
            return "add \(name) \(id)"
        }
    }
}
