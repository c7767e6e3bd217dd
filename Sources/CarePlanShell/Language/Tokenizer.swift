/// Splits a command line into words, shell-style: spaces separate words; "double" and
/// 'single' quotes group them; a backslash escapes the next character (inside double quotes
/// too). `#` at the start of a word begins a comment. An apostrophe inside a word is kept as
/// text, so "note Called Ruth's daughter" needs no quoting.
public enum Tokenizer {
    /// Why a line could not be split.
    public struct Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        public var description: String { message }
    }

    /// The words of a partly typed line, for completion.
    public struct Partial: Equatable, Sendable {
        /// The finished words before the one being typed.
        public var words: [String]
        /// The word being typed, unquoted so far ("" after a space).
        public var current: String
        /// The quote the current word is open in, if any.
        public var openQuote: Character?
    }

    /// The words of a complete line.
    public static func split(_ line: String) throws(Error) -> [String] {
        let partial = scan(line)
        if let quote = partial.openQuote {
            throw Error(message: "unterminated \(quote == "\"" ? "double" : "single") quote")
        }
        if partial.danglingEscape {
            throw Error(message: "the line ends with a backslash")
        }
        return partial.words + (partial.hasCurrent ? [partial.current] : [])
    }

    /// The words of a line typed up to the cursor.
    public static func partial(_ line: String) -> Partial {
        let scanned = scan(line)
        return Partial(words: scanned.words, current: scanned.current, openQuote: scanned.openQuote)
    }

    private struct Scan {
        var words: [String] = []
        var current = ""
        var hasCurrent = false
        var openQuote: Character?
        var danglingEscape = false
    }

    private static func scan(_ line: String) -> Scan {
        var scan = Scan()
        var escaping = false
        for character in line {
            if escaping {
                scan.current.append(character)
                scan.hasCurrent = true
                escaping = false
                continue
            }
            if let quote = scan.openQuote {
                if character == quote {
                    scan.openQuote = nil
                } else if character == "\\" && quote == "\"" {
                    escaping = true
                } else {
                    scan.current.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                escaping = true
            case "'" where scan.hasCurrent:
                // An apostrophe inside a word (Ruth's, O'Brien) is text, not a quote.
                scan.current.append(character)
            case "\"", "'":
                scan.openQuote = character
                scan.hasCurrent = true
            case "#" where !scan.hasCurrent:
                return scan
            case _ where character.isWhitespace:
                if scan.hasCurrent {
                    scan.words.append(scan.current)
                    scan.current = ""
                    scan.hasCurrent = false
                }
            default:
                scan.current.append(character)
                scan.hasCurrent = true
            }
        }
        scan.danglingEscape = escaping
        return scan
    }

    /// `word` quoted if it needs to be, so that splitting gives it back.
    public static func quote(_ word: String) -> String {
        let special: Set<Character> = [" ", "\t", "\"", "'", "\\", "#"]
        guard word.isEmpty || word.contains(where: { special.contains($0) }) else { return word }
        return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
