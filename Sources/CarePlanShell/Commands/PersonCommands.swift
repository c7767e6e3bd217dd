import CarePlanCore

/// Setting the person's details.
enum PersonCommands {
    static let group = "Person"

    enum Field: String, Vocabulary {
        case name
        case preferredName = "preferred-name"
        case dob, nhs, gender, address, postcode, phone, email, gp
        case gpCode = "gp-code"
        case communication
    }

    static func register(into registry: inout CommandRegistry) throws(ShellError) {
        try registry.register(
            CommandSpec(
                "set", group: group, summary: "Set one of the person's details; an empty value (\"\") clears it.",
                positionals: [PositionalSpec("FIELD", .vocabulary(Field.self)), PositionalSpec("VALUE", .text, rest: true)],
                example: "set phone 01632 960 118",
                details: "Fields: \(Field.choices). Address lines are separated by commas."
            ) { invocation, session in
                guard let field = try invocation.choice("FIELD", as: Field.self) else { return }
                let raw = invocation.text("VALUE") ?? ""
                let value: String? = raw.isEmpty ? nil : raw
                let today = session.today
                let change = try personChange(field, value, today: today)
                try session.apply(
                    PlanEdit("set \(field.rawValue)") { plan, _ throws(PlanEditError) in
                        try change(&plan.person)
                        return value == nil ? "clear \(field.label)" : "set \(field.label)"
                    })
            })
    }

    static func personChange(_ field: Field, _ value: String?, today: CalendarDate) throws -> @Sendable (inout Person) throws(PlanEditError) -> Void {
        switch field {
        case .name:
            guard let value else { throw ShellError("set name: the person's name cannot be empty") }
            return { $0.name = value }
        case .preferredName: return { $0.preferredName = value }
        case .dob:
            let date = try value.map { try Invocation.parseDate($0, today: today, field: "date of birth", happened: true) }
            return { $0.dateOfBirth = date }
        case .nhs:
            var number: NHSNumber?
            if let value {
                switch NHSNumber.parse(value) {
                case .success(let parsed): number = parsed
                case .failure(let problem): throw ShellError("set nhs: \(problem)")
                }
            }
            let checked = number
            return { $0.nhsNumber = checked }
        case .gender:
            var gender: Gender?
            if let value {
                guard let parsed = Gender.parse(value) else { throw ShellError("set gender: expected one of \(Gender.choices), got \(value)") }
                gender = parsed
            }
            let checked = gender
            return { $0.gender = checked }
        case .address:
            let lines = value.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            return { person in
                if let lines {
                    var address = person.address ?? Address()
                    address.lines = lines
                    person.address = address
                } else {
                    person.address = nil
                }
            }
        case .postcode:
            return { person in
                var address = person.address ?? Address()
                address.postcode = value?.uppercased()
                person.address = address.lines.isEmpty && address.postcode == nil ? nil : address
            }
        case .phone: return { $0.phone = value }
        case .email: return { $0.email = value }
        case .gp:
            return { person in
                if let value {
                    person.gpPractice = GPPractice(name: value, odsCode: person.gpPractice?.odsCode)
                } else {
                    person.gpPractice = nil
                }
            }
        case .gpCode:
            return { (person: inout Person) throws(PlanEditError) in
                guard var practice = person.gpPractice else { throw PlanEditError("set gp first, then gp-code") }
                practice.odsCode = value?.uppercased()
                person.gpPractice = practice
            }
        case .communication: return { $0.communicationNeeds = value }
        }
    }
}
