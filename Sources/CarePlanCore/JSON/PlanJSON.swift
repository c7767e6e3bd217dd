public import Foundation

/// Reads and writes plan JSON v1 (see docs/json-format.md).
///
/// Writing is canonical: the same plan always gives the same bytes. Reading checks the
/// whole document and reports every problem it can find in one pass.
public enum PlanJSON {
    /// The longest text any one field may hold, in characters.
    public static let maximumTextLength = 20_000
    /// The longest field name a document may have, in characters.
    static let maximumFieldNameLength = 200
    /// The largest plan document accepted, in bytes.
    public static let maximumDocumentSize = 16 * 1024 * 1024

    /// The canonical bytes of `plan`.
    public static func encode(_ plan: Plan) -> Data {
        Data(CanonicalJSONWriter.write(tree(of: plan)))
    }

    /// The canonical bytes of any JSON value.
    public static func encode(_ value: JSONValue) -> Data {
        Data(CanonicalJSONWriter.write(value))
    }

    /// `value` on one line with sorted keys and no spaces, without a newline: one JSON Lines record.
    public static func encodeLine(_ value: JSONValue) -> Data {
        Data(CanonicalJSONWriter.writeCompact(value))
    }

    /// Decodes a plan careplan itself wrote (from the store), without validating it again.
    public static func decodeStored(_ data: Data) throws -> Plan {
        let tree = try JSONParser.parse(data)
        var decoder = JSONTreeDecoder()
        decoder.userInfo[Plan.extensionsHandledOutside] = true
        var plan = try decoder.decode(Plan.self, from: tree)
        if case .object(let sections)? = tree["extensions"] { plan.extensions = sections }
        return plan
    }

