import ArgumentParser
import Testing
@testable import careplan

/// The plain shell start is read without swift-argument-parser; whenever that short cut takes
/// an argument list, it must read it exactly as swift-argument-parser does.
@Suite("Shell start")
struct ShellStartTests {
    /// Words an argument list is made of: the shell's options, values (free text with `#`, `--`
    /// and quotes among them), and things the short cut must leave alone.
    static let words = [
        "--store", "-c", "-f", "--author", "--bail", "--no-history", "plans.sqlite", "help", "note # -- \"it's\" \\ x",
        "", " ", "-x", "--store=plans.sqlite", "--help", "-h", "--version", "import", "validate", "--", "-c help", "--bail=true",
    ]

    /// What swift-argument-parser makes of `arguments`, as a shell start; nil when it reads
    /// them as something else or refuses them.
    static func parsed(_ arguments: [String]) -> ShellStart? {
        guard let command = try? CarePlanCommand.parseAsRoot(arguments) as? CarePlanCommand else { return nil }
        return ShellStart(
            store: command.global.store, author: command.global.author, commands: command.commands, file: command.file,
            bail: command.bail, noHistory: command.noHistory)
    }

    @Test("the usual starts are read by the short cut, as swift-argument-parser reads them")
    func usualStarts() throws {
        let starts: [[String]] = [
            [], ["-c", "help"], ["--no-history", "--store", "s.sqlite", "-c", "help"],
            ["--store", "s.sqlite", "-c", "note Rang Ruth # -- \"yes\"", "-c", "show", "--bail"],
            ["-f", "visits.cp", "--author", "Aisha Rahman"],
        ]
        for arguments in starts {
            let start = try #require(ShellStart(arguments), "\(arguments)")
            #expect(start == Self.parsed(arguments), "\(arguments)")
        }
        let start = try #require(ShellStart(["--store", "s", "-c", "a", "-c", "b", "--bail"]))
        #expect(start.commands == ["a", "b"] && start.store == "s" && start.bail && !start.noHistory && start.file == nil)
    }

    @Test("help, versions, subcommands, joined or dashed values and repeats are left to swift-argument-parser")
    func declined() {
        let others: [[String]] = [
            ["--help"], ["-h"], ["--version"], ["import", "x.json"], ["--store=s.sqlite"], ["-c"], ["-c", "-x"],
            ["--store", "a", "--store", "b"], ["--bail", "--bail"], ["-f", "a", "-f", "b"], ["--"], ["extra"],
        ]
        for arguments in others { #expect(ShellStart(arguments) == nil, "\(arguments)") }
    }

    @Test("over 2,000 argument lists, whenever the short cut reads one, swift-argument-parser reads it the same")
    func agreesWithArgumentParser() {
        // A fixed-seed generator: the same lists on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var taken = 0
        for _ in 0..<2_000 {
            let arguments = (0..<next(7)).map { _ in Self.words[next(Self.words.count)] }
            guard let start = ShellStart(arguments) else { continue }
            taken += 1
            #expect(start == Self.parsed(arguments), "\(arguments)")
        }
        // The lists are drawn so that a good share are plain starts: the check is not empty.
        #expect(taken > 100)
    }
}
