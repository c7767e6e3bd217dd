/// Wraps text to a width at word boundaries, keeping the writer's own line breaks.
public struct TextWrapper: Sendable {
    /// The widest a line may be, in characters.
    public var width: Int

    /// A wrapper for `width` columns (at least 20).
    public init(width: Int) {
        self.width = max(20, width)
    }

    /// `text` as lines no wider than `width`, the first starting with `firstPrefix` and the
    /// rest indented to line up with it (or with `restPrefix`). Words longer than a line are split.
    public func wrap(_ text: String, firstPrefix: String = "", restPrefix: String? = nil) -> [String] {
        let rest = restPrefix ?? String(repeating: " ", count: firstPrefix.count)
        var lines: [String] = []
        var prefix = firstPrefix
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = prefix
            var lineHasWord = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                while !word.isEmpty {
                    let room = width - line.count - (lineHasWord ? 1 : 0)
                    if word.count <= room {
                        line += (lineHasWord ? " " : "") + word
                        lineHasWord = true
                        word = ""
                    } else if lineHasWord {
                        lines.append(line)
                        line = rest
                        lineHasWord = false
                    } else {
                        // A single word wider than the line: split it.
                        let take = max(1, width - line.count)
                        lines.append(line + word.prefix(take))
                        word = word.dropFirst(take)
                        line = rest
                    }
                }
            }
            lines.append(line)
            prefix = rest
        }
        return lines.map { $0.replacingTrailingSpaces() }
    }
}

extension String {
    /// The text made exactly `width` characters wide: spaces added, or the end cut off.
    ///
    /// Counted in characters, so a name is never cut inside a letter (Foundation's
    /// `padding(toLength:)` counts UTF-16 units and loads the whole NSString machinery at start).
    public func fitted(to width: Int) -> String {
        let length = count
        guard length < width else { return String(prefix(max(0, width))) }
        return self + String(repeating: " ", count: width - length)
    }

    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
