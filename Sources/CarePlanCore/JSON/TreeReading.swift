import Foundation

/// A model type read straight from a parsed tree, without Codable's containers.
///
/// Every plan read (a check, an import, a load from the store) goes through the core model.
/// Codable reads it through type-erased containers: a box and a generic-metadata look-up for
/// every object, and a decoder in an existential for every value, which was most of a plan
/// check's time. A reader names each field once, through the type's own coding keys, and
/// throws the same `DecodingError`s at the same coding paths as Codable would, so the
/// messages people see do not change; values that check themselves (dates, ids,
/// vocabularies) record their problem and read on, as their Codable initialisers do.
///
/// Fields are read in the order the type declares them, the order Codable's synthesised
/// initialisers read them in, so problems are reported in the same order too.
package protocol TreeReadable: Decodable {
    /// Reads the value from `value`.
    init(reading value: TreeValue) throws
}

/// One value of a parsed document, with where it is.
package struct TreeValue {
    let value: JSONValue
    let context: DecodingContext
    /// The path to the value's container.
    let parent: CodingPathStep?
    /// The value's key or index in its container; nil at the root.
    let key: (any CodingKey)?

    /// The path to this value, made when needed: an error, or an object's children.
    var path: CodingPathStep? {
        guard let key else { return parent }
        return CodingPathStep(parent: parent, key: key)
    }

    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }

    /// The value as an object whose members are read by key.
    package func object() throws -> TreeObject {
        guard case .object(let members) = value else { throw Primitive.mismatch(value, [String: Any].self, codingPath) }
        let path = self.path
        return TreeObject(members: members, context: context, path: path, reads: context.reads?.open(members, at: path))
    }

    /// The value as text.
    package func string() throws -> String { try Primitive.string(value, codingPath) }

    /// Records `message` against this value when a collector gathers problems, or throws it,
    /// as `Decoder.recordOrThrow` does.
    package func recordOrThrow(_ message: String) throws {
        if let collector = context.collector {
            collector.record(ValidationIssue(.error, at: FieldPath(codingPath: codingPath), message))
        } else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: message))
        }
    }
}

/// An object's members, read by key; the keys looked up are logged when unread fields are wanted.
package struct TreeObject {
    let members: [String: JSONValue]
    let context: DecodingContext
    let path: CodingPathStep?
    let reads: ObjectReads?

    private func lookUp(_ key: some CodingKey) -> JSONValue? {
        let name = key.stringValue
        reads?.keys.append(name)
        return members[name]
    }

    private func child(_ value: JSONValue, _ key: some CodingKey) -> TreeValue {
        TreeValue(value: value, context: context, parent: path, key: key)
    }

    /// The value at `key`, which must be there (null is a mismatch, as in Codable).
    package func read<T: TreeReadable>(_ key: some CodingKey) throws -> T {
        guard let value = lookUp(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: CodingPathStep.keys(path), debugDescription: "no value for \(key.stringValue)"))
        }
        return try T(reading: child(value, key))
    }

    /// The value at `key`, or nil when it is missing or null.
    package func readIfPresent<T: TreeReadable>(_ key: some CodingKey) throws -> T? {
        guard let value = lookUp(key), value != .null else { return nil }
        return try T(reading: child(value, key))
    }
}

extension String: TreeReadable {
    package init(reading value: TreeValue) throws { self = try value.string() }
}

extension Int: TreeReadable {
    package init(reading value: TreeValue) throws { self = try Primitive.integer(value.value, Int.self, value.codingPath) }
}

extension JSONValue: TreeReadable {
    /// Taken as it is: a module's section, kept as parsed.
    package init(reading value: TreeValue) throws { self = value.value }
}

extension Bool: TreeReadable {
    package init(reading value: TreeValue) throws { self = try Primitive.bool(value.value, value.codingPath) }
}

extension Array: TreeReadable where Element: TreeReadable {
    package init(reading value: TreeValue) throws {
        guard case .array(let items) = value.value else { throw Primitive.mismatch(value.value, [Any].self, value.codingPath) }
        let path = value.path
        self = []
        reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            append(try Element(reading: TreeValue(value: item, context: value.context, parent: path, key: IndexKey(index))))
        }
    }
}

extension Dictionary: TreeReadable where Key: TreeMemberKey, Value: TreeReadable {
    /// A map (`lastIssuedIds`), read as Codable reads one: every member is read, and a key
    /// that does not convert is data corrupted at its own path.
    package init(reading value: TreeValue) throws {
        let object = try value.object()
        object.reads?.readAll = true
        self = [:]
        for (name, member) in object.members {
            let key = MemberKey(name)
            guard let converted = Key(memberName: name) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: CodingPathStep.keys(object.path) + [key], debugDescription: "Could not convert key to type \(Key.self)"))
            }
            self[converted] = try Value(reading: TreeValue(value: member, context: value.context, parent: object.path, key: key))
        }
    }
}

/// A type a map read from (or written as) an object is keyed by: made from a member's name.
package protocol TreeMemberKey: Hashable, Decodable {
    /// The key a member's name stands for, or nil.
    init?(memberName: String)
    /// The member's name for this key.
    var memberName: String { get }
}

extension String: TreeMemberKey {
    package init?(memberName: String) { self = memberName }
    package var memberName: String { self }
}

extension EntryKind: TreeMemberKey {
    package init?(memberName: String) { self.init(rawValue: memberName) }
    package var memberName: String { rawValue }
}

/// A map's key in a coding path, as the standard library's dictionary decoding names it (a
/// key that is a number has it as its `intValue`).
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(String(intValue)) }
}

extension TreeReadable where Self: Vocabulary {
    package init(reading value: TreeValue) throws { self = try Self.read(value.string(), record: value.recordOrThrow) }
}

extension JSONTreeDecoder {
    /// Decodes a model type with its own reader: the same values and errors as the Codable
    /// overload, without Codable's containers.
    func decode<T: TreeReadable>(_ type: T.Type, from tree: JSONValue) throws -> T {
        let context = DecodingContext(userInfo: userInfo.mapValues { $0 as Any }, reads: nil)
        return try T(reading: TreeValue(value: tree, context: context, parent: nil, key: nil))
    }

    /// Like the Codable overload, for a model type with its own reader.
    func decodeReportingUnread<T: TreeReadable>(
        _ type: T.Type, from tree: JSONValue, ignoringAtRoot: Set<String> = []
    ) throws -> (value: T, unread: [FieldPath]) {
        let reads = ReadLog()
        let context = DecodingContext(userInfo: userInfo.mapValues { $0 as Any }, reads: reads)
        let value = try T(reading: TreeValue(value: tree, context: context, parent: nil, key: nil))
        return (value, reads.unread(ignoringAtRoot: ignoringAtRoot))
    }
}
