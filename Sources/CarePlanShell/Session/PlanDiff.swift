import CarePlanCore

/// Lists the differences between two plan trees as `path: old → new` lines.
enum PlanDiff {
    static func lines(from old: JSONValue, to new: JSONValue) -> [String] {
        var lines: [String] = []
        walk(old, new, path: "", into: &lines)
        return lines
    }

    private static func walk(_ old: JSONValue?, _ new: JSONValue?, path: String, into lines: inout [String]) {
        switch (old, new) {
        case (.object(let a)?, .object(let b)?):
            for key in Set(a.keys).union(b.keys).sorted() {
                walk(a[key], b[key], path: path.isEmpty ? key : "\(path).\(key)", into: &lines)
            }
        case (.array(let a)?, .array(let b)?) where a.count == b.count:
            for index in a.indices { walk(a[index], b[index], path: "\(path)[\(index)]", into: &lines) }
        default:
            guard old != new else { return }
            lines.append("\(path): \(describe(old)) → \(describe(new))")
        }
    }

    private static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        let text = String(decoding: PlanJSON.encode(value), as: UTF8.self)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return text.count > 120 ? String(text.prefix(119)) + "…" : text
    }
}
