import Foundation

/// Folds names for look-up: lower case, no accents, letters and digits only, single spaces.
/// "Zoë O'Brien" and "zoe obrien" fold alike.
enum NameKey {
    static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else if character.isWhitespace || character == "-" {
                pendingSpace = true
            }
            // Apostrophes and other punctuation vanish: "O'Brien" is "obrien".
        }
        return result
    }

    /// The keys a name is found under: the whole name, and from each later word on,
    /// so "Ada Lovelace" is found by "ada", "ada l" and "lovelace".
    static func keys(for names: [String]) -> Set<String> {
        var keys: Set<String> = []
        for name in names {
            let folded = fold(name)
            guard !folded.isEmpty else { continue }
            keys.insert(folded)
            var index = folded.startIndex
            while let space = folded[index...].firstIndex(of: " ") {
                index = folded.index(after: space)
                keys.insert(String(folded[index...]))
            }
        }
        return keys
    }

    /// The smallest string greater than every string that starts with `prefix`.
    static func upperBound(forPrefix prefix: String) -> String {
        prefix + "\u{10FFFF}"
    }
}
