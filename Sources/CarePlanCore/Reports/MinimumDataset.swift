/// The four sets of the PRSB Social Prescribing Information Standard's minimum dataset.
public enum DatasetSet: String, Vocabulary {
    case demographics
    case needs = "needs-and-concerns"
    case support = "support-offered"
    case outcomes
}

/// One item of the minimum dataset: one fact about one person, coded where careplan codes it.
///
/// Only `text` ever holds what a person typed; every other field is an id, a date, a number, a
/// code or a word of careplan's own vocabularies, so leaving `text` and `display` out (with
/// `--codes-only`) leaves no free text at all.
public struct DatasetRow: Sendable, Equatable {
    public var set: DatasetSet
    /// The plan the fact belongs to.
    public var planID: String
    /// The referral episode, for facts of one.
    public var episode: String?
    /// The service of the episode ("SPLW").
    public var service: String?
    /// What the fact is: "ethnic category", "need", "contact".
    public var item: String
    /// The code system, named by its URL or careplan's vocabulary name.
    public var system: String?
    public var code: String?
    /// The code's meaning, from the code system or code list (left out with `--codes-only`,
    /// since an imported plan can carry any words there).
    public var display: String?
    /// A number or a value of careplan's vocabularies ("21", "attended").
    public var value: String?
    public var date: CalendarDate?
    /// Words a person typed (left out with `--codes-only`).
    public var text: String?

    /// A fact of `set` about `planID`.
    public init(
        _ set: DatasetSet, planID: String, episode: String? = nil, service: String? = nil, item: String, system: String? = nil,
        code: String? = nil, display: String? = nil, value: String? = nil, date: CalendarDate? = nil, text: String? = nil
    ) {
        self.set = set
        self.planID = planID
        self.episode = episode
        self.service = service
        self.item = item
        self.system = system
        self.code = code
        self.display = display
        self.value = value
        self.date = date
        self.text = text
    }

    /// The row with every free-text field left out.
    public var codesOnly: DatasetRow {
        var row = self
        row.display = nil
        row.text = nil
        return row
    }
}

/// The minimum dataset for a period: who was supported, what mattered, what was offered and
/// what came of it (`careplan dataset`).
///
/// A person is in it when one of their referral episodes (of the chosen service, if any) was
/// open at some time in the period: received by its last day, and neither declined nor
/// discharged before its first. Their demographics, needs and goals are given as they stand;
/// episode events (of the chosen service's episodes), onward referrals, the modules' links and
/// measures only when they fall in the period. Needs, goals and the modules' records are the
/// person's, whichever service is chosen.
public struct MinimumDataset: Sendable {
    public var from: CalendarDate
    public var to: CalendarDate
    /// Only plans whose GP practice has this ODS code, if given.
    public var practice: String?
    /// Only episodes of this service, if given.
    public var service: ReferralRecipient?
    var contributions: [any ReportContribution]

    /// NHS Data Dictionary code systems, named as the Data Dictionary names the data elements.
    public enum System {
        public static let ethnicCategory = FHIR.ethnicCategorySystem
        public static let phenotypicSex = "NHS Data Dictionary PERSON PHENOTYPIC SEX"
        public static let genderIdentity = "NHS Data Dictionary GENDER IDENTITY CODE"
        public static let administrativeGender = "http://hl7.org/fhir/administrative-gender"
        public static let ods = FHIR.odsSystem
        public static let snomed = FHIR.snomed
        /// careplan's own vocabularies, by name ("careplan:NeedDomain").
        public static func careplan(_ vocabulary: String) -> String { "careplan:" + vocabulary }
    }

    /// The dataset's definition for a period, with what the modules of `plugins` add.
    public init(from: CalendarDate, to: CalendarDate, plugins: PluginHost = .none, practice: String? = nil, service: ReferralRecipient? = nil) {
        self.from = from
        self.to = to
        self.practice = practice?.uppercased()
        self.service = service
        contributions = plugins.registrar.reportContributions
    }

    private func within(_ day: CalendarDate?) -> Bool { day.map { $0 >= from && $0 <= to } ?? false }

    /// True when `episode` was open at some time in the period.
    func wasOpen(_ episode: ReferralEpisode) -> Bool {
        guard episode.receivedOn <= to else { return false }
        if let answer = episode.answer, answer.decision == .declined, answer.on < from { return false }
        if let discharge = episode.discharge, discharge.on < from { return false }
        return true
    }

