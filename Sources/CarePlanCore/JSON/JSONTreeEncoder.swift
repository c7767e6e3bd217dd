/// Encodes `Encodable` values straight into a `JSONValue` tree: the model is written once, as
/// the tree the canonical writer lays out, with no bytes in between (Foundation's JSONEncoder
/// would write text that then has to be parsed back).
///
/// Produces the tree JSONEncoder's output would parse to: keyed containers become objects,
/// unkeyed ones arrays, `nil` from `encodeIfPresent` leaves the key out, and a `JSONValue`
/// (a module's section, kept as parsed) is taken as it is.
struct JSONTreeEncoder {
    var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    func encode(_ value: some Encodable) throws -> JSONValue {
        let root = TreeNode()
        try root.store(value, userInfo: userInfo, path: nil)
        return root.value
    }
}

/// A value being built: a leaf, or an object or array whose children may still be filled in
/// by nested containers (hence a class). Primitive members are kept as values, not nodes: a
/// plan has thousands of them, and each node is an allocation.
private final class TreeNode {
    enum Child {
        case leaf(JSONValue)
        case node(TreeNode)

        var value: JSONValue {
            switch self {
            case .leaf(let value): value
            case .node(let node): node.value
            }
        }
    }

    // Kept in separate stored properties so children are added in place, never by copying a
    // collection out of an enum and back.
    private var leaf: JSONValue?
    private var members: [String: Child]?
    private var items: [Child]?

    var value: JSONValue {
        if let leaf { return leaf }
        if let items { return .array(items.map(\.value)) }
        return .object((members ?? [:]).mapValues(\.value))
    }

    func setLeaf(_ value: JSONValue) {
        leaf = value
        members = nil
        items = nil
    }

    func becomeObject() {
        guard members == nil else { return }
        leaf = nil
        items = nil
        members = [:]
    }

    func becomeArray() {
        guard items == nil else { return }
        leaf = nil
        members = nil
        items = []
    }

    func store(_ value: some Encodable, userInfo: [CodingUserInfoKey: any Sendable], path: CodingPathStep?) throws {
        if let tree = Self.tree(value) {
            setLeaf(tree)
            return
        }
        try value.encode(to: TreeNodeEncoder(node: self, userInfo: userInfo, path: path))
    }

    /// `value` itself when it is a `JSONValue`: a type comparison first, so other values are
    /// not put through a dynamic cast.
    static func tree<T: Encodable>(_ value: T) -> JSONValue? {
        T.self == JSONValue.self ? value as? JSONValue : nil
    }

    /// Sets member `key` to a primitive.
    func setMember(_ key: String, _ value: JSONValue) {
        becomeObject()
        members?[key] = .leaf(value)
    }

    func child(forKey key: String) -> TreeNode {
        becomeObject()
        if case .node(let existing)? = members?[key] { return existing }
        let node = TreeNode()
        members?[key] = .node(node)
        return node
    }

    /// Appends a primitive item.
    func appendLeaf(_ value: JSONValue) {
        becomeArray()
        items?.append(.leaf(value))
    }

    func appendChild() -> TreeNode {
        becomeArray()
        let node = TreeNode()
        items?.append(.node(node))
        return node
    }

    var count: Int { items?.count ?? 0 }
}

private struct TreeNodeEncoder: Encoder {
    let node: TreeNode
    let userInfoStorage: [CodingUserInfoKey: any Sendable]
    let path: CodingPathStep?
    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }

    init(node: TreeNode, userInfo: [CodingUserInfoKey: any Sendable], path: CodingPathStep?) {
        self.node = node
        self.userInfoStorage = userInfo
        self.path = path
    }

    var userInfo: [CodingUserInfoKey: Any] { userInfoStorage }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, userInfo: userInfoStorage, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedTreeContainer(node: node, userInfo: userInfoStorage, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node, userInfo: userInfoStorage, path: path)
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    let userInfo: [CodingUserInfoKey: any Sendable]
    let path: CodingPathStep?
    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }

    func set(_ value: JSONValue, _ key: Key) { node.setMember(key.stringValue, value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.number(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(try TreeNumbers.integer(value, codingPath + [key as any CodingKey]), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.integer(Int64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(try TreeNumbers.integer(value, codingPath + [key as any CodingKey]), key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        if let tree = TreeNode.tree(value) { return set(tree, key) }
        try node.child(forKey: key.stringValue).store(value, userInfo: userInfo, path: CodingPathStep(parent: path, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, userInfo: userInfo, path: CodingPathStep(parent: path, key: key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.becomeArray()
        return UnkeyedTreeContainer(node: child, userInfo: userInfo, path: CodingPathStep(parent: path, key: key))
    }

    mutating func superEncoder() -> any Encoder {
        TreeNodeEncoder(node: node.child(forKey: "super"), userInfo: userInfo, path: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeNodeEncoder(node: node.child(forKey: key.stringValue), userInfo: userInfo, path: CodingPathStep(parent: path, key: key))
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    let userInfo: [CodingUserInfoKey: any Sendable]
    let path: CodingPathStep?
    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }

    var count: Int { node.count }

    func append(_ value: JSONValue) { node.appendLeaf(value) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.number(value)) }
    mutating func encode(_ value: Float) throws { append(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { append(.integer(value)) }
    mutating func encode(_ value: UInt) throws { append(try TreeNumbers.integer(value, codingPath)) }
    mutating func encode(_ value: UInt8) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { append(.integer(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { append(try TreeNumbers.integer(value, codingPath)) }

    mutating func encode(_ value: some Encodable) throws {
        if let tree = TreeNode.tree(value) { return append(tree) }
        try node.appendChild().store(value, userInfo: userInfo, path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.appendChild()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, userInfo: userInfo, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.appendChild()
        child.becomeArray()
        return UnkeyedTreeContainer(node: child, userInfo: userInfo, path: path)
    }

    mutating func superEncoder() -> any Encoder {
        TreeNodeEncoder(node: node.appendChild(), userInfo: userInfo, path: path)
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: TreeNode
    let userInfo: [CodingUserInfoKey: any Sendable]
    let path: CodingPathStep?
    var codingPath: [any CodingKey] { CodingPathStep.keys(path) }

    func set(_ value: JSONValue) { node.setLeaf(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(.number(value)) }
    mutating func encode(_ value: Float) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int8) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int16) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int32) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { set(.integer(value)) }
    mutating func encode(_ value: UInt) throws { set(try TreeNumbers.integer(value, codingPath)) }
    mutating func encode(_ value: UInt8) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: UInt16) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { set(.integer(Int64(value))) }
    mutating func encode(_ value: UInt64) throws { set(try TreeNumbers.integer(value, codingPath)) }

    mutating func encode(_ value: some Encodable) throws {
        try node.store(value, userInfo: userInfo, path: path)
    }
}

private enum TreeNumbers {
    /// Unsigned numbers beyond Int64 cannot be held by the tree: refused rather than wrapped.
    static func integer(_ value: some UnsignedInteger, _ codingPath: [any CodingKey]) throws -> JSONValue {
        guard let exact = Int64(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "too large for a JSON integer here"))
        }
        return .integer(exact)
    }
}
