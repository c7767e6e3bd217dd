import CarePlanCore

/// Setting the person's details.
enum PersonCommands {
    static let group = "Person"

    enum Field: String, Vocabulary {
        case name
        case preferredName = "preferred-name"
        case dob, nhs, gender, sex
        case genderIdentity = "gender-identity"
        case ethnicity, address, postcode, phone, email, gp
        case gpCode = "gp-code"
        case communication
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "set", group: group, summary: "Set one of the person's details; an empty value (\"\") clears it.",
                example: "set phone 01632 960 118",
                details: "Fields: \(Field.choices). Address lines are separated by commas. "
                    + "sex is the sex at birth (\(PhenotypicSex.choices)); gender is the administrative gender (\(Gender.choices)); "
                    + "gender-identity is as the person states it (\(GenderIdentity.choices)); ethnicity is the NHS ethnic category "
                    + "code, A to S, Z for not stated (asked, chose not to say) or 99 for not known."
            ) { arguments in
                let field = arguments.positional("FIELD", .vocabulary(Field.self))
                let value = arguments.positional("VALUE", .text, rest: true)
                return { invocation, session in
                    let raw = try invocation[value]
                    try session.apply(.setPerson(try detail(try invocation[field], raw.isEmpty ? nil : raw, today: session.today)))
                }
            })
    }

    /// The detail `value` gives for `field`, read and checked.
    static func detail(_ field: Field, _ value: String?, today: CalendarDate) throws -> PlanEdit.PersonDetail {
        switch field {
        case .name:
            guard let value else { throw ShellError("set name: the person's name cannot be empty") }
            return .name(value)
        case .preferredName: return .preferredName(value)
        case .dob: return .dateOfBirth(try value.map { try Invocation.parseDate($0, today: today, field: "date of birth", happened: true) })
        case .nhs:
            guard let value else { return .nhsNumber(nil) }
            switch NHSNumber.parse(value) {
            case .success(let parsed): return .nhsNumber(parsed)
            case .failure(let problem): throw ShellError("set nhs: \(problem)")
            }
        case .gender:
            guard let value else { return .gender(nil) }
            guard let parsed = Gender.parse(value) else { throw ShellError("set gender: expected one of \(Gender.choices), got \(value)") }
            return .gender(parsed)
        case .sex:
            guard let value else { return .sexAtBirth(nil) }
            guard let parsed = PhenotypicSex.parse(value) else {
                throw ShellError("set sex: expected one of \(PhenotypicSex.choices), got \(TerminalSafe.sanitize(value))")
            }
            return .sexAtBirth(parsed)
        case .genderIdentity:
            guard let value else { return .genderIdentity(nil) }
            guard let parsed = GenderIdentity.parse(value) else {
                throw ShellError("set gender-identity: expected one of \(GenderIdentity.choices), got \(TerminalSafe.sanitize(value))")
            }
            return .genderIdentity(parsed)
        case .ethnicity:
            guard let value else { return .ethnicCategory(nil) }
            guard let parsed = EthnicCategory.parse(value) else {
                throw ShellError(
                    "set ethnicity: expected an NHS ethnic category code (\(EthnicCategory.choices)) or its words, got \(TerminalSafe.sanitize(value))")
            }
            return .ethnicCategory(parsed)
        case .address:
            return .addressLines(value.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } })
        case .postcode: return .postcode(value)
        case .phone: return .phone(value)
        case .email: return .email(value)
        case .gp: return .gpPractice(value)
        case .gpCode: return .gpCode(value)
        case .communication: return .communicationNeeds(value)
        }
    }
}
