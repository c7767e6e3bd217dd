/// What a report's figures can be broken down by, so health inequalities show: each plan
/// falls in exactly one group, and a plan without the detail in the "not known" group.
public enum ReportBreakdown: String, Vocabulary {
    /// Age on the last day of the period, in bands.
    case age
    /// Sex at birth (observed).
    case sex
    /// Administrative gender.
    case gender
    /// The broad NHS ethnic group.
    case ethnicity
    /// The IMD quintile of the postcode, from the imported lookup.
    case imd

    /// Every group, in the order reports show them.
    public var groups: [String] {
        switch self {
        case .age: Self.ageBands.map(\.name) + ["not known"]
        case .sex: PhenotypicSex.allCases.map(\.label)
        case .gender: Gender.allCases.map(\.label)
        case .ethnicity: EthnicCategory.groups
        case .imd: ["1 (most deprived)", "2", "3", "4", "5 (least deprived)", "unknown"]
        }
    }

    /// Short column headings for the terminal, one for each of `groups`.
    public var headings: [String] {
        switch self {
        case .age: Self.ageBands.map(\.name) + ["n/known"]
        case .sex: ["male", "female", "indet.", "n/known"]
        case .gender: ["female", "male", "other", "unknown"]
        case .ethnicity: ["White", "Mixed", "Asian", "Black", "Other", "n/stated", "n/known"]
        case .imd: ["Q1", "Q2", "Q3", "Q4", "Q5", "unknown"]
        }
    }

    static let ageBands: [(name: String, upTo: Int)] = [
        ("0-17", 17), ("18-24", 24), ("25-34", 34), ("35-44", 44), ("45-54", 54), ("55-64", 64), ("65-74", 74), ("75-84", 84),
        ("85+", Int.max),
    ]

    /// The group `plan` falls in, `on` the period's last day; `decile` is the IMD decile of its
    /// postcode, when the lookup holds it.
    public func group(of plan: Plan, on day: CalendarDate, decile: Int?) -> String {
        let person = plan.person
        switch self {
        case .age:
            guard let born = person.dateOfBirth, born <= day else { return "not known" }
            let age = day.year - born.year - ((day.month, day.day) < (born.month, born.day) ? 1 : 0)
            return Self.ageBands.first { age <= $0.upTo }?.name ?? "not known"
        case .sex: return (person.sexAtBirth ?? .notKnown).label
        case .gender: return (person.gender ?? .unknown).label
        case .ethnicity: return (person.ethnicCategory ?? .notKnown).group
        case .imd:
            guard let decile, (1...10).contains(decile) else { return "unknown" }
            return groups[(decile - 1) / 2]
        }
    }
}
