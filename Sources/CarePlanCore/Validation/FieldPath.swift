/// Where a value sits in a plan document, written `goals[2].targetDate`.
///
/// Array positions count from 0, as in JSON Pointer and jq.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// One step into an object (by key) or an array (by position).
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    public private(set) var components: [Component]

    /// The document root.
    public static let root = FieldPath(components: [])

    /// A path from its steps.
    public init(components: [Component]) {
        self.components = components
    }

    /// Parses a dotted path such as `goals[2].targetDate`.
    public init(stringLiteral value: String) {
        // Most paths written in code are one field name: no parsing needed.
        if !value.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "[") }) {
            self.components = value.isEmpty ? [] : [.key(value)]
            return
        }
        var components: [Component] = []
        for part in value.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                components.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    let number = rest[rest.index(after: rest.startIndex)..<close]
                    components.append(.index(Int(number) ?? 0))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        self.components = components
    }

    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(index) {
                return .index(index)
            }
            return .key(key.stringValue)
        }
    }

    /// This path with `key` appended.
    public func appending(_ key: String) -> FieldPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    /// This path with `index` appended.
    public func appending(_ index: Int) -> FieldPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// This path with the steps of `other` appended.
    public func appending(_ other: FieldPath) -> FieldPath {
        FieldPath(components: components + other.components)
    }

    /// The first two steps (`goals[2]`, `person.name`): the entry a problem belongs to.
    var entryPrefix: FieldPath {
        FieldPath(components: Array(components.prefix(2)))
    }

    public var description: String {
        if components.isEmpty { return "(document)" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
