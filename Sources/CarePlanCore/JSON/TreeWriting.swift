/// A model type that writes itself as a tree, without Codable's containers: the mirror of
/// `TreeReadable`, for every plan written (an import's canonical bytes, a shell commit, an
/// export of changed plans).
///
/// A writer makes exactly the tree `JSONTreeEncoder` makes from the type's `Encodable`
/// conformance: each field under its coding key, an optional left out when nil. Fields are
/// named through the type's own `CodingKeys`; `TreeWritingTests` holds every writer to the
/// encoder, over every sample plan and every breakage of one that still reads.
package protocol TreeWritable: Encodable {
    /// The value as the tree its `Encodable` conformance writes.
    var jsonTree: JSONValue { get }
}

/// An object being written, member by member.
package struct TreeMembers {
    private(set) var members: [String: JSONValue]

    /// An object of about `capacity` members.
    package init(capacity: Int) {
        members = Dictionary(minimumCapacity: capacity)
    }

    /// Writes `value` under `key`.
    package mutating func write(_ key: some CodingKey, _ value: some TreeWritable) {
        members[key.stringValue] = value.jsonTree
    }

    /// Writes `value` under `key` when there is one; nil leaves the key out (`encodeIfPresent`).
    package mutating func writeIfPresent(_ key: some CodingKey, _ value: (some TreeWritable)?) {
        if let value { members[key.stringValue] = value.jsonTree }
    }

    /// The object written.
    package var tree: JSONValue { .object(members) }
}

extension String: TreeWritable {
    package var jsonTree: JSONValue { .string(self) }
}

extension Int: TreeWritable {
    package var jsonTree: JSONValue { .integer(Int64(self)) }
}

extension Bool: TreeWritable {
    package var jsonTree: JSONValue { .bool(self) }
}

extension JSONValue: TreeWritable {
    package var jsonTree: JSONValue { self }
}

extension Array: TreeWritable where Element: TreeWritable {
    package var jsonTree: JSONValue { .array(map(\.jsonTree)) }
}

extension Dictionary: TreeWritable where Key: TreeMemberKey & Encodable, Value: TreeWritable {
    package var jsonTree: JSONValue {
        .object(Dictionary<String, JSONValue>(uniqueKeysWithValues: map { ($0.key.memberName, $0.value.jsonTree) }))
    }
}

extension TreeWritable where Self: Vocabulary {
    package var jsonTree: JSONValue { .string(rawValue) }
}
