/// A light check of UK postcode shape (outward code, space optional, inward code).
enum UKPostcode {
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
}
