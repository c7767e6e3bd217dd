/// NHS Data Dictionary ETHNIC CATEGORY (2001 census groups), coded as the Data Dictionary
/// codes it: "A" to "S", "Z" for "not stated" (the person was asked and chose not to say) and
/// "99" for "not known" (not asked, or could not be). The PRSB Social Prescribing standard
/// makes it a "must have" of the demographics set.
public enum EthnicCategory: String, Vocabulary {
    case whiteBritish = "A"
    case whiteIrish = "B"
    case anyOtherWhite = "C"
    case whiteAndBlackCaribbean = "D"
    case whiteAndBlackAfrican = "E"
    case whiteAndAsian = "F"
    case anyOtherMixed = "G"
    case indian = "H"
    case pakistani = "J"
    case bangladeshi = "K"
    case anyOtherAsian = "L"
    case caribbean = "M"
    case african = "N"
    case anyOtherBlack = "P"
    case chinese = "R"
    case anyOtherEthnicGroup = "S"
    case notStated = "Z"
    case notKnown = "99"

    /// The Data Dictionary's words for the category.
    public var label: String {
        switch self {
        case .whiteBritish: "White - British"
        case .whiteIrish: "White - Irish"
        case .anyOtherWhite: "White - Any other White background"
        case .whiteAndBlackCaribbean: "Mixed - White and Black Caribbean"
        case .whiteAndBlackAfrican: "Mixed - White and Black African"
        case .whiteAndAsian: "Mixed - White and Asian"
        case .anyOtherMixed: "Mixed - Any other mixed background"
        case .indian: "Asian or Asian British - Indian"
        case .pakistani: "Asian or Asian British - Pakistani"
        case .bangladeshi: "Asian or Asian British - Bangladeshi"
        case .anyOtherAsian: "Asian or Asian British - Any other Asian background"
        case .caribbean: "Black or Black British - Caribbean"
        case .african: "Black or Black British - African"
        case .anyOtherBlack: "Black or Black British - Any other Black background"
        case .chinese: "Other Ethnic Groups - Chinese"
        case .anyOtherEthnicGroup: "Other Ethnic Groups - Any other ethnic group"
        case .notStated: "Not stated"
        case .notKnown: "Not known"
        }
    }

    /// The broad group reports break counts down by.
    public var group: String {
        switch self {
        case .whiteBritish, .whiteIrish, .anyOtherWhite: "White"
        case .whiteAndBlackCaribbean, .whiteAndBlackAfrican, .whiteAndAsian, .anyOtherMixed: "Mixed"
        case .indian, .pakistani, .bangladeshi, .anyOtherAsian: "Asian or Asian British"
        case .caribbean, .african, .anyOtherBlack: "Black or Black British"
        case .chinese, .anyOtherEthnicGroup: "Other ethnic group"
        case .notStated: "not stated"
        case .notKnown: "not known"
        }
    }

    /// Every group, in the order reports show them; a plan with no category counts as "not known".
    public static let groups = [
        "White", "Mixed", "Asian or Asian British", "Black or Black British", "Other ethnic group", "not stated", "not known",
    ]

    /// The category a person typed: its code in either case ("h"), or its words ignoring case
    /// ("not stated").
    public static func parse(_ text: String) -> EthnicCategory? {
        let typed = text.trimmingCharacters(in: .whitespaces)
        if let byCode = EthnicCategory(rawValue: typed.uppercased()) { return byCode }
        return allCases.first { $0.label.lowercased() == typed.lowercased() }
    }
}

/// NHS Data Dictionary PERSON PHENOTYPIC SEX: the PRSB "sex at birth (observed)".
public enum PhenotypicSex: String, Vocabulary {
    case male, female, indeterminate
    case notKnown = "not-known"

    /// The Data Dictionary's code: 1, 2, 9, X.
    public var code: String {
        switch self {
        case .male: "1"
        case .female: "2"
        case .indeterminate: "9"
        case .notKnown: "X"
        }
    }
}

/// NHS Data Dictionary GENDER IDENTITY CODE: the PRSB "gender identity", as the person states it.
public enum GenderIdentity: String, Vocabulary {
    case male, female
    case nonBinary = "non-binary"
    case other
    case notStated = "not-stated"
    case notKnown = "not-known"

    /// The Data Dictionary's code: 1 male (including trans man), 2 female (including trans
    /// woman), 3 non-binary, 4 other, Z not stated, X not known.
    public var code: String {
        switch self {
        case .male: "1"
        case .female: "2"
        case .nonBinary: "3"
        case .other: "4"
        case .notStated: "Z"
        case .notKnown: "X"
        }
    }
}
