// libFuzzer target: a typed line -> tokenizer (split, tokens with ranges, partial lines for
// completion, and quoting round trips). Any crash or sanitizer report is a bug.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let line = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let tokens = Tokenizer.tokens(line)
    for token in tokens {
        // Every range lies inside the line and slicing it is safe.
        _ = String(line.unicodeScalars[token.range])
    }
    _ = Tokenizer.partial(line)
    for word in tokens.map(\.text) {
        let back = Tokenizer.split("x " + Tokenizer.quote(word))
        if back != ["x", word], !word.isEmpty { fatalError("quote does not round-trip") }
    }
    return 0
}
