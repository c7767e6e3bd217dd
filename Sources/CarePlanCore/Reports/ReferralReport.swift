/// What the referrals our services received came to over a period, across a caseload: the
/// figures a PCN manager reports (issue 10, in part). Counted from the plans alone, one plan
/// at a time, so any caseload size fits in memory.
///
/// Periods are inclusive of both days. An episode counts as received in the period by its
/// `receivedOn`, answered by its answer's day, contacted by each contact's day, discharged by
/// its discharge day; its wait to first contact counts in the period of that first contact.
/// Percentiles are nearest-rank: the value at rank ⌈p × n / 100⌉ of the sorted list.
public struct ReferralReport: Sendable, Equatable {
    /// The first day counted.
    public var from: CalendarDate
    /// The last day counted.
    public var to: CalendarDate

    /// Referrals received, by service.
    public var received: [String: Int] = [:]
    /// Referrals received, by source.
    public var receivedBySource: [String: Int] = [:]
    /// Referrals received, by the area of life they are about ("not coded" without one).
    public var receivedByReason: [String: Int] = [:]
    /// Referrals received in all.
    public var receivedTotal = 0
    /// Referrals accepted in the period.
    public var accepted = 0
    /// Referrals declined in the period.
    public var declined = 0
    /// Declines in the period, by reason.
    public var declinedByReason: [String: Int] = [:]
    /// Days from receipt to first contact, for first contacts in the period.
    public var waits: [Int] = []
    /// Contacts in the period, by mode.
    public var contactsByMode: [String: Int] = [:]
    /// Contacts in the period.
    public var contactsTotal = 0
    /// Contacts in the period the person did not attend.
    public var didNotAttend = 0
    /// Discharges in the period, by reason.
    public var dischargesByReason: [String: Int] = [:]
    /// Episodes open on the last day, by service.
    public var openAtEnd: [String: Int] = [:]
    /// Episodes open on the last day, by the worker who looks after the plan
    /// (`Plan.responsibleWorker`).
    public var caseloadByWorker: [String: Int] = [:]
    /// People with a referral received in the period, by how many they had: "1", "2", "3 or more".
    public var peopleByEpisodes: [String: Int] = [:]
    /// People discharged in the period (from any episode counted).
    public var peopleDischarged = 0
    /// Their plans' goals, leaving out any entered in error.
    public var goalsOfDischarged = 0
    /// Those goals achieved (achieved or sustaining).
    public var goalsAchieved = 0
    /// Codes recorded in the period: "code display" to count.
    public var codes: [String: Int] = [:]
    /// What the modules count (`ReportContribution`): section to item to count.
    public var moduleCounts: [String: [String: Int]] = [:]
    /// The modules' outcomes: section to item to tally.
    public var outcomes: [String: [String: OutcomeTally]] = [:]
    /// The modules' contributions, in registration order.
    var contributions: [any ReportContribution] = []

    /// Only plans whose GP practice has this ODS code, if given.
    public var practice: String?
    /// Only episodes of this service, if given; the modules' figures are not any one
    /// service's, so they are left out then.
    public var service: ReferralRecipient?
    /// Only plans this worker looks after (`Plan.responsibleWorker`, ignoring case and accents), if given.
    public var worker: String?
    /// Only referrals from this organisation (the referrer's, ignoring case and accents), if
    /// given; the modules' figures are not any one referrer's, so they are left out then.
    public var organisation: String?
    /// What every figure is broken down by, if anything.
    public private(set) var breakdown: ReportBreakdown?
    /// The same report for each group of `breakdown`, every group present.
    public private(set) var groups: [String: ReferralReport] = [:]

    /// An empty report for the period, with what the modules of `plugins` count, for one
    /// practice and one service if given.
    public init(
        from: CalendarDate, to: CalendarDate, plugins: PluginHost = .none, practice: String? = nil, service: ReferralRecipient? = nil,
        worker: String? = nil, organisation: String? = nil, breakdown: ReportBreakdown? = nil
    ) {
        self.from = from
        self.to = to
        self.practice = practice?.uppercased()
        self.service = service
        self.worker = worker?.trimmingCharacters(in: .whitespaces)
        self.organisation = organisation?.trimmingCharacters(in: .whitespaces)
        self.contributions = service == nil && organisation == nil ? plugins.registrar.reportContributions : []
        if let breakdown {
            self.breakdown = breakdown
            let whole = ReferralReport(
                from: from, to: to, plugins: plugins, practice: practice, service: service, worker: worker, organisation: organisation)
            groups = Dictionary(uniqueKeysWithValues: breakdown.groups.map { ($0, whole) })
        }
    }

    public static func == (lhs: ReferralReport, rhs: ReferralReport) -> Bool {
        lhs.rows(suppressSmall: false) == rhs.rows(suppressSmall: false)
    }

    private func within(_ day: CalendarDate?) -> Bool {
        guard let day else { return false }
        return day >= from && day <= to
    }

