/// Splits a command line into words, keeping where each word came from so that free text can
/// be taken exactly as typed.
///
/// The rules, chosen so that what staff type into a note is what is stored:
/// - spaces (and newlines, from a pasted block) separate words;
/// - `"double"` and `'single'` quotes group words, but only when the quote starts a word and
///   is closed later on the line; any other quote is an ordinary character (Ruth's, 5'8",
///   a lone `"`);
/// - a backslash is an ordinary character (C:\temp stays C:\temp), except inside double quotes
///   where `\"` and `\\` stand for a quote and a backslash;
/// - `#` begins a comment only as the first character of the line (after spaces): `ref #4521`
///   inside a note is text.
///
/// The tokenizer works on Unicode scalars, so a combining mark typed after a quote, a space or
/// a backslash never merges with it and hides it.
package enum Tokenizer {
    /// One word of a line.
    package struct Token: Equatable, Sendable {
        /// The word with quotes and escapes removed.
        package var text: String
        /// Where the word is in the line, quotes included.
        package var range: Range<String.Index>
        /// True when the whole word was one quoted string (`"Walk to the shop"`).
        package var isQuoted: Bool
    }

    /// The words of a partly typed line, for completion.
    package struct Partial: Equatable, Sendable {
        /// The finished words before the one being typed.
        package var words: [String]
        /// The word being typed, unquoted so far ("" after a space).
        package var current: String
        /// The quote the current word is open in, if any.
        package var openQuote: Character?
    }

    /// The words of a complete line, with their places in it. Never fails: every line has a
    /// reading, and unpaired quotes are text.
    package static func tokens(_ line: String) -> [Token] {
        var scanner = Scanner(line, completing: false)
        scanner.run()
        return scanner.tokens
    }

    /// The words of a complete line.
    package static func split(_ line: String) -> [String] {
        tokens(line).map(\.text)
    }

    /// The words of a line typed up to the cursor. A quote opening the last word counts as
    /// open even though it is not closed yet.
    package static func partial(_ line: String) -> Partial {
        var scanner = Scanner(line, completing: true)
        scanner.run()
        var words = scanner.tokens.map(\.text)
        if scanner.endedInsideWord, !words.isEmpty {
            let current = words.removeLast()
            return Partial(words: words, current: current, openQuote: scanner.openQuote.map(Character.init))
        }
        return Partial(words: words, current: "", openQuote: nil)
    }

    /// `word` quoted if it needs to be, so that splitting gives it back.
    package static func quote(_ word: String) -> String {
        let special: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\"", "'", "\\", "#"]
        guard word.isEmpty || word.unicodeScalars.contains(where: { special.contains($0) || isSeparator($0) }) else { return word }
        // Scalar by scalar: a quote followed by a combining mark is one Character, and a
        // Character-based replace would leave that quote unescaped.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in word.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { quoted.append("\\") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// True for the characters that separate words.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
    }
}

/// One linear pass over a line's scalars.
private struct Scanner {
    let line: String
    let scalars: [Unicode.Scalar]
    let indices: [String.Index]
    let completing: Bool
    /// For each position, where the quote opened there would close (nil: it never does).
    let closers: [Int?]

    var tokens: [Tokenizer.Token] = []
    var endedInsideWord = false
    var openQuote: Unicode.Scalar?

    init(_ line: String, completing: Bool) {
        self.line = line
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        var index = line.unicodeScalars.startIndex
        while index < line.unicodeScalars.endIndex {
            scalars.append(line.unicodeScalars[index])
            indices.append(index)
            index = line.unicodeScalars.index(after: index)
        }
        indices.append(line.unicodeScalars.endIndex)
        self.scalars = scalars
        self.indices = indices
        self.completing = completing
        closers = Self.closingQuotes(scalars)
    }

    /// Where each quote would be closed: a single quote by the next single quote; a double
    /// quote by the next double quote not escaped by an odd run of backslashes. One backward
    /// pass, so the whole tokenizer stays linear in the line's length.
    static func closingQuotes(_ scalars: [Unicode.Scalar]) -> [Int?] {
        var escaped = [Bool](repeating: false, count: scalars.count)
        var run = 0
        for (position, scalar) in scalars.enumerated() {
            if scalar == "\\" {
                run += 1
            } else {
                escaped[position] = run % 2 == 1
                run = 0
            }
        }
        var closers = [Int?](repeating: nil, count: scalars.count)
        var nextSingle: Int?
        var nextDouble: Int?
        for position in scalars.indices.reversed() {
            switch scalars[position] {
            case "'":
                closers[position] = nextSingle
                nextSingle = position
            case "\"":
                closers[position] = nextDouble
                if !escaped[position] { nextDouble = position }
            default:
                break
            }
        }
        return closers
    }

    mutating func run() {
        var position = 0
        while position < scalars.count, Tokenizer.isSeparator(scalars[position]) { position += 1 }
        if position < scalars.count, scalars[position] == "#" { return }

        var text = ""
        var start: Int?
        var quotedWhole = false
        while position < scalars.count {
            let scalar = scalars[position]
            if Tokenizer.isSeparator(scalar) {
                if let begin = start {
                    finish(text, from: begin, to: position, quoted: quotedWhole)
                    text = ""
                    start = nil
                }
                position += 1
                continue
            }
            let atWordStart = start == nil
            if atWordStart { start = position }
            if (scalar == "\"" || scalar == "'") && atWordStart {
                if let close = closers[position] {
                    text += unquoted(from: position + 1, to: close, quote: scalar)
                    position = close + 1
                    quotedWhole = position == scalars.count || Tokenizer.isSeparator(scalars[position])
                    continue
                }
                if completing {
                    // The word being typed is inside an open quote: the rest of the line is it.
                    text += unquoted(from: position + 1, to: scalars.count, quote: scalar)
                    openQuote = scalar
                    position = scalars.count
                    continue
                }
            }
            quotedWhole = false
            text.unicodeScalars.append(scalar)
            position += 1
        }
        if let begin = start {
            finish(text, from: begin, to: scalars.count, quoted: quotedWhole)
            endedInsideWord = true
        }
    }

    /// The text between two quotes: inside double quotes a backslash makes a following quote
    /// or backslash ordinary; inside single quotes everything is literal.
    private func unquoted(from begin: Int, to end: Int, quote: Unicode.Scalar) -> String {
        var text = ""
        var position = begin
        while position < end {
            if quote == "\"", scalars[position] == "\\", position + 1 < end, scalars[position + 1] == "\"" || scalars[position + 1] == "\\" {
                text.unicodeScalars.append(scalars[position + 1])
                position += 2
            } else {
                text.unicodeScalars.append(scalars[position])
                position += 1
            }
        }
        return text
    }

    private mutating func finish(_ text: String, from begin: Int, to end: Int, quoted: Bool) {
        tokens.append(Tokenizer.Token(text: text, range: indices[begin]..<indices[end], isQuoted: quoted))
    }
}
