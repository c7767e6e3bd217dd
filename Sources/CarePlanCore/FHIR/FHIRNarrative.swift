/// The generated narrative every exported resource carries (FHIR `Resource.text`), so a
/// receiver that shows narratives shows something true, and a strict one does not warn of its
/// absence (rule dom-6). It says what the resource is and its main words, never more than the
/// resource itself holds.
enum FHIRNarrative {
    /// `resource` with a generated `text`, unless it has one.
    static func adding(to resource: JSONValue) -> JSONValue {
        guard case .object(var members) = resource, members["text"] == nil, let type = members["resourceType"]?.stringValue else { return resource }
        let words = summary(of: resource).map { "\(spaced(type)): \($0)" } ?? spaced(type)
        members["text"] = .object([
            "status": .string("generated"),
            "div": .string("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\(escaped(words))</p></div>"),
        ])
        return .object(members)
    }

    /// The resource's main words: its description, name, code, reason or status.
    static func summary(of resource: JSONValue) -> String? {
        let candidates: [String?] = [
            resource["description"]?["text"]?.stringValue, resource["description"]?.stringValue,
            resource["name"]?.arrayValue.first?["text"]?.stringValue, resource["name"]?.stringValue,
            resource["code"]?["text"]?.stringValue, resource["code"]?["coding"]?.arrayValue.first?["display"]?.stringValue,
            resource["reasonCode"]?.arrayValue.first?["text"]?.stringValue, resource["title"]?.stringValue,
        ]
        let text = candidates.compactMap { $0 }.first { !$0.isEmpty }
        let status = resource["status"]?.stringValue ?? resource["lifecycleStatus"]?.stringValue
        switch (text, status) {
        case let (text?, status?): return "\(text) (\(status))"
        case let (text?, nil): return text
        case let (nil, status?): return status
        default: return nil
        }
    }

    /// "ServiceRequest" as "Service request".
    static func spaced(_ type: String) -> String {
        var result = ""
        for character in type {
            if character.isUppercase, !result.isEmpty { result += " " + character.lowercased() } else { result.append(character) }
        }
        return result
    }

    /// Text made safe inside XHTML.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            // Control characters are not allowed in XHTML: shown as their code point.
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): result += "[U+\(String(scalar.value, radix: 16, uppercase: true))]"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
