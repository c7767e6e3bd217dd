@testable import CarePlanShell
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("splits on spaces and honours quotes and escapes")
    func splitting() throws {
        #expect(try Tokenizer.split("goal add  Walk daily") == ["goal", "add", "Walk", "daily"])
        #expect(try Tokenizer.split(#"set name "Ada  O'Neil""#) == ["set", "name", "Ada  O'Neil"])
        #expect(try Tokenizer.split(#"note 'she said "hello"'"#) == ["note", #"she said "hello""#])
        #expect(try Tokenizer.split(#"note a\ b \"c\" "d \" e""#) == ["note", "a b", #""c""#, #"d " e"#])
        #expect(try Tokenizer.split(#"set phone """#) == ["set", "phone", ""])
        #expect(try Tokenizer.split("  # a comment") == [])
        #expect(try Tokenizer.split("note tea # with biscuits") == ["note", "tea"])
        #expect(try Tokenizer.split("note a#b") == ["note", "a#b"])
        #expect(try Tokenizer.split("note Called Ruth's daughter, O'Brien") == ["note", "Called", "Ruth's", "daughter,", "O'Brien"])
    }

    @Test("reports unterminated quotes and a trailing backslash")
    func errors() {
        #expect(throws: Tokenizer.Error(message: "unterminated double quote")) { try Tokenizer.split("note \"abc") }
        #expect(throws: Tokenizer.Error(message: "unterminated single quote")) { try Tokenizer.split("note 'abc") }
        #expect(throws: Tokenizer.Error(message: "the line ends with a backslash")) { try Tokenizer.split("note abc\\") }
    }

    @Test("quote gives back a word that splits to itself", arguments: ["plain", "two words", #"a "q""#, "back\\slash", "", "#hash"])
    func quoting(_ word: String) throws {
        #expect(try Tokenizer.split("x " + Tokenizer.quote(word)) == ["x", word])
    }

    @Test("partial lines report the word being typed")
    func partial() {
        #expect(Tokenizer.partial("goal st") == Tokenizer.Partial(words: ["goal"], current: "st", openQuote: nil))
        #expect(Tokenizer.partial("goal ") == Tokenizer.Partial(words: ["goal"], current: "", openQuote: nil))
        #expect(Tokenizer.partial("open \"Ada L") == Tokenizer.Partial(words: ["open"], current: "Ada L", openQuote: "\""))
    }
}
