package import CarePlanCore

/// A parsed document broken in every way a file can break it, field by field: for holding two
/// readers of one type to the same outcome (see TreeReadingTests).
package enum TreeBreakage {
    /// What a field is replaced by (nil: removed).
    package static let ways: [(name: String, value: JSONValue?)] = [
        ("removed", nil), ("null", .null), ("a whole number", .integer(7)), ("a fraction", .number(1.5)),
        ("odd text", .string("Z9?")), ("true", .bool(true)), ("an empty list", .array([])), ("an empty object", .object([:])),
        ("a list of odd text", .array([.string("Z9?")])), ("an object with an unknown field", .object(["zz": .string("x")])),
        ("an object keyed by a number", .object(["7": .integer(1)])),
    ]

    /// Every way of breaking `tree`, labelled: each kind of field (list positions aside) once,
    /// replaced in each of `ways`; every text field of the object holding it at once (so values
    /// that check themselves report in the order they are read); and an unknown field beside it.
    ///
    /// - Parameter skipping: keys of the root object left alone (a plan's `extensions`).
    package static func variants(of tree: JSONValue, skipping: Set<String> = []) -> [(label: String, tree: JSONValue)] {
        var variants: [(label: String, tree: JSONValue)] = []
        for path in kindsOfField(in: tree, skipping: skipping) {
            let name = path.map { "\($0)" }.joined(separator: ".")
            for (way, value) in ways {
                variants.append(("\(name) \(way)", value.map { tree.setting(path, $0) } ?? tree.removing(path)))
            }
            let holder = Array(path.dropLast())
            if case .object(let members)? = tree.member(at: holder) {
                let texts = members.mapValues { member -> JSONValue in if case .string = member { .string("Z9?") } else { member } }
                variants.append(("every text beside \(name)", tree.setting(holder, .object(texts))))
            }
            variants.append(("an unknown field beside \(name)", tree.setting(holder + ["zzUnknown"], .string("x"))))
        }
        return variants
    }

    /// A path to each kind of field in `tree` (keys as String, positions as Int), the first of each.
    package static func kindsOfField(in tree: JSONValue, skipping: Set<String> = []) -> [[any Sendable]] {
        var seen: Set<String> = []
        var found: [[any Sendable]] = []
        func walk(_ value: JSONValue, _ path: [any Sendable], _ kind: String) {
            if !path.isEmpty, seen.insert(kind).inserted { found.append(path) }
            switch value {
            case .object(let members):
                for (key, member) in members.sorted(by: { $0.key < $1.key }) where !(path.isEmpty && skipping.contains(key)) {
                    walk(member, path + [key], kind + "." + key)
                }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, path + [index], kind + "[]") }
            default:
                break
            }
        }
        walk(tree, [], "")
        return found
    }
}

extension JSONValue {
    /// A copy with the value at `path` replaced or added (keys as String, positions as Int).
    package func setting(_ path: [any Sendable], _ value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(var members), let key as String):
            members[key] = (members[key] ?? .null).setting(rest, value)
            return .object(members)
        case (.array(var items), let index as Int) where items.indices.contains(index):
            items[index] = items[index].setting(rest, value)
            return .array(items)
        default:
            return self
        }
    }

    /// A copy without the value at `path`.
    package func removing(_ path: [any Sendable]) -> JSONValue {
        guard let first = path.first else { return self }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(var members), let key as String):
            if rest.isEmpty { members[key] = nil } else if let member = members[key] { members[key] = member.removing(rest) }
            return .object(members)
        case (.array(var items), let index as Int) where items.indices.contains(index):
            if rest.isEmpty { items.remove(at: index) } else { items[index] = items[index].removing(rest) }
            return .array(items)
        default:
            return self
        }
    }

    /// The value at `path`, if there is one.
    package func member(at path: [any Sendable]) -> JSONValue? {
        guard let first = path.first else { return self }
        switch (self, first) {
        case (.object(let members), let key as String): return members[key]?.member(at: Array(path.dropFirst()))
        case (.array(let items), let index as Int) where items.indices.contains(index): return items[index].member(at: Array(path.dropFirst()))
        default: return nil
        }
    }
}