    /// Adds one plan: to the whole and, with a breakdown, to its group. `decile` is the IMD
    /// decile of the plan's postcode, when the lookup holds it.
    public mutating func add(_ plan: Plan, decile: Int? = nil) {
        if let practice, plan.person.gpPractice?.odsCode?.uppercased() != practice { return }
        if let worker, !Self.same(plan.responsibleWorker, worker) { return }
        if let breakdown { groups[breakdown.group(of: plan, on: to, decile: decile)]?.add(plan) }
        var receivedHere = 0
        var discharged = false
        for episode in plan.episodes
        where (service == nil || episode.service == service) && (organisation.map { Self.same(episode.referrerOrganisation, $0) } ?? true) {
            let service = episode.service.abbreviation
            if within(episode.receivedOn) {
                received[service, default: 0] += 1
                receivedBySource[episode.source.rawValue, default: 0] += 1
                receivedByReason[episode.reasonDomain?.rawValue ?? "not coded", default: 0] += 1
                receivedTotal += 1
                receivedHere += 1
            }
            if let answer = episode.answer, within(answer.on) {
                if answer.decision == .accepted {
                    accepted += 1
                } else {
                    declined += 1
                    declinedByReason[answer.reason?.rawValue ?? "other", default: 0] += 1
                }
            }
            if let first = episode.firstContactOn, within(first) { waits.append(episode.receivedOn.days(until: first)) }
            for contact in episode.contacts where within(contact.on) {
                contactsByMode[contact.mode.rawValue, default: 0] += 1
                contactsTotal += 1
                if !contact.attended { didNotAttend += 1 }
            }
            if let discharge = episode.discharge, within(discharge.on) {
                dischargesByReason[discharge.reason.rawValue, default: 0] += 1
                discharged = true
            }
            for code in episode.codes where within(code.on) { codes["\(code.code) \(code.display)", default: 0] += 1 }
            if isOpen(episode, on: to) {
                openAtEnd[service, default: 0] += 1
                caseloadByWorker[plan.responsibleWorker ?? "no worker recorded", default: 0] += 1
            }
        }
        if receivedHere > 0 { peopleByEpisodes[receivedHere >= 3 ? "3 or more" : String(receivedHere), default: 0] += 1 }
        if discharged {
            peopleDischarged += 1
            let goals = plan.goals.filter { $0.lifecycleStatus != .enteredInError }
            goalsOfDischarged += goals.count
            goalsAchieved += goals.filter { [.achieved, .sustaining].contains($0.achievementStatus) }.count
        }
        for contribution in contributions {
            for (section, item) in contribution.counts(in: plan, from: from, to: to) { moduleCounts[section, default: [:]][item, default: 0] += 1 }
            for pair in contribution.outcomes(in: plan, from: from, to: to) {
                var tally = outcomes[pair.section, default: [:]][pair.item, default: OutcomeTally()]
                tally.pairs += 1
                tally.totalChange += pair.later - pair.baseline
                if pair.improved { tally.improved += 1 }
                outcomes[pair.section, default: [:]][pair.item] = tally
            }
        }
    }

    /// Adds a plan known only by its digest, for a plan with no date in the period
    /// (`ReportDigest.touches` false): all it can add is its episodes open on the last day.
    public mutating func add(_ digest: ReportDigest, planID: String, decile: Int? = nil) {
        if let practice, digest.practice != practice { return }
        if let worker, !Self.same(digest.worker, worker) { return }
        if let breakdown { groups[breakdown.group(of: digest.person(id: planID), on: to, decile: decile)]?.add(digest, planID: planID) }
        for span in digest.spans where (service == nil || span.service == service) && span.isOpen(on: to) {
            openAtEnd[span.service.abbreviation, default: 0] += 1
            caseloadByWorker[digest.worker ?? "no worker recorded", default: 0] += 1
        }
    }

