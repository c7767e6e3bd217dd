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

    /// Writes JSON Lines to `outputFile` (or standard output), or one file per plan into `folder`.
    func run(outputFile: String?, folder: String?) throws {
        if let folder {
            var status = stat()
            if stat(folder, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
                throw Failure("cannot write to \(folder): it is a file, not a folder")
            }
            if mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw Failure("cannot make the folder \(folder): \(String(cString: strerror(errno)))")
            }
            var count = 0
            try store.forEachPlanBody { id, body in
                let suffix = format == .fhir ? ".fhir.json" : ".json"
                try SecureFile.write(try document(body, pretty: true), to: (folder as NSString).appendingPathComponent(id + suffix))
                count += 1
            }
            printError("exported \(count) plan\(count == 1 ? "" : "s") to \(folder)")
            return
        }
        // Written to an exclusive temporary file beside the target and renamed at the end, so
        // a reader never sees half a file and an interrupted export leaves nothing behind.
        let temporary = try outputFile.map { path in try SecureFile.TemporaryFile(for: path) }
        let handle = temporary.map { FileHandle(fileDescriptor: $0.descriptor, closeOnDealloc: false) } ?? FileHandle.standardOutput
        do {
            try store.forEachPlanBody { _, body in
                var line = try document(body, pretty: false)
                line.append(UInt8(ascii: "\n"))
                try handle.write(contentsOf: line)
            }
            try temporary?.commit()
        } catch {
            temporary?.discard()
            throw error
        }
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
