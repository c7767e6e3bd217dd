import CarePlanCore

/// What a look-up query is, judged by its shape: the same words staff would use on the
/// phone ("her NHS number is...", "she lives at HX7 8AB", "born 9 June 1941").
enum PlanQuery: Equatable {
    case nhsNumber(String)
    case dateOfBirth(CalendarDate)
    case phone(String)
    case postcode(String)
    case outwardCode(String)
    case name(String)

    init(_ text: String) {
        if NHSNumber.looksLikeNHSNumber(text) {
            self = .nhsNumber(text.filter { $0 != " " })
        } else if case .success(let date) = CalendarDate.parse(typed: text) {
            self = .dateOfBirth(date)
        } else if let phone = PersonKeys.phone(text) {
            self = .phone(phone)
        } else if let postcode = UKPostcode.normalized(text) {
            self = .postcode(postcode)
        } else if !text.contains(" "), let outward = UKPostcode.outwardCode(text) {
            self = .outwardCode(outward)
        } else {
            self = .name(NameKey.fold(text))
        }
    }

    /// How to say "nothing matched" without repeating what was typed: the query may be an
    /// NHS number, a phone number or a name, all of which stay out of messages.
    var noMatchMessage: String {
        switch self {
        case .nhsNumber: "no plan has that NHS number"
        case .dateOfBirth: "no plan has that date of birth"
        case .phone: "no plan has that phone number"
        case .postcode, .outwardCode: "no plan has that postcode"
        case .name: "no plan matches that name"
        }
    }
}
