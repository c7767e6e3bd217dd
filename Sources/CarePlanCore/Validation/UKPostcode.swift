/// UK postcode shapes: a light plausibility check for validation, and the normalised forms
/// look-ups use (the store finding a person, a directory finding services near them).
public enum UKPostcode {
    /// A light check of UK postcode shape (outward code, space optional, inward code).
    static func isPlausible(_ text: String) -> Bool {
        let compact = text.uppercased().filter { $0 != " " }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return false
        }
        let inward = Array(compact.suffix(3))
        let outward = compact.dropLast(3)
        return inward[0].isNumber && inward[1].isLetter && inward[2].isLetter
            && outward.first?.isLetter == true && outward.contains(where: \.isNumber)
    }

    /// A full postcode as "OUTWARD INWARD" in capitals ("hx78ab" is "HX7 8AB"); nil when the
    /// text is not one.
    public static func normalized(_ text: String) -> String? {
        let compact = text.uppercased().filter { $0 != " " }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let inward = Array(compact.suffix(3))
        let outward = String(compact.dropLast(3))
        guard inward[0].isNumber, inward[1].isLetter, inward[2].isLetter, isOutwardCode(outward) else { return nil }
        return outward + " " + String(inward)
    }

    /// The outward code (the district, "HX7", "SW1A") of a full postcode or of an outward code
    /// typed alone, in capitals; nil when the text is neither.
    public static func outwardCode(_ text: String) -> String? {
        if let full = normalized(text) { return String(full.prefix { $0 != " " }) }
        let compact = text.uppercased().filter { $0 != " " }
        return isOutwardCode(compact) ? compact : nil
    }

    /// One or two letters, then a digit, then an optional digit or letter.
    private static func isOutwardCode(_ text: String) -> Bool {
        guard (2...4).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        let letters = text.prefix { $0.isLetter }
        let rest = text.dropFirst(letters.count)
        return (1...2).contains(letters.count) && rest.first?.isNumber == true && rest.count <= 2
    }
}
