/// Decodes `Decodable` values straight from a parsed `JSONValue` tree, so a plan's bytes are
/// parsed once: the strict parser builds the tree, and the model is read from it.
///
/// Errors are the `DecodingError`s JSONDecoder would throw, with the coding path of the value
/// at fault, so `PlanJSON` turns them into the same field paths and messages. A fraction
/// where a whole number belongs is a type mismatch at its own path. A `JSONValue` (a module's
/// section, kept as parsed) is taken as it is.
///
/// Built for speed on the hot path (every plan read): the coding path is a chain of parent
/// links, turned into an array only when someone asks (an error, a recorded problem); a
/// primitive member is read without making a decoder for it; `decodeIfPresent` looks its key
/// up once; and the user info is converted once per document, not at every value.
struct JSONTreeDecoder {
    var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    func decode<T: Decodable>(_ type: T.Type, from tree: JSONValue) throws -> T {
        let context = DecodingContext(userInfo: userInfo.mapValues { $0 as Any }, reads: nil)
        return try TreeValueDecoder(value: tree, context: context, path: nil).read(T.self)
    }

    /// Decodes like `decode`, and also returns the fields the type never asked for: the
    /// members, other than null, of every object it read through a keyed container that no
    /// container on that object looked up. These are what the model does not hold, found
    /// without encoding the value again to compare.
    ///
    /// - Parameter ignoringAtRoot: keys of the root object that are read elsewhere.
    /// - Returns: the value, and the unread fields in document order (keys sorted at each
    ///   level, list items in order).
    func decodeReportingUnread<T: Decodable>(
        _ type: T.Type, from tree: JSONValue, ignoringAtRoot: Set<String> = []
    ) throws -> (value: T, unread: [FieldPath]) {
        let reads = ReadLog()
        let context = DecodingContext(userInfo: userInfo.mapValues { $0 as Any }, reads: reads)
        let value = try TreeValueDecoder(value: tree, context: context, path: nil).read(T.self)
        return (value, reads.unread(ignoringAtRoot: ignoringAtRoot))
    }
}

/// What every decoder and reader of one document shares.
final class DecodingContext {
    let userInfo: [CodingUserInfoKey: Any]
    /// Where keyed containers log the keys they look up, when the caller asked for unread fields.
    let reads: ReadLog?
    /// Where values that check themselves record a problem, when there is a collector.
    let collector: DecodingIssueCollector?

    init(userInfo: [CodingUserInfoKey: Any], reads: ReadLog?) {
        self.userInfo = userInfo
        self.reads = reads
        collector = userInfo[DecodingIssueCollector.userInfoKey] as? DecodingIssueCollector
    }
}

/// The keys one keyed container looked up in its object.
final class ObjectReads {
    let members: [String: JSONValue]
    let path: CodingPathStep?
    var keys: [String] = []
    /// Set when the container listed `allKeys`: it may have read any of them.
    var readAll = false

    init(members: [String: JSONValue], path: CodingPathStep?) {
        self.members = members
        self.path = path
    }

    /// The members other than null that were not looked up.
    func unreadKeys(ignoring ignored: Set<String>) -> [String] {
        guard !readAll else { return [] }
        // Looked at without allocating first: nearly every object has every member read.
        func isUnread(_ key: String, _ value: JSONValue) -> Bool {
            value != .null && !keys.contains(key) && !ignored.contains(key)
        }
        guard members.contains(where: isUnread) else { return [] }
        return members.compactMap { isUnread($0, $1) ? $0 : nil }
    }
}

/// Every keyed container of one document, for the unread fields.
final class ReadLog {
    private var objects: [ObjectReads] = []

    func open(_ members: [String: JSONValue], at path: CodingPathStep?) -> ObjectReads {
        let reads = ObjectReads(members: members, path: path)
        objects.append(reads)
        return reads
    }

