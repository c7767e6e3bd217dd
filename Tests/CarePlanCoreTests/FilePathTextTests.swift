import CarePlanCore
import Foundation
import Testing

@Suite("File paths given as text")
struct FilePathTextTests {
    /// Every path of up to five parts from a small alphabet, one-character names among them.
    static let paths: [String] = {
        let parts = ["/", "q", "é", ".", "ab", "//"]
        var found: [String] = [""]
        var layer: [String] = [""]
        for _ in 0..<5 {
            layer = layer.flatMap { prefix in parts.map { prefix + $0 } }
            found += layer
        }
        return Array(Set(found)).sorted()
    }()

    /// The paths but the empty one (which coreutils refuses), each beside what `tool` from
    /// coreutils answers for it.
    func coreutilsAnswers(_ tool: String, options: [String]) throws -> [(path: String, answer: String)] {
        let given = Self.paths.filter { !$0.isEmpty }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        // One process for all of them: -z ends each answer with NUL instead of a newline.
        process.arguments = options + ["-z", "--"] + given
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let answers = output.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        #expect(answers.count == given.count)
        return Array(zip(given, answers))
    }

    @Test("the folder of a path is what coreutils' dirname says, for every path of up to five parts")
    func agreesWithDirname() throws {
        let answers = try coreutilsAnswers("dirname", options: [])
        for (path, folder) in answers {
            #expect(FilePathText.folder(of: path) == folder, "\(path)")
        }
        #expect(FilePathText.folder(of: "") == ".")
        let given = answers.map(\.path)
        #expect(given.contains("q") && given.contains("q/") && given.contains("//q"))
    }

    @Test("the name of a path is what coreutils' basename says, for every path of up to five parts")
    func agreesWithBasename() throws {
        for (path, name) in try coreutilsAnswers("basename", options: ["-a"]) {
            #expect(FilePathText.name(of: path) == name, "\(path)")
        }
        #expect(FilePathText.name(of: "") == "")
    }

    @Test("a file's extension follows the last dot of its name, unless that dot starts the name")
    func extensions() {
        let cases = [
            "plan.json": "json", "a.b.c": "c", "a.JSON": "JSON", "a.md/": "md", "..md": "md", ".a.md": "md", "a b.md": "md",
            ".json": "", "x/.md": "", "a.": "", "a/": "", "//é": "", "notes.d/plan": "", "": "",
        ]
        for (path, expected) in cases {
            #expect(FilePathText.fileExtension(of: path) == expected, "\(path)")
        }
    }
}
