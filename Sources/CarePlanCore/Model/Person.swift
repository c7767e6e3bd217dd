/// Who the plan is for: PRSB "Person demographics" and "GP practice".
public struct Person: Codable, Hashable, Sendable {
    /// Full name as the person writes it.
    public var name: String
    /// What the person likes to be called.
    public var preferredName: String?
    /// Date of birth.
    public var dateOfBirth: CalendarDate?
    /// NHS number, checked with Modulus 11.
    public var nhsNumber: NHSNumber?
    /// Administrative gender, as FHIR codes it (the PRSB "administrative gender").
    public var gender: Gender?
    /// Sex at birth (observed), PRSB; NHS Data Dictionary PERSON PHENOTYPIC SEX.
    public var sexAtBirth: PhenotypicSex?
    /// Gender identity as the person states it, PRSB; NHS Data Dictionary GENDER IDENTITY CODE.
    public var genderIdentity: GenderIdentity?
    /// Ethnic category as the person states it; NHS Data Dictionary ETHNIC CATEGORY.
    public var ethnicCategory: EthnicCategory?
    /// Postal address.
    public var address: Address?
    /// Telephone number.
    public var phone: String?
    /// Email address.
    public var email: String?
    /// The GP practice the person is registered with.
    public var gpPractice: GPPractice?
    /// Interpreter, large print, hearing loop, easy read and the like.
    public var communicationNeeds: String?

    /// A person known only by name.
    public init(name: String) {
        self.name = name
    }
}

/// Administrative gender (FHIR `AdministrativeGender`).
public enum Gender: String, Vocabulary {
    case female, male, other, unknown
}

/// A UK postal address.
public struct Address: Codable, Hashable, Sendable {
    /// Street lines, town, county.
    public var lines: [String]
    /// Postcode, for example "LS1 4AP".
    public var postcode: String?

    /// An address from its lines and postcode.
    public init(lines: [String] = [], postcode: String? = nil) {
        self.lines = lines
        self.postcode = postcode
    }
}

/// The practice a person is registered with.
public struct GPPractice: Codable, Hashable, Sendable {
    /// Practice name.
    public var name: String
    /// ODS organisation code, for example "B86012".
    public var odsCode: String?

    /// A practice by name.
    public init(name: String, odsCode: String? = nil) {
        self.name = name
        self.odsCode = odsCode
    }
}

extension Person: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        name = try object.read(CodingKeys.name)
        preferredName = try object.readIfPresent(CodingKeys.preferredName)
        dateOfBirth = try object.readIfPresent(CodingKeys.dateOfBirth)
        nhsNumber = try object.readIfPresent(CodingKeys.nhsNumber)
        gender = try object.readIfPresent(CodingKeys.gender)
        sexAtBirth = try object.readIfPresent(CodingKeys.sexAtBirth)
        genderIdentity = try object.readIfPresent(CodingKeys.genderIdentity)
        ethnicCategory = try object.readIfPresent(CodingKeys.ethnicCategory)
        address = try object.readIfPresent(CodingKeys.address)
        phone = try object.readIfPresent(CodingKeys.phone)
        email = try object.readIfPresent(CodingKeys.email)
        gpPractice = try object.readIfPresent(CodingKeys.gpPractice)
        communicationNeeds = try object.readIfPresent(CodingKeys.communicationNeeds)
    }
}

extension Address: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        lines = try object.read(CodingKeys.lines)
        postcode = try object.readIfPresent(CodingKeys.postcode)
    }
}

extension GPPractice: TreeReadable {
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        name = try object.read(CodingKeys.name)
        odsCode = try object.readIfPresent(CodingKeys.odsCode)
    }
}

extension Person: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 13)
        object.write(CodingKeys.name, name)
        object.writeIfPresent(CodingKeys.preferredName, preferredName)
        object.writeIfPresent(CodingKeys.dateOfBirth, dateOfBirth)
        object.writeIfPresent(CodingKeys.nhsNumber, nhsNumber)
        object.writeIfPresent(CodingKeys.gender, gender)
        object.writeIfPresent(CodingKeys.sexAtBirth, sexAtBirth)
        object.writeIfPresent(CodingKeys.genderIdentity, genderIdentity)
        object.writeIfPresent(CodingKeys.ethnicCategory, ethnicCategory)
        object.writeIfPresent(CodingKeys.address, address)
        object.writeIfPresent(CodingKeys.phone, phone)
        object.writeIfPresent(CodingKeys.email, email)
        object.writeIfPresent(CodingKeys.gpPractice, gpPractice)
        object.writeIfPresent(CodingKeys.communicationNeeds, communicationNeeds)
        return object.tree
    }
}

extension Address: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 2)
        object.write(CodingKeys.lines, lines)
        object.writeIfPresent(CodingKeys.postcode, postcode)
        return object.tree
    }
}

extension GPPractice: TreeWritable {
    package var jsonTree: JSONValue {
        var object = TreeMembers(capacity: 2)
        object.write(CodingKeys.name, name)
        object.writeIfPresent(CodingKeys.odsCode, odsCode)
        return object.tree
    }
}
