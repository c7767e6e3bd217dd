import CarePlanCore
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
    /// Handles a probe command declares, kept so a test can read them after parsing.
    final class Handles: @unchecked Sendable {
        var goal: ArgumentHandle<EntryID>?
        var text: ArgumentHandle<String?>?
        var due: ArgumentHandle<CalendarDate?>?
        var score: ArgumentHandle<Int?>?
        var urgent: ArgumentHandle<Bool>?
    }

    /// A registry with one command, `probe ID [TEXT...] [--due DATE] [--score 0-10] [--urgent]`.
    static func probe(_ handles: Handles) throws -> CommandRegistry {
        var registry = CommandRegistry()
        try registry.register(
            CommandSpec("probe", group: "Test", summary: "x", example: "probe G1", needsPlan: false) { arguments in
                handles.goal = arguments.positional("ID", .entry([.goal]))
                handles.text = arguments.optionalPositional("TEXT", .text, rest: true)
                handles.due = arguments.option("due", .date, "due date")
                handles.score = arguments.option("score", .integer(0...10), "a score")
                handles.urgent = arguments.flag("urgent", "it is urgent")
                return { _, _ in }
            })
        return registry
    }

    @Test("the declarations make the usage, in order, and each handle reads its own value as its type")
    func typedReads() throws {
        let handles = Handles()
        let registry = try Self.probe(handles)
        #expect(registry.commands[0].usage == "probe ID [TEXT...] [--due DATE] [--score 0-10] [--urgent]")
        let goal = try #require(handles.goal), text = try #require(handles.text), due = try #require(handles.due)
        let score = try #require(handles.score), urgent = try #require(handles.urgent)

        let full = try #require(try registry.parse("probe G2 Walk # daily -- yes --due tomorrow --score 7 --urgent", today: Fixtures.today))
        #expect(try full[goal] == EntryID("G2"))
        #expect(try full[text] == "Walk # daily -- yes")
        #expect(try full[due] == Fixtures.today.adding(days: 1))
        #expect(try full[score] == 7)
        #expect(try full[urgent])

        let bare = try #require(try registry.parse("probe G2", today: Fixtures.today))
        #expect(try bare[text] == nil && bare[due] == nil && bare[score] == nil)
        #expect(try !bare[urgent])
    }

    @Test("an edit tells an option left out (leave alone) from \"\" (clear) from a value (set)")
    func changes() throws {
        let handles = Handles()
        let registry = try Self.probe(handles)
        let due = try #require(handles.due), score = try #require(handles.score)
        let leftOut = try #require(try registry.parse("probe G1", today: Fixtures.today))
        let cleared = try #require(try registry.parse("probe G1 --due \"\" --score \"\"", today: Fixtures.today))
        let set = try #require(try registry.parse("probe G1 --due 2026-12-31 --score 0", today: Fixtures.today))
        #expect(try leftOut.change(due) == .none && leftOut.change(score) == .none)
        #expect(try cleared.change(due) == .some(nil) && cleared.change(score) == .some(nil))
        #expect(try set.change(due) == .some(CalendarDate("2026-12-31")) && set.change(score) == .some(0))
        #expect(!leftOut.isGiven(due) && cleared.isGiven(due))
    }

    @Test("a required id typed as \"\" is refused in one line rather than doing nothing")
    func emptyRequired() throws {
        let handles = Handles()
        let registry = try Self.probe(handles)
        let goal = try #require(handles.goal)
        let invocation = try #require(try registry.parse("probe \"\"", today: Fixtures.today))
        #expect(throws: ShellError("probe: ID needs a value")) { try invocation[goal] }
    }

    @Test("a handle read by a command that did not declare it stops a debug build")
    func smuggledHandle() async {
        await #expect(processExitsWith: .failure) {
            let handles = Handles()
            var registry = try DeclaredArgumentTests.probe(handles)
            try registry.register(CommandSpec("other", group: "Test", summary: "x", example: "other", needsPlan: false) { _, _ in })
            let goal = try #require(handles.goal)
            if let invocation = try registry.parse("other", today: Fixtures.today) {
                _ = try invocation[goal]
            }
        }
    }
}
