extension FieldPath {
    /// The field in the words staff use, for the shell: "review date", "goal G2's target
    /// date", "cancer pathway treatment start". JSON paths stay in `validate` and `import`
    /// output, where tools read them.
    ///
    /// - Parameter plan: the plan the path points into, to name list entries by their ids.
    public func plainWords(in plan: Plan? = nil) -> String {
        var words: [String] = []
        var tree: JSONValue? = plan.map(PlanJSON.tree(of:))
        var previousKey: String?
        for component in components {
            switch component {
            case .key(let key):
                tree = tree?[key]
                if let phrase = Self.phrases[key] {
                    if !phrase.isEmpty { words.append(phrase) }
                } else if previousKey == "extensions" {
                    // The module's id adds nothing staff need: "cancer pathway treatment start".
                } else {
                    words.append(Self.spaced(key))
                }
                previousKey = key
            case .index(let index):
                var element: JSONValue?
                if case .array(let items)? = tree, items.indices.contains(index) { element = items[index] }
                tree = element
                if case .string(let id)? = element?["id"] {
                    let noun = words.popLast().map(Self.singular) ?? "entry"
                    words.append("\(noun) \(id)")
                } else {
                    let noun = words.popLast().map(Self.singular) ?? "entry"
                    words.append("\(noun) \(index + 1)")
                }
                previousKey = nil
            }
        }
        // "goal G2" + "target date" reads "goal G2's target date".
        guard words.count > 1, let last = words.popLast() else { return words.first ?? "the plan" }
        let owner = words.joined(separator: " ")
        return owner.last?.isNumber == true ? "\(owner)'s \(last)" : "\(owner) \(last)"
    }

    /// Keys with words of their own ("" leaves the key out: "person" adds nothing to "date of birth").
    static let phrases: [String: String] = [
        "person": "", "extensions": "", "dateOfBirth": "date of birth", "nhsNumber": "NHS number",
        "review": "", "nextReviewOn": "review date", "intervalWeeks": "review interval", "heldOn": "day held",
        "targetDate": "target date", "dueDate": "due date", "reviewDate": "review date", "raisedOn": "day raised",
        "aboutMe": "about me", "gpPractice": "GP practice", "odsCode": "ODS code", "postcode": "postcode",
        "concernScore": "concern score", "responseDueOn": "response due date", "serviceName": "service name",
        "representativeName": "representative's name", "agreement": "agreement", "consent": "consent",
        "cancerPathway": "cancer pathway", "referredOn": "referral date", "diagnosedOn": "diagnosis date",
        "decisionToTreatOn": "decision to treat", "treatmentStartedOn": "treatment start", "lastIssuedIds": "id counters",
        "lastIssuedIDs": "id counters", "on": "day", "takenOn": "day taken", "followUpOn": "follow-up date",
        "byDate": "target date", "dueOn": "due date", "nextSessionOn": "next session",
    ]

    /// "treatmentStartedOn" as "treatment started on".
    static func spaced(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase, !result.isEmpty { result += " " }
            result += character.lowercased()
        }
        return result.replacingOccurrences(of: "-", with: " ")
    }

    /// "goals" as "goal", "needs" as "need"; for naming one entry of a list.
    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}

extension ValidationIssue {
    /// The issue with its field named in plain words, for the shell.
    public func plainDescription(in plan: Plan? = nil) -> String {
        let text = "\(path.plainWords(in: plan)): \(message)"
        return severity == .warning ? "warning: \(text)" : text
    }
}
