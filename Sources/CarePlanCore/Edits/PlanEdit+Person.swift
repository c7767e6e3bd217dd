/// Edits to the person's details and the plan's status, built here so every front end makes
/// the same change with the same checks.
extension PlanEdit {
    /// One of the person's details, already read and checked; nil clears an optional one.
    public enum PersonDetail: Sendable, Equatable {
        case name(String)
        case preferredName(String?)
        case dateOfBirth(CalendarDate?)
        case nhsNumber(NHSNumber?)
        case gender(Gender?)
        case sexAtBirth(PhenotypicSex?)
        case genderIdentity(GenderIdentity?)
        case ethnicCategory(EthnicCategory?)
        /// The address lines (nil removes the address, postcode included).
        case addressLines([String]?)
        case postcode(String?)
        case phone(String?)
        case email(String?)
        /// The GP practice's name (nil removes the practice).
        case gpPractice(String?)
        /// The practice's ODS code; needs a practice.
        case gpCode(String?)
        case communicationNeeds(String?)

        /// The words for it in a revision summary ("set phone", "clear preferred name").
        public var label: String {
            switch self {
            case .name: "name"
            case .preferredName: "preferred name"
            case .dateOfBirth: "dob"
            case .nhsNumber: "nhs"
            case .gender: "gender"
            case .sexAtBirth: "sex"
            case .genderIdentity: "gender identity"
            case .ethnicCategory: "ethnicity"
            case .addressLines: "address"
            case .postcode: "postcode"
            case .phone: "phone"
            case .email: "email"
            case .gpPractice: "gp"
            case .gpCode: "gp code"
            case .communicationNeeds: "communication"
            }
        }

        var clears: Bool {
            switch self {
            case .name: false
            case .preferredName(let value), .postcode(let value), .phone(let value), .email(let value), .gpPractice(let value),
                .gpCode(let value), .communicationNeeds(let value):
                value == nil
            case .dateOfBirth(let value): value == nil
            case .nhsNumber(let value): value == nil
            case .gender(let value): value == nil
            case .sexAtBirth(let value): value == nil
            case .genderIdentity(let value): value == nil
            case .ethnicCategory(let value): value == nil
            case .addressLines(let value): value == nil
            }
        }
    }

    /// Sets (or clears) one of the person's details.
    public static func setPerson(_ detail: PersonDetail) -> PlanEdit {
        PlanEdit("set \(detail.label)") { plan, _ throws(PlanEditError) in
            switch detail {
            case .name(let value): plan.person.name = value
            case .preferredName(let value): plan.person.preferredName = value
            case .dateOfBirth(let value): plan.person.dateOfBirth = value
            case .nhsNumber(let value): plan.person.nhsNumber = value
            case .gender(let value): plan.person.gender = value
            case .sexAtBirth(let value): plan.person.sexAtBirth = value
            case .genderIdentity(let value): plan.person.genderIdentity = value
            case .ethnicCategory(let value): plan.person.ethnicCategory = value
            case .addressLines(let lines):
                if let lines {
                    var address = plan.person.address ?? Address()
                    address.lines = lines
                    plan.person.address = address
                } else {
                    plan.person.address = nil
                }
            case .postcode(let value):
                var address = plan.person.address ?? Address()
                address.postcode = value?.uppercased()
                plan.person.address = address.lines.isEmpty && address.postcode == nil ? nil : address
            case .phone(let value): plan.person.phone = value
            case .email(let value): plan.person.email = value
            case .gpPractice(let value):
                plan.person.gpPractice = value.map { GPPractice(name: $0, odsCode: plan.person.gpPractice?.odsCode) }
            case .gpCode(let value):
                guard var practice = plan.person.gpPractice else { throw PlanEditError("set gp first, then gp-code") }
                practice.odsCode = value?.uppercased()
                plan.person.gpPractice = practice
            case .communicationNeeds(let value): plan.person.communicationNeeds = value
            }
            return (detail.clears ? "clear " : "set ") + detail.label
        }
    }

    /// Sets the plan's status.
    public static func setPlanStatus(_ status: PlanStatus) -> PlanEdit {
        PlanEdit("plan status \(status.label)") { plan, _ in
            plan.status = status
            return "plan status \(status.label)"
        }
    }
}
