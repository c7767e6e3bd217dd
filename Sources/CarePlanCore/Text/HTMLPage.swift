/// A self-contained, accessible HTML page for the person's plan: a language, a title,
/// real headings and lists, readable on a phone, printable, and a large-print variant.
enum HTMLPage {
    /// `body` (already escaped HTML) in a complete page.
    static func wrap(body: String, title: String, largePrint: Bool) -> String {
        let size = largePrint ? "1.5rem" : "1.0625rem"
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: Arial, Helvetica, sans-serif; font-size: \(size); line-height: 1.5; color: #0b0c0c; background: #fff; max-width: 44em; margin: 1.5em auto; padding: 0 1em; }
            h1 { font-size: 1.75em; margin: 0 0 0.5em; }
            h2 { font-size: 1.35em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #b1b4b6; }
            h3 { font-size: 1.1em; margin: 1em 0 0.3em; }
            li { margin: 0.25em 0; }
            @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } li, p { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// Text made safe inside HTML elements and attributes; control characters shown visibly.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in TerminalSafe.sanitize(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