    /// Parses JSON text into a tree (strict RFC 8259, nesting up to 512 levels).
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONParser.parse(data)
    }

    /// `plan` as a JSON tree, the shape it is written in: written by the model's own writers
    /// (`TreeWritable`), with the modules' sections kept as they were parsed.
    public static func tree(of plan: Plan) -> JSONValue {
        plan.jsonTree
    }

    /// Decodes and validates a plan document.
    ///
    /// - Parameters:
    ///   - today: the current day, for checks such as a date of birth in the future.
    ///   - plugins: the loaded role modules, whose sections and rules are checked too.
    /// - Returns: the plan and any warnings.
    /// - Throws: `PlanDocumentError` holding every error found (and the warnings).
    public static func decode(
        _ data: Data, today: CalendarDate? = nil,
        plugins: PluginHost = .none
    ) throws(PlanDocumentError) -> (plan: Plan, warnings: [ValidationIssue]) {
        let checked = try check(data, today: today, plugins: plugins, canonicalBytes: .onDemand)
        return (checked.plan, checked.warnings)
    }

    /// When `check` writes the canonical bytes of a plan it accepts.
    public enum CanonicalBytes: Sendable {
        /// As part of the check, on the thread that checks: for an importer, which stores them.
        case written
        /// Only if `CheckedPlan.canonical` is read: for a validator, which never does (writing
        /// them is about a tenth of a check).
        case onDemand
    }

    /// A plan that passed every check, with its canonical bytes (what the store keeps).
    public struct CheckedPlan: Sendable {
        /// The plan.
        public var plan: Plan
        /// Warnings found.
        public var warnings: [ValidationIssue]
        /// The canonical JSON of the plan, as `encode(plan)` would write it: the bytes the
        /// check wrote, or, if it was asked not to, written now from the plan it checked.
        public var canonical: Data { bytes ?? PlanJSON.encode(checked) }
        private let bytes: Data?
        /// The plan as checked, for the bytes on demand (`plan` may be changed by the caller).
        private let checked: Plan

        init(plan: Plan, warnings: [ValidationIssue], canonicalBytes: CanonicalBytes) {
            self.plan = plan
            self.warnings = warnings
            checked = plan
            switch canonicalBytes {
            case .written: bytes = PlanJSON.encode(plan)
            case .onDemand: bytes = nil
            }
        }
    }

    /// Like `decode`, also returning the canonical bytes it computed along the way, so an
    /// importer need not encode the plan a second time.
    ///
    /// - Parameter canonicalBytes: whether the bytes are written as part of the check (the
    ///   default) or only when they are read.
    public static func check(
        _ data: Data, today: CalendarDate? = nil,
        plugins: PluginHost = .none, canonicalBytes: CanonicalBytes = .written
    ) throws(PlanDocumentError) -> CheckedPlan {
        let (tree, longest) = try parseTree(data)
        try checkFormat(tree)
        // Lengths in UTF-8 bytes bound lengths in characters: most plans need no walk at all.
        if longest.value > maximumTextLength || longest.fieldName > maximumFieldNameLength {
            try checkTextLengths(tree)
        }

        let collector = DecodingIssueCollector()
        // The model is read from the tree already parsed: the bytes are parsed once.
        var decoder = JSONTreeDecoder()
        decoder.userInfo[DecodingIssueCollector.userInfoKey] = collector
        decoder.userInfo[Plan.extensionsHandledOutside] = true
        var issues: [ValidationIssue] = []
        var decoded: Plan?
        var unread: [FieldPath] = []
        do {
            // The fields the model never asked for are the ones it does not keep: found while
            // decoding, so the plan need not be encoded again to compare.
            (decoded, unread) = try decoder.decodeReportingUnread(Plan.self, from: tree, ignoringAtRoot: checkedOutsideTheModel)
        } catch let error as DecodingError {
            issues = collector.issues + [issue(for: error, in: tree)]
        } catch {
            issues = collector.issues + [ValidationIssue(.error, at: .root, "could not be read as a plan")]
        }
        guard var plan = decoded, issues.isEmpty else {
            throw PlanDocumentError(issues: issues)
        }
        switch tree["extensions"] {
        case .object(let sections)?: plan.extensions = sections
        case nil, .null?: break
        case let other?: throw PlanDocumentError("extensions", "expected an object, got \(other.kindDescription)")
        }

        // Values that failed their own checks were decoded as placeholders; the business
        // rules still run so every problem is reported at once, but not on the entries
        // holding a placeholder, where they would only echo the first problem.
        let unreadable = collector.issues
        let entriesWithPlaceholders = Set(unreadable.map { $0.path.entryPrefix })
        issues = unreadable
        issues += PlanValidator(today: today).validate(plan).filter { !entriesWithPlaceholders.contains($0.path.entryPrefix) }
        if unreadable.isEmpty {
            // A plan in an older shape is checked and written in the current one; its fields
            // were read by this version's model before the upgrade moves them.
            plugins.upgrade(&plan)
            issues += plugins.validate(plan, today: today)
            issues += unread.map { ValidationIssue(.warning, at: $0, unknownFieldMessage) }
        }
        if issues.containsErrors {
            throw PlanDocumentError(issues: issues)
        }
        return CheckedPlan(plan: plan, warnings: issues, canonicalBytes: canonicalBytes)
    }

    // MARK: - Steps

    static func parseTree(_ data: Data) throws(PlanDocumentError) -> (JSONValue, JSONParser.LongestText) {
        guard data.count <= maximumDocumentSize else {
            throw PlanDocumentError(.root, "the document is \(data.count) bytes; plans may be at most \(maximumDocumentSize) bytes")
        }
        if let offset = firstInvalidUTF8Offset(data) {
            throw PlanDocumentError(.root, "not valid UTF-8 text (bad byte at offset \(offset))")
        }
        do {
            return try JSONParser.parseMeasuring(data)
        } catch {
            throw PlanDocumentError(.root, "not valid JSON: \(error)")
        }
    }

    static func checkFormat(_ tree: JSONValue) throws(PlanDocumentError) {
        guard case .object = tree else {
            throw PlanDocumentError(.root, "expected a plan object, got \(tree.kindDescription)")
        }
        guard case .string(let format)? = tree["format"] else {
            throw PlanDocumentError("format", "expected \"\(Plan.formatName)\"; is this a careplan plan file?")
        }
        guard format == Plan.formatName else {
            throw PlanDocumentError("format", "expected \"\(Plan.formatName)\", got \(Quoted(format))")
        }
        guard case .integer(let version)? = tree["formatVersion"] else {
            throw PlanDocumentError("formatVersion", "expected the format version as a whole number (1)")
        }
        guard version == Int64(Plan.formatVersion) else {
            throw PlanDocumentError("formatVersion", "this careplan reads version \(Plan.formatVersion) plans, got version \(version)")
        }
    }

    static func checkTextLengths(_ tree: JSONValue) throws(PlanDocumentError) {
        // Almost every plan passes: a walk that builds no paths finds that out; the walk
        // naming each field runs only when there is something to name.
        func hasOverlong(_ value: JSONValue) -> Bool {
            switch value {
            case .string(let text): text.utf8.count > maximumTextLength && text.count > maximumTextLength
            case .array(let items): items.contains(where: hasOverlong)
            // A name's UTF-8 length (O(1)) bounds its length in characters (a walk) from above.
            case .object(let members):
                members.contains {
                    $0.key.utf8.count > maximumFieldNameLength && $0.key.count > maximumFieldNameLength || hasOverlong($0.value)
                }
            case .null, .bool, .integer, .number: false
            }
        }
        guard hasOverlong(tree) else { return }
        var issues: [ValidationIssue] = []
        func walk(_ value: JSONValue, _ path: FieldPath) {
            switch value {
            case .string(let text):
                // utf8.count bounds the character count from above and is O(1) for native strings.
                if text.utf8.count > maximumTextLength, text.count > maximumTextLength {
                    issues.append(ValidationIssue(.error, at: path, "text is \(text.count) characters long; at most \(maximumTextLength) are allowed"))
                }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, path.appending(index)) }
            case .object(let members):
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    if key.count > maximumFieldNameLength {
                        issues.append(
                            ValidationIssue(
                                .error, at: path, "a field name is \(key.count) characters long; at most \(maximumFieldNameLength) are allowed"))
                    } else {
                        walk(member, path.appending(key))
                    }
                }
            case .null, .bool, .integer, .number:
                break
            }
        }
        walk(tree, .root)
        if !issues.isEmpty { throw PlanDocumentError(issues: issues) }
    }

    static func issue(for error: DecodingError, in tree: JSONValue) -> ValidationIssue {
        switch error {
        case .keyNotFound(let key, let context):
            let path = FieldPath(codingPath: context.codingPath + [key])
            return ValidationIssue(.error, at: path, "required field is missing")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = FieldPath(codingPath: context.codingPath)
            let found = tree.value(at: path)?.kindDescription ?? "nothing"
            return ValidationIssue(.error, at: path, "expected \(describe(type)), got \(found)")
        case .dataCorrupted(let context):
            // Foundation reports a fraction where a whole number belongs without a path; the
            // plan model holds no fractional numbers, so the first one outside extensions is it.
            if context.codingPath.isEmpty, let path = firstFractionalNumber(in: tree) {
                return ValidationIssue(.error, at: path, "expected a whole number, got a number")
            }
            let path = FieldPath(codingPath: context.codingPath)
            return ValidationIssue(.error, at: path, context.debugDescription)
        @unknown default:
            return ValidationIssue(.error, at: .root, "could not be read as a plan")
        }
    }

    static func firstFractionalNumber(in tree: JSONValue) -> FieldPath? {
        func walk(_ value: JSONValue, _ path: FieldPath) -> FieldPath? {
            switch value {
            case .number: return path
            case .array(let items):
                for (index, item) in items.enumerated() {
                    if let found = walk(item, path.appending(index)) { return found }
                }
            case .object(let members):
                for key in members.keys.sorted() where !(path.components.isEmpty && key == "extensions") {
                    if let member = members[key], let found = walk(member, path.appending(key)) { return found }
                }
            case .null, .bool, .integer, .string:
                break
            }
            return nil
        }
        return walk(tree, .root)
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// Top-level fields read by `check` itself rather than by the model: never unknown.
    static let checkedOutsideTheModel: Set<String> = ["format", "formatVersion", "extensions"]

    /// The warning for a field in the input that the plan model does not hold (written by a
    /// newer version, or misspelt): it is not kept, so the person importing should know.
    static let unknownFieldMessage = "unknown field, not kept (written by a newer careplan, or misspelt?)"

    /// The offset of the first byte that breaks UTF-8 (RFC 3629), or nil if all is well.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        #if compiler(>=6.2)
            // Checked in place; String(validating:) would copy the whole document first.
            if (try? UTF8Span(validating: data.span)) != nil { return nil }
        #else
            if String(validating: data, as: UTF8.self) != nil { return nil }
        #endif
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return index
            }
            guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return index }
            for continuation in bytes[(index + 2)..<(index + length)] where !(0x80...0xBF).contains(continuation) {
                return index
            }
            index += length
        }
        return nil
    }
}

/// A plan document that cannot be accepted, with every problem found.
public struct PlanDocumentError: Error, Sendable, CustomStringConvertible {
    /// The errors, and any warnings found alongside them.
    public var issues: [ValidationIssue]

    /// An error from its issues.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    init(_ path: FieldPath, _ message: String) {
        self.issues = [ValidationIssue(.error, at: path, message)]
    }

    /// One issue per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
