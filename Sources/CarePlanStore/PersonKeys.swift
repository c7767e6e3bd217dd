import CarePlanCore

/// The normalised forms of what staff type to find a person, stored beside each plan so a
/// look-up is one indexed query.
enum PersonKeys {
    /// A telephone number as digits only, with a leading +44 read as 0: "01632 960 118",
    /// "+44 1632 960118" and "(01632) 960-118" share one key. Nil when it is not a number.
    static func phone(_ text: String) -> String? {
        let allowed = Set(" +-().")
        guard !text.isEmpty, text.allSatisfy({ ($0.isASCII && $0.isNumber) || allowed.contains($0) }) else { return nil }
        var digits = text.filter { $0.isASCII && $0.isNumber }
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("+44") { digits = "0" + digits.dropFirst(2) }
        return (9...13).contains(digits.count) ? digits : nil
    }

    /// The keys of one plan's person.
    static func of(_ person: Person) -> (dateOfBirth: String?, phone: String?, postcode: String?) {
        (person.dateOfBirth?.description, person.phone.flatMap(phone), person.address?.postcode.flatMap(UKPostcode.normalized))
    }
}
