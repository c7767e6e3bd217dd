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

    /// A full UK postcode as "OUTWARD INWARD" in capitals ("HX7 8AB"); nil when it is not one.
    static func postcode(_ text: String) -> String? {
        let compact = text.uppercased().filter { $0 != " " }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let inward = Array(compact.suffix(3))
        let outward = String(compact.dropLast(3))
        guard inward[0].isNumber, inward[1].isLetter, inward[2].isLetter, isOutwardCode(outward) else { return nil }
        return outward + " " + String(inward)
    }

    /// The outward part of a postcode alone ("HX7", "SW1A"), in capitals; nil otherwise.
    static func outwardCode(_ text: String) -> String? {
        let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
        return isOutwardCode(upper) ? upper : nil
    }

    private static func isOutwardCode(_ text: String) -> Bool {
        guard (2...4).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              text.first?.isLetter == true, text.contains(where: \.isNumber) else { return false }
        // One or two letters, then a digit, then an optional digit or letter.
        let letters = text.prefix { $0.isLetter }
        let rest = text.dropFirst(letters.count)
        return (1...2).contains(letters.count) && rest.first?.isNumber == true && rest.count <= 2
    }

    /// The keys of one plan's person.
    static func of(_ person: Person) -> (dateOfBirth: String?, phone: String?, postcode: String?) {
        (person.dateOfBirth?.description, person.phone.flatMap(phone), person.address?.postcode.flatMap(postcode))
    }
}
