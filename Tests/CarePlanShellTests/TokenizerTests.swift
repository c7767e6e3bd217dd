@testable import CarePlanShell
import CarePlanTestSupport
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("splits on spaces and honours quotes and escapes")
    func splitting() {
        #expect(Tokenizer.split("goal add  Walk daily") == ["goal", "add", "Walk", "daily"])
        #expect(Tokenizer.split(#"set name "Ada  O'Neil""#) == ["set", "name", "Ada  O'Neil"])
        #expect(Tokenizer.split(#"note 'she said "hello"'"#) == ["note", #"she said "hello""#])
        #expect(Tokenizer.split(#"note a\ b \"c\" "d \" e \n""#) == ["note", "a\\", "b", #"\"c\""#, #"d " e \n"#])
        #expect(Tokenizer.split(#"note C:\temp\new"#) == ["note", #"C:\temp\new"#])
        #expect(Tokenizer.split(#"set phone """#) == ["set", "phone", ""])
        #expect(Tokenizer.split("note Called Ruth's daughter, O'Brien") == ["note", "Called", "Ruth's", "daughter,", "O'Brien"])
    }

    @Test("# begins a comment only at the start of a line")
    func comments() {
        #expect(Tokenizer.split("  # a comment").isEmpty)
        #expect(Tokenizer.split("#note").isEmpty)
        #expect(Tokenizer.split("note tea # with biscuits") == ["note", "tea", "#", "with", "biscuits"])
        #expect(Tokenizer.split("note ref #4521") == ["note", "ref", "#4521"])
        #expect(Tokenizer.split("note a#b") == ["note", "a#b"])
    }

    @Test("a quote that is never closed, or that is inside a word, is an ordinary character")
    func unpairedQuotes() {
        #expect(Tokenizer.split("note \"abc") == ["note", "\"abc"])
        #expect(Tokenizer.split("note 'abc") == ["note", "'abc"])
        #expect(Tokenizer.split(#"note 5'8" tall"#) == ["note", "5'8\"", "tall"])
        #expect(Tokenizer.split(#"note "a\" b"#) == ["note", #""a\""#, "b"])
        #expect(Tokenizer.split("note abc\\") == ["note", "abc\\"])
    }

    @Test("a combining mark after a quote, a space or a backslash neither breaks quoting nor drops text")
    func combiningMarks() {
        #expect(Tokenizer.split("note \"\u{301}x\"") == ["note", "\u{301}x"])
        #expect(Tokenizer.split("note a \u{301}b") == ["note", "a", "\u{301}b"])
        #expect(Tokenizer.split("note \\\u{301}") == ["note", "\\\u{301}"])
    }

    @Test("tokens know where they are in the line")
    func ranges() {
        let line = #"goal add "Walk daily" --need N1"#
        let tokens = Tokenizer.tokens(line)
        #expect(tokens.map { String(line[$0.range]) } == ["goal", "add", #""Walk daily""#, "--need", "N1"])
        #expect(tokens.map(\.isQuoted) == [false, false, true, false, false])
    }

    @Test(
        "quote gives back a word that splits to itself",
        arguments: [
            "plain", "two words", #"a "q""#, "back\\slash", "", "#hash", "'lead", "\"", "line\nbreak",
            "c\"\u{301}x\"", "\\\u{301}\"", "form\u{0C}feed", "no\u{A0}break\u{2003}space",
        ])
    func quoting(_ word: String) {
        #expect(Tokenizer.split("x " + Tokenizer.quote(word)) == ["x", word])
    }

    @Test("partial lines report the word being typed")
    func partial() {
        #expect(Tokenizer.partial("goal st") == Tokenizer.Partial(words: ["goal"], current: "st", openQuote: nil))
        #expect(Tokenizer.partial("goal ") == Tokenizer.Partial(words: ["goal"], current: "", openQuote: nil))
        #expect(Tokenizer.partial("open \"Ada L") == Tokenizer.Partial(words: ["open"], current: "Ada L", openQuote: "\""))
    }
}

@Suite("Declared arguments")
struct DeclaredArgumentTests {
    @Test("reading an argument the command does not declare stops a debug build instead of reading as not given")
    func undeclaredName() async {
        await #expect(processExitsWith: .failure) {
            var registry = CommandRegistry()
            try registry.register(
                CommandSpec(
                    "probe", group: "Test", summary: "x", options: [OptionSpec("name", .text, "a name")],
                    example: "probe --name Ada", needsPlan: false
                ) { invocation, _ in
                    _ = invocation.text("nmae")
                })
            let shell = try ShellHarness()
            if let invocation = try registry.parse("probe --name Ada", today: Fixtures.today) {
                try invocation.spec.run(invocation, shell.session)
            }
        }
    }

    @Test("reading a declared argument works")
    func declaredName() throws {
        var registry = CommandRegistry()
        try registry.register(
            CommandSpec(
                "probe", group: "Test", summary: "x", options: [OptionSpec("name", .text, "a name")],
                example: "probe --name Ada", needsPlan: false
            ) { _, _ in })
        let invocation = try #require(try registry.parse("probe --name Ada", today: Fixtures.today))
        #expect(invocation.text("name") == "Ada")
    }
}
