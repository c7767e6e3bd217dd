import Foundation

/// The Swift Testing tests declared in the package's test sources, by the id the hazard log
/// uses: `Target.Type/function` (`Target/function` for a test outside any type), where Target
/// is the folder under Tests/ and Type the enclosing types joined by dots.
///
/// It reads the sources rather than asking the running suite, so a test can show what the
/// check says about a renamed test without renaming it on disk.
struct SwiftTestIndex {
    /// Every test id found.
    private(set) var ids: Set<String> = []

    /// The tests in the sources of `root`/Tests.
    init(packageRoot root: URL) throws {
        let tests = root.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let parts = file.path.dropFirst(tests.path.count + 1).split(separator: "/")
            guard parts.count >= 2 else { continue }
            add(source: try String(contentsOf: file, encoding: .utf8), target: String(parts[0]))
        }
    }

    /// An index of the given sources only, by target.
    init(sources: [(target: String, source: String)]) {
        for (target, source) in sources { add(source: source, target: target) }
    }

    /// Adds the tests declared in `source`, a file of `target`.
    mutating func add(source: String, target: String) {
        let tokens = Self.tokens(SwiftSkeleton.code(of: source))
        var types: [(name: String, depth: Int)] = []
        var depth = 0
        var pendingType: String?
        var pendingTest = false
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let next = index + 1 < tokens.count ? tokens[index + 1] : ""
            switch token {
            case "{":
                if let name = pendingType { types.append((name, depth)) }
                pendingType = nil
                depth += 1
            case "}":
                depth -= 1
                if let last = types.last, last.depth == depth { types.removeLast() }
            case "struct", "class", "enum", "actor", "extension":
                // `class func`, `class var`: a modifier, not a type.
                let declares = next.first?.isLetter == true || next.first == "_"
                if declares, !["func", "var", "let", "subscript", "init"].contains(next) { pendingType = next }
            case "@" where next == "Test":
                pendingTest = true
            case "func" where pendingTest:
                let path = types.map(\.name).joined(separator: ".")
                ids.insert(path.isEmpty ? "\(target)/\(next)" : "\(target).\(path)/\(next)")
                pendingTest = false
            default:
                break
            }
            index += 1
        }
    }

    /// Identifiers (dotted names kept whole, as in `extension A.B`) and single punctuation.
    private static func tokens(_ code: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in code {
            if character.isLetter || character.isNumber || character == "_" || (character == "." && !word.isEmpty) {
                word.append(character)
                continue
            }
            if !word.isEmpty {
                tokens.append(word.hasSuffix(".") ? String(word.dropLast()) : word)
                word = ""
            }
            if character == "{" || character == "}" || character == "@" { tokens.append(String(character)) }
        }
        if !word.isEmpty { tokens.append(word) }
        return tokens
    }
}

/// Swift source with its comments and string literals blanked out (newlines kept), so braces
/// and keywords inside them are not taken for code. Handles nested block comments, multi-line
/// and raw strings, and interpolations that hold strings of their own.
enum SwiftSkeleton {
    /// `source` with every comment and string literal replaced by spaces.
    static func code(of source: String) -> String {
        var scanner = Scanner(bytes: Array(source.utf8))
        scanner.code(inInterpolation: false)
        return String(decoding: scanner.output, as: UTF8.self)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var output: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            self.output = bytes
        }

        private func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

        private mutating func blank(from start: Int) {
            for position in start..<min(index, bytes.count) where output[position] != UInt8(ascii: "\n") {
                output[position] = UInt8(ascii: " ")
            }
        }

        /// Code up to the end, or, in an interpolation, to just after its closing parenthesis.
        mutating func code(inInterpolation: Bool) {
            var parentheses = 0
            while let current = byte(index) {
                let start = index
                switch current {
                case UInt8(ascii: "/") where byte(index + 1) == UInt8(ascii: "/"):
                    while let next = byte(index), next != UInt8(ascii: "\n") { index += 1 }
                    blank(from: start)
                case UInt8(ascii: "/") where byte(index + 1) == UInt8(ascii: "*"):
                    blockComment()
                    blank(from: start)
                case UInt8(ascii: "\""):
                    string(hashes: 0)
                    blank(from: start)
                case UInt8(ascii: "#") where startsRawString():
                    var hashes = 0
                    while byte(index) == UInt8(ascii: "#") {
                        hashes += 1
                        index += 1
                    }
                    string(hashes: hashes)
                    blank(from: start)
                case UInt8(ascii: "(") where inInterpolation:
                    parentheses += 1
                    index += 1
                case UInt8(ascii: ")") where inInterpolation:
                    index += 1
                    if parentheses == 0 { return }
                    parentheses -= 1
                default:
                    index += 1
                }
            }
        }

        private func startsRawString() -> Bool {
            var position = index
            while byte(position) == UInt8(ascii: "#") { position += 1 }
            return byte(position) == UInt8(ascii: "\"")
        }

        private mutating func blockComment() {
            var nesting = 0
            while let current = byte(index) {
                if current == UInt8(ascii: "/"), byte(index + 1) == UInt8(ascii: "*") {
                    nesting += 1
                    index += 2
                } else if current == UInt8(ascii: "*"), byte(index + 1) == UInt8(ascii: "/") {
                    nesting -= 1
                    index += 2
                    if nesting == 0 { return }
                } else {
                    index += 1
                }
            }
        }

        private func hashesFollow(_ at: Int, _ count: Int) -> Bool {
            (0..<count).allSatisfy { byte(at + $0) == UInt8(ascii: "#") }
        }

        /// A string literal whose opening quote is at `index`, delimited by `hashes` hashes.
        private mutating func string(hashes: Int) {
            let multiLine = byte(index + 1) == UInt8(ascii: "\"") && byte(index + 2) == UInt8(ascii: "\"")
            index += multiLine ? 3 : 1
            while let current = byte(index) {
                if current == UInt8(ascii: "\\"), hashesFollow(index + 1, hashes) {
                    let after = index + 1 + hashes
                    index = after + 1
                    if byte(after) == UInt8(ascii: "(") { code(inInterpolation: true) }
                    continue
                }
                if current == UInt8(ascii: "\"") {
                    if multiLine {
                        if byte(index + 1) == UInt8(ascii: "\""), byte(index + 2) == UInt8(ascii: "\""), hashesFollow(index + 3, hashes) {
                            index += 3 + hashes
                            return
                        }
                    } else if hashesFollow(index + 1, hashes) {
                        index += 1 + hashes
                        return
                    }
                }
                if !multiLine, current == UInt8(ascii: "\n") { return }
                index += 1
            }
        }
    }
}
