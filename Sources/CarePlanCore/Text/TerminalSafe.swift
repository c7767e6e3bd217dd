/// Makes stored text harmless to print: control characters and escape sequences become
/// visible `\u{1B}`-style text instead of acting on the terminal.
public enum TerminalSafe {
    /// `text` with every control character (C0, DEL, C1) shown as an escape.
    /// Tabs become a space; newlines are kept only when `keepNewlines` is true.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n", keepNewlines {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\t" {
                result.unicodeScalars.append(" ")
            } else {
                result += escape(scalar)
            }
        }
        return result
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default:
            return String(scalar)
        }
    }
}
