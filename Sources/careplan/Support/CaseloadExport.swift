import CarePlanCore
import CarePlanStore
import Foundation

/// Exports every plan, one at a time, so a caseload of any size streams in constant memory.
struct CaseloadExport {
    enum Format {
        case json, fhir
    }

    let store: PlanStore
    let format: Format
    let plugins: PluginHost
    /// Who is exporting, for the access audit.
    let author: String
    /// When, for the access audit.
    let now: Date

    /// Writes JSON Lines to `outputFile` (or standard output), or one file per plan into `folder`.
    func run(outputFile: String?, folder: String?) throws {
        if let folder {
            try OutputFolder.make(folder)
            var count = 0
            var unrecorded: [String] = []
            try store.forEachPlanBody { id, body in
                let suffix = format == .fhir ? ".fhir.json" : ".json"
                try SecureFile.write(try document(body, pretty: true), to: (folder as NSString).appendingPathComponent(id + suffix))
                count += 1
                unrecorded.append(id)
                if unrecorded.count == 500 { try record(&unrecorded) }
            }
            try record(&unrecorded)
            printError("exported \(count) plan\(count == 1 ? "" : "s") to \(folder)")
            return
        }
        // Written to an exclusive temporary file beside the target and renamed at the end, so
        // a reader never sees half a file and an interrupted export leaves nothing behind.
        let temporary = try outputFile.map { path in try SecureFile.TemporaryFile(for: path) }
        let handle = temporary.map { FileHandle(fileDescriptor: $0.descriptor, closeOnDealloc: false) } ?? FileHandle.standardOutput
        do {
            var exported: [String] = []
            try store.forEachPlanBody { id, body in
                var line = try document(body, pretty: false)
                line.append(UInt8(ascii: "\n"))
                try handle.write(contentsOf: line)
                exported.append(id)
            }
            // Recorded before the file appears under its name: no export goes unrecorded.
            try record(&exported)
            try temporary?.commit()
        } catch {
            temporary?.discard()
            throw error
        }
    }

    /// Records the export of `planIDs` in the access audit, and empties the list.
    private func record(_ planIDs: inout [String]) throws {
        guard !planIDs.isEmpty else { return }
        let detail = "caseload, " + (format == .fhir ? "fhir" : "json")
        if try !store.recordAccess(.export, to: planIDs, by: author, at: now, detail: detail) {
            printError("careplan: note: the store is read-only, so this export is not in its access audit")
        }
        planIDs.removeAll()
    }

    private func document(_ body: Data, pretty: Bool) throws -> Data {
        switch format {
        case .json:
            // A plan stored in an older shape is written in the current one.
            if let current = try plugins.currentShape(of: body, oneLine: !pretty) { return current }
            return pretty ? body : PlanJSON.encodeLine(try PlanJSON.parse(body))
        case .fhir:
            let plan = plugins.upgraded(try PlanJSON.decodeStored(body))
            let bundle = FHIRExporter(plugins: plugins).bundle(for: plan)
            return pretty ? PlanJSON.encode(bundle) : PlanJSON.encodeLine(bundle)
        }
    }
}