    /// True when a recorded name is the one asked for, ignoring case and accents.
    static func same(_ recorded: String?, _ wanted: String) -> Bool {
        guard let recorded else { return false }
        return recorded.trimmingCharacters(in: .whitespaces).compare(wanted, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
    }

    /// True when `episode` had been received by `day` and was neither declined nor discharged by it.
    private func isOpen(_ episode: ReferralEpisode, on day: CalendarDate) -> Bool {
        guard episode.receivedOn <= day else { return false }
        if let answer = episode.answer, answer.decision == .declined, answer.on <= day { return false }
        if let discharge = episode.discharge, discharge.on <= day { return false }
        return true
    }

    /// The nearest-rank percentile `p` (1-100) of the waits, or nil when there are none.
    public func waitPercentile(_ p: Int) -> Int? {
        guard !waits.isEmpty else { return nil }
        let sorted = waits.sorted()
        let rank = max(1, (p * sorted.count + 99) / 100)
        return sorted[min(rank, sorted.count) - 1]
    }

    /// The did-not-attend rate in percent, to one decimal, or nil with no contacts.
    public var didNotAttendPercent: Double? {
        guard contactsTotal > 0 else { return nil }
        return (Double(didNotAttend) * 1000 / Double(contactsTotal)).rounded() / 10
    }

    /// One figure of the report.
    public struct Row: Sendable, Equatable {
        /// The part of the report ("received by source").
        public var section: String
        /// What is counted ("gp").
        public var item: String
        /// The figure, as shown ("12", "<8", "-").
        public var value: String
        /// With a breakdown, the figure for each group, in the order of `ReportBreakdown.groups`.
        public var groups: [String] = []
        /// True for a count that shares its section with counts of the same kind, so a bar
        /// chart of the section compares like with like.
        public var charted = false
    }

    /// The report as rows, each with its figure for every group when broken down. Counts from
    /// 1 to 7 read "<8" when `suppressSmall`, for figures shared outside the team.
    public func rows(suppressSmall: Bool) -> [Row] {
        var rows = ownRows(suppressSmall: suppressSmall)
        guard let breakdown else { return rows }
        let byGroup = breakdown.groups.map { group in
            Dictionary(
                (groups[group]?.ownRows(suppressSmall: suppressSmall) ?? []).map { ("\($0.section)\u{0}\($0.item)", $0.value) },
                uniquingKeysWith: { first, _ in first })
        }
        for index in rows.indices {
            let key = "\(rows[index].section)\u{0}\(rows[index].item)"
            rows[index].groups = byGroup.map { $0[key] ?? "0" }
        }
        return rows
    }

    private func ownRows(suppressSmall: Bool) -> [Row] {
        func count(_ value: Int) -> String { suppressSmall && (1...7).contains(value) ? "<8" : String(value) }
        var rows: [Row] = []
        func add(_ section: String, _ counts: [String: Int]) {
            for (item, value) in counts.sorted(by: { $0.key < $1.key }) {
                rows.append(Row(section: section, item: item, value: count(value), charted: true))
            }
        }
        rows.append(Row(section: "received", item: "total", value: count(receivedTotal)))
        add("received by service", received)
        add("received by source", receivedBySource)
        add("received by reason", receivedByReason)
        rows.append(Row(section: "answered", item: "accepted", value: count(accepted), charted: true))
        rows.append(Row(section: "answered", item: "declined", value: count(declined), charted: true))
        add("declined by reason", declinedByReason)
        rows.append(Row(section: "days to first contact", item: "first contacts", value: count(waits.count)))
        rows.append(Row(section: "days to first contact", item: "median", value: waitPercentile(50).map(String.init) ?? "-"))
        rows.append(Row(section: "days to first contact", item: "90th percentile", value: waitPercentile(90).map(String.init) ?? "-"))
        rows.append(Row(section: "contacts", item: "total", value: count(contactsTotal)))
        rows.append(Row(section: "contacts", item: "did not attend", value: count(didNotAttend)))
        rows.append(Row(section: "contacts", item: "did-not-attend rate %", value: didNotAttendPercent.map { String($0) } ?? "-"))
        add("contacts by mode", contactsByMode)
        add("discharged by reason", dischargesByReason)
        add("open at the end, by service", openAtEnd)
        add("caseload at the end, by worker", caseloadByWorker)
        add("people referred, by referrals received", peopleByEpisodes)
        rows.append(Row(section: "goals of people discharged", item: "people discharged", value: count(peopleDischarged)))
        rows.append(Row(section: "goals of people discharged", item: "goals", value: count(goalsOfDischarged)))
        rows.append(Row(section: "goals of people discharged", item: "achieved", value: count(goalsAchieved)))
        add("codes recorded", codes)
        for (section, counts) in moduleCounts.sorted(by: { $0.key < $1.key }) { add(section, counts) }
        // Outcomes: per question, how many pairs, the mean change and how many improved. The
        // declared ones always (so "none" is said), then any others recorded (measures by name).
        func outcome(_ section: String, _ item: String) {
            let tally = outcomes[section]?[item] ?? OutcomeTally()
            rows.append(Row(section: section, item: "\(item): pairs", value: count(tally.pairs)))
            // A mean of a few people could point at one of them: hidden with the counts.
            let hidden = suppressSmall && (1...7).contains(tally.pairs)
            rows.append(Row(section: section, item: "\(item): mean change", value: hidden ? "<8" : tally.meanChange.map { String($0) } ?? "-"))
            rows.append(Row(section: section, item: "\(item): improved", value: count(tally.improved)))
        }
        var declared: Set<String> = []
        for contribution in contributions {
            for (section, items) in contribution.outcomeItems {
                for item in items {
                    declared.insert("\(section)\u{0}\(item)")
                    outcome(section, item)
                }
            }
        }
        for (section, items) in outcomes.sorted(by: { $0.key < $1.key }) {
            for item in items.keys.sorted() where !declared.contains("\(section)\u{0}\(item)") { outcome(section, item) }
        }
        return rows
    }
}
