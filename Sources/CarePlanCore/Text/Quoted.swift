/// A user-supplied value shown inside an error message: quoted, shortened, and with control
/// characters escaped, so that a message stays one line and cannot drive the terminal.
struct Quoted: CustomStringConvertible {
    let text: String
    let limit: Int

    init(_ text: some StringProtocol, limit: Int = 40) {
        self.text = String(text)
        self.limit = limit
    }

    var description: String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                shown += "…"
                break
            }
            shown += TerminalSafe.escape(scalar)
            count += 1
        }
        return "\"\(shown)\""
    }
}