    func unread(ignoringAtRoot ignored: Set<String>) -> [FieldPath] {
        var unreadByObject: [FieldPath: Set<String>] = [:]
        for object in objects {
            let keys = object.unreadKeys(ignoring: object.path == nil ? ignored : [])
            guard !keys.isEmpty else { continue }
            unreadByObject[FieldPath(codingPath: CodingPathStep.keys(object.path)), default: []].formUnion(keys)
        }
        guard !unreadByObject.isEmpty else { return [] }
        // An object read by several containers (a type that opens two) has a key read when
        // any of them looked it up.
        for object in objects {
            let path = FieldPath(codingPath: CodingPathStep.keys(object.path))
            guard let unread = unreadByObject[path] else { continue }
            unreadByObject[path] = object.readAll ? [] : unread.subtracting(object.keys)
        }
        let fields = unreadByObject.flatMap { path, keys in keys.map { path.appending($0) } }
        return fields.sorted { $0.components.lexicographicallyPrecedes($1.components, by: FieldPath.Component.documentOrder) }
    }
}

extension FieldPath.Component {
    /// Keys in sorted order, list items by position: the order a walk of the document with
    /// sorted keys meets them.
    static func documentOrder(_ left: Self, _ right: Self) -> Bool {
        switch (left, right) {
        case (.key(let a), .key(let b)): a < b
        case (.index(let a), .index(let b)): a < b
        case (.key, .index): false
        case (.index, .key): true
        }
    }
}

/// A list item's place in a coding path, as JSONDecoder names it ("Index 3").
struct IndexKey: CodingKey {
    let intValue: Int?
    // Made only when asked for (an error): a path step is made for every list item read.
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) {
        intValue = index
    }

    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}

/// Reads primitives out of a value, throwing what JSONDecoder would, at `path` (made only then).
enum Primitive {
    static func mismatch(_ value: JSONValue, _ type: Any.Type, _ path: @autoclosure () -> [any CodingKey]) -> DecodingError {
        if value == .null {
            return .valueNotFound(type, .init(codingPath: path(), debugDescription: "expected a value, found null"))
        }
        return .typeMismatch(type, .init(codingPath: path(), debugDescription: "expected \(type), found \(value.kindDescription)"))
    }

    static func string(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch(value, String.self, path()) }
        return text
    }

    static func bool(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(value, Bool.self, path()) }
        return flag
    }

    static func double(_ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> Double {
        switch value {
        case .number(let number): return number
        case .integer(let number): return Double(number)
        default: throw mismatch(value, Double.self, path())
        }
    }

    static func integer<I: FixedWidthInteger>(_ value: JSONValue, _ type: I.Type, _ path: @autoclosure () -> [any CodingKey]) throws -> I {
        guard case .integer(let number) = value else { throw mismatch(value, I.self, path()) }
        guard let exact = I(exactly: number) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "the number \(number) does not fit in \(I.self)"))
        }
        return exact
    }
}

private struct TreeValueDecoder: Decoder {
    let value: JSONValue
    let context: DecodingContext
    let path: CodingPathStep?

    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { context.userInfo }

    func read<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == JSONValue.self, let tree = value as? T { return tree }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw Primitive.mismatch(value, [String: Any].self, codingPath) }
        return KeyedDecodingContainer(
            KeyedTreeDecoding<Key>(members: members, context: context, path: path, reads: context.reads?.open(members, at: path)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw Primitive.mismatch(value, [Any].self, codingPath) }
        return UnkeyedTreeDecoding(items: items, context: context, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleTreeDecoding(decoder: self)
    }
}

