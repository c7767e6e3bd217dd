import CarePlanCore

/// What the person's own plan says about care coordination: the appointments and tests
/// being arranged for them and what happens next. The coordinator's tasks, owners,
/// priorities and pathway timing (day counts, at risk, breached) stay in the staff view.
struct CareCoordinationPersonText: PersonDocumentContribution {
    let title = "My appointments and tests"

    func sentences(for plan: Plan, style: TextStyle) -> [String] {
        guard let section = try? SectionCodec.read(CareCoordinationSection.self, from: plan) else { return [] }
        return section.tracked.map { item in
            let place = item.place.map { " at \($0)" } ?? ""
            let day = item.on.map { style.date($0) }
            let missed = item.history.last { $0.status == .didNotAttend }
            switch item.status {
            case .toBook:
                return "\(item.what)\(place): this is being booked for me" + (day.map { " (by \($0))" } ?? "") + "."
            case .booked:
                return "\(item.what)\(place)" + (day.map { " on \($0)" } ?? "") + "."
            case .rebooked:
                let before = missed.map { " I missed the appointment on \(style.date($0.on)); the new one is" } ?? " The new appointment is"
                return "\(item.what)\(place).\(before)" + (day.map { " on \($0)." } ?? " being arranged.")
            case .didNotAttend:
                return "\(item.what)\(place): I missed the appointment" + (missed.map { " on \(style.date($0.on))" } ?? "")
                    + ". Someone will be in touch to arrange a new one."
            case .attended:
                return "\(item.what)\(place): I went" + (item.history.last.map { " on \(style.date($0.on))" } ?? "") + "."
            case .resultReceived:
                return "\(item.what): the results are back; my care team will talk them through with me."
            }
        }
    }
}