    /// The rows for one plan, empty when the person is not in the dataset; `decile` is the IMD
    /// decile of their postcode when the lookup holds it.
    public func rows(for plan: Plan, decile: Int?) -> [DatasetRow] {
        if let practice, plan.person.gpPractice?.odsCode?.uppercased() != practice { return [] }
        let episodes = plan.episodes.filter { (service == nil || $0.service == service) && wasOpen($0) }
        guard !episodes.isEmpty else { return [] }
        var rows = demographics(plan, decile: decile)
        rows += needs(plan, episodes)
        for episode in episodes { rows += support(plan.id, episode) }
        for referral in plan.referrals {
            guard let made = referral.history.first?.on, within(made) else { continue }
            rows.append(
                DatasetRow(
                    .support, planID: plan.id, item: "onward referral", system: System.careplan("ReferralRecipient"), code: referral.recipient.rawValue,
                    display: referral.recipient.title, value: referral.status.rawValue, date: made,
                    text: [referral.serviceName, referral.reason].compactMap { $0 }.joined(separator: ": ")))
        }
        for goal in plan.goals where goal.lifecycleStatus != .enteredInError {
            rows.append(
                DatasetRow(
                    .outcomes, planID: plan.id, item: "goal", system: System.careplan("GoalAchievementStatus"), code: goal.achievementStatus?.rawValue,
                    value: goal.lifecycleStatus.rawValue, date: goal.targetDate, text: goal.description))
        }
        for contribution in contributions { rows += contribution.datasetRows(in: plan, from: from, to: to) }
        // The four sets in order, each keeping the order its facts were added in.
        let order = Dictionary(uniqueKeysWithValues: DatasetSet.allCases.enumerated().map { ($1, $0) })
        return rows.enumerated().sorted { (order[$0.element.set] ?? 0, $0.offset) < (order[$1.element.set] ?? 0, $1.offset) }.map(\.element)
    }

    private func demographics(_ plan: Plan, decile: Int?) -> [DatasetRow] {
        let person = plan.person
        func row(
            _ item: String, system: String? = nil, code: String? = nil, display: String? = nil, value: String? = nil, date: CalendarDate? = nil
        ) -> DatasetRow {
            DatasetRow(.demographics, planID: plan.id, item: item, system: system, code: code, display: display, value: value, date: date)
        }
        var rows = [
            row("date of birth", date: person.dateOfBirth),
            row("sex at birth", system: System.phenotypicSex, code: (person.sexAtBirth ?? .notKnown).code, display: (person.sexAtBirth ?? .notKnown).label),
            row("gender", system: System.administrativeGender, code: (person.gender ?? .unknown).rawValue, display: (person.gender ?? .unknown).label),
            row(
                "ethnic category", system: System.ethnicCategory, code: (person.ethnicCategory ?? .notKnown).rawValue,
                display: (person.ethnicCategory ?? .notKnown).label),
            row("IMD decile", value: decile.map(String.init) ?? "unknown"),
        ]
        if let identity = person.genderIdentity {
            rows.insert(row("gender identity", system: System.genderIdentity, code: identity.code, display: identity.label), at: 3)
        }
        if let ods = person.gpPractice?.odsCode { rows.append(row("GP practice", system: System.ods, code: ods.uppercased())) }
        return rows
    }

    private func needs(_ plan: Plan, _ episodes: [ReferralEpisode]) -> [DatasetRow] {
        var rows = episodes.map { episode in
            DatasetRow(
                .needs, planID: plan.id, episode: episode.id.description, service: episode.service.abbreviation, item: "reason for referral",
                system: episode.reasonDomain.map { _ in System.careplan("NeedDomain") }, code: episode.reasonDomain?.rawValue,
                display: episode.reasonDomain?.label, date: episode.receivedOn, text: episode.reason)
        }
        for need in plan.needs {
            rows.append(
                DatasetRow(
                    .needs, planID: plan.id, item: "need", system: System.careplan("NeedDomain"), code: need.domain.rawValue, display: need.domain.label,
                    value: need.concernScore.map(String.init), date: need.raisedOn, text: need.description))
        }
        return rows
    }

    private func support(_ planID: String, _ episode: ReferralEpisode) -> [DatasetRow] {
        let id = episode.id.description
        let service = episode.service.abbreviation
        func row(
            _ item: String, vocabulary: String? = nil, code: String? = nil, display: String? = nil, value: String? = nil, date: CalendarDate?,
            text: String? = nil
        ) -> DatasetRow {
            DatasetRow(
                .support, planID: planID, episode: id, service: service, item: item, system: vocabulary.map(System.careplan), code: code,
                display: display, value: value, date: date, text: text)
        }
        var rows: [DatasetRow] = []
        if within(episode.receivedOn) {
            rows.append(
                row("referral received", vocabulary: "ReferralSource", code: episode.source.rawValue, display: episode.source.label, date: episode.receivedOn))
        }
        if let answer = episode.answer, within(answer.on) {
            rows.append(
                row(
                    "answer", vocabulary: answer.reason == nil ? nil : "DeclineReason", code: answer.reason?.rawValue, display: answer.reason?.label,
                    value: answer.decision.rawValue, date: answer.on))
        }
        if let first = episode.firstContactOn, within(first) {
            rows.append(row("first contact", value: String(episode.receivedOn.days(until: first)), date: first))
        }
        for contact in episode.contacts where within(contact.on) {
            rows.append(
                row(
                    contact.attended ? "contact" : "contact not attended", vocabulary: "ContactMode", code: contact.mode.rawValue,
                    display: contact.mode.label, value: contact.durationMinutes.map(String.init), date: contact.on))
        }
        for code in episode.codes where within(code.on) {
            let snomed = code.code.allSatisfy(\.isNumber)
            rows.append(
                DatasetRow(
                    .support, planID: planID, episode: id, service: service, item: "code recorded",
                    system: snomed ? System.snomed : System.careplan("LocalCode"),
                    code: code.code, display: code.display, date: code.on))
        }
        if let discharge = episode.discharge, within(discharge.on) {
            rows.append(
                row(
                    "discharge", vocabulary: "DischargeReason", code: discharge.reason.rawValue, display: discharge.reason.label, date: discharge.on,
                    text: discharge.note))
        }
        return rows
    }
}