private struct KeyedTreeDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: JSONValue]
    let context: DecodingContext
    let path: CodingPathStep?
    /// Where the keys looked up are logged, when unread fields are wanted.
    let reads: ObjectReads?

    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }
    var allKeys: [Key] {
        reads?.readAll = true
        return members.keys.compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool { lookUp(key) != nil }

    /// The member at `key`, if any, logged as read.
    private func lookUp(_ key: Key) -> JSONValue? {
        let name = key.stringValue
        reads?.keys.append(name)
        return members[name]
    }

    /// The member at `key`, or keyNotFound.
    private func member(_ key: Key) throws -> JSONValue {
        guard let member = lookUp(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return member
    }

    private func pathTo(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func child(_ key: Key) throws -> TreeValueDecoder {
        TreeValueDecoder(value: try member(key), context: context, path: CodingPathStep(parent: path, key: key))
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Primitive.bool(member(key), pathTo(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try Primitive.string(member(key), pathTo(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try Primitive.double(member(key), pathTo(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try Primitive.double(member(key), pathTo(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Primitive.integer(member(key), Int.self, pathTo(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try Primitive.integer(member(key), Int8.self, pathTo(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try Primitive.integer(member(key), Int16.self, pathTo(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try Primitive.integer(member(key), Int32.self, pathTo(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try Primitive.integer(member(key), Int64.self, pathTo(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try Primitive.integer(member(key), UInt.self, pathTo(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try Primitive.integer(member(key), UInt8.self, pathTo(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try Primitive.integer(member(key), UInt16.self, pathTo(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try Primitive.integer(member(key), UInt32.self, pathTo(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try Primitive.integer(member(key), UInt64.self, pathTo(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).read(T.self) }

    // One look-up each: a missing key and null are both nil, as JSONDecoder has them.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = lookUp(key), value != .null else { return nil }
        return try Primitive.string(value, pathTo(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let value = lookUp(key), value != .null else { return nil }
        return try Primitive.bool(value, pathTo(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let value = lookUp(key), value != .null else { return nil }
        return try Primitive.integer(value, Int.self, pathTo(key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = lookUp(key), value != .null else { return nil }
        return try TreeValueDecoder(value: value, context: context, path: CodingPathStep(parent: path, key: key)).read(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        reads?.keys.append("super")
        return TreeValueDecoder(value: members["super"] ?? .null, context: context, path: path)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeValueDecoder(value: lookUp(key) ?? .null, context: context, path: CodingPathStep(parent: path, key: key))
    }
}

private struct UnkeyedTreeDecoding: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let context: DecodingContext
    let path: CodingPathStep?
    private(set) var currentIndex = 0

    init(items: [JSONValue], context: DecodingContext, path: CodingPathStep?) {
        self.items = items
        self.context = context
        self.path = path
    }

    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private func pathHere() -> [any CodingKey] { codingPath + [IndexKey(currentIndex)] }

    /// The next item, for a primitive read.
    private mutating func nextValue(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: pathHere(), debugDescription: "the list has ended"))
        }
        return items[currentIndex]
    }

    mutating func next(_ type: Any.Type) throws -> TreeValueDecoder {
        let value = try nextValue(type)
        defer { currentIndex += 1 }
        return TreeValueDecoder(value: value, context: context, path: CodingPathStep(parent: path, key: IndexKey(currentIndex)))
    }

    /// Reads the next item with `read`, moving on only when it succeeds.
    private mutating func primitive<T>(_ type: T.Type, _ read: (JSONValue, @autoclosure () -> [any CodingKey]) throws -> T) throws -> T {
        let value = try nextValue(type)
        let result = try read(value, pathHere())
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try primitive(type) { try Primitive.bool($0, $1()) } }
    mutating func decode(_ type: String.Type) throws -> String { try primitive(type) { try Primitive.string($0, $1()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try primitive(type) { try Primitive.double($0, $1()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try primitive(Double.self) { try Primitive.double($0, $1()) }) }
    mutating func decode(_ type: Int.Type) throws -> Int { try primitive(type) { try Primitive.integer($0, Int.self, $1()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try primitive(type) { try Primitive.integer($0, Int8.self, $1()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try primitive(type) { try Primitive.integer($0, Int16.self, $1()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try primitive(type) { try Primitive.integer($0, Int32.self, $1()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try primitive(type) { try Primitive.integer($0, Int64.self, $1()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try primitive(type) { try Primitive.integer($0, UInt.self, $1()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try primitive(type) { try Primitive.integer($0, UInt8.self, $1()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try primitive(type) { try Primitive.integer($0, UInt16.self, $1()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try primitive(type) { try Primitive.integer($0, UInt32.self, $1()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try primitive(type) { try Primitive.integer($0, UInt64.self, $1()) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).read(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next([String: Any].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next([Any].self).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try next(Any.self)
    }
}

private struct SingleTreeDecoding: SingleValueDecodingContainer {
    let decoder: TreeValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    private var value: JSONValue { decoder.value }

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try Primitive.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try Primitive.string(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Primitive.double(value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try Primitive.double(value, codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try Primitive.integer(value, Int.self, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Primitive.integer(value, Int8.self, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Primitive.integer(value, Int16.self, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Primitive.integer(value, Int32.self, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Primitive.integer(value, Int64.self, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Primitive.integer(value, UInt.self, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Primitive.integer(value, UInt8.self, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Primitive.integer(value, UInt16.self, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Primitive.integer(value, UInt32.self, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Primitive.integer(value, UInt64.self, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.read(T.self) }
}
