import CarePlanCore
import CarePlanTestSupport
import Foundation
import Testing

@Suite("Consent to share travels with an export")
struct SharingCautionTests {
    let careplan = CommandRunner(product: "careplan")

    @Test("exporting JSON or FHIR for a person who declined or limited consent to share says so; the person's own document does not")
    func shellCautions() throws {
        let shell = try ShellHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "consent declined"]), "\(shell.output.errors)")
        func export(_ file: String) -> String {
            let before = shell.output.results.count
            #expect(shell.run(bail: true, ["export \(shell.folder.path(file))"]), "\(shell.output.errors)")
            return String(shell.output.results.dropFirst(before))
        }
        let declined =
            "  careful: CP-TEST1: the person declined consent to share (recorded 2026-11-21); send this only on another lawful basis, and record it\n"
        #expect(export("a.json").hasSuffix("(json)\n" + declined))
        #expect(shell.run(bail: true, ["export \(shell.folder.path("a.fhir.json")) --format fhir"]))
        #expect(shell.output.results.hasSuffix("(fhir)\n" + declined))
        #expect(!export("a.html").contains("careful"))
        #expect(shell.run(bail: true, ["consent limited --scope GP practice only -- not the \"council\""]))
        #expect(export("b.json").hasSuffix("  careful: CP-TEST1: consent to share is limited (recorded 2026-11-21): GP practice only -- not the \"council\"\n"))
        #expect(shell.run(bail: true, ["consent given"]))
        #expect(!export("c.json").contains("careful"))
    }

    @Test("careplan export writes the caution to standard error, so the file or pipe holds only the plan")
    func scriptedCaution() throws {
        let shell = try ShellHarness()
        #expect(shell.run(bail: true, ["new Ada Test", "consent declined --on 2026-11-02"]), "\(shell.output.errors)")
        let result = try careplan.run(["export", "CP-TEST1", "--store", shell.store.path])
        #expect(result.status == 0)
        #expect(result.stdout == String(decoding: PlanJSON.encode(try shell.plan()), as: UTF8.self))
        #expect(
            result.stderr
                == "careplan: careful: CP-TEST1: the person declined consent to share (recorded 2026-11-02); send this only on another lawful basis, and record it\n"
        )
        let document = try careplan.run(["export", "CP-TEST1", "--store", shell.store.path, "--format", "text"])
        #expect(document.status == 0 && document.stderr.isEmpty)
    }
}
