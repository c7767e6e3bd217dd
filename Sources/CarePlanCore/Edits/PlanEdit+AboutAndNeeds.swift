/// Edits to About me, strengths and needs, built here so every front end makes the same
/// change with the same checks.
extension PlanEdit {
    /// What `editNeed` changes: nil leaves a field alone; for optional fields `.some(nil)`
    /// clears it.
    public struct NeedChanges: Sendable, Equatable {
        public var text: String?
        public var domain: NeedDomain?
        public var score: Int??
        public var raised: CalendarDate??

        /// No change.
        public init() {}
    }

    /// Adds what the person says under an About me heading.
    public static func addAboutMe(_ heading: AboutMeHeading, _ text: String) -> PlanEdit {
        PlanEdit("about me") { plan, _ in
            let id = plan.issueID(.aboutMe)
            plan.aboutMe.entries.append(AboutMeEntry(id: id, heading: heading, text: text))
            return "add about-me entry \(id) (\(heading.title))"
        }
    }

    /// Replaces the words of an About me entry.
    public static func editAboutMe(_ id: EntryID, _ text: String) -> PlanEdit {
        PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
            plan.aboutMe.entries[try plan.position(of: id, in: plan.aboutMe.entries)].text = text
            return "edit about-me entry \(id)"
        }
    }

    /// Records when About me was written (nil clears it) and, if given, who helped
    /// (`.some(nil)` clears that).
    public static func aboutMeWritten(on date: CalendarDate?, supportedBy helper: String??) -> PlanEdit {
        PlanEdit("about me written") { plan, _ in
            plan.aboutMe.writtenOn = date
            if let helper { plan.aboutMe.supportedToWriteBy = helper }
            return "about me written \(date?.description ?? "(cleared)")"
        }
    }

    /// Adds a strength.
    public static func addStrength(_ text: String) -> PlanEdit {
        PlanEdit("add strength") { plan, _ in
            let id = plan.issueID(.strength)
            plan.strengths.append(Strength(id: id, text: text))
            return "add strength \(id)"
        }
    }

    /// Replaces the words of a strength.
    public static func editStrength(_ id: EntryID, _ text: String) -> PlanEdit {
        PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
            plan.strengths[try plan.position(of: id, in: plan.strengths)].text = text
            return "edit strength \(id)"
        }
    }

    /// Adds a need or concern in the person's words, raised on `raised`.
    public static func addNeed(_ text: String, domain: NeedDomain, score: Int? = nil, raised: CalendarDate?) -> PlanEdit {
        PlanEdit("add need") { plan, _ in
            let id = plan.issueID(.need)
            plan.needs.append(Need(id: id, description: text, domain: domain, concernScore: score, raisedOn: raised))
            return "add need \(id)"
        }
    }

    /// Changes a need's words, domain, score or date.
    public static func editNeed(_ id: EntryID, _ changes: NeedChanges) -> PlanEdit {
        PlanEdit("edit \(id)") { plan, _ throws(PlanEditError) in
            let index = try plan.position(of: id, in: plan.needs)
            if let text = changes.text { plan.needs[index].description = text }
            if let domain = changes.domain { plan.needs[index].domain = domain }
            if let score = changes.score { plan.needs[index].concernScore = score }
            if let raised = changes.raised { plan.needs[index].raisedOn = raised }
            return "edit need \(id)"
        }
    }

    /// Sets where a need stands.
    public static func setNeedStatus(_ id: EntryID, to status: NeedStatus) -> PlanEdit {
        PlanEdit("need \(id) \(status.label)") { plan, _ throws(PlanEditError) in
            plan.needs[try plan.position(of: id, in: plan.needs)].status = status
            return "need \(id) \(status.label)"
        }
    }
}
