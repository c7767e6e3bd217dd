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
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var count = 0
            try store.forEachPlanBody { id, body in
                let suffix = format == .fhir ? ".fhir.json" : ".json"
                try SecureFile.write(try document(body, pretty: true), to: (folder as NSString).appendingPathComponent(id + suffix))
                count += 1
            }
            printError("exported \(count) plan\(count == 1 ? "" : "s") to \(folder)")
            return
        }
        let handle: FileHandle
        var temporary: String?
        if let outputFile {
            // Written beside the target and renamed at the end, so a reader never sees half a file.
            let path = outputFile + ".\(getpid()).partial"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw Failure("cannot write \(outputFile): \(String(cString: strerror(errno)))") }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            temporary = path
        } else {
            handle = FileHandle.standardOutput
        }
        do {
            try store.forEachPlanBody { _, body in
                var line = try document(body, pretty: false)
                line.append(UInt8(ascii: "\n"))
                try handle.write(contentsOf: line)
            }
            if let temporary, let outputFile {
                try handle.synchronize()
                try handle.close()
                guard rename(temporary, outputFile) == 0 else { throw Failure("cannot write \(outputFile): \(String(cString: strerror(errno)))") }
            }
        } catch {
            if let temporary { unlink(temporary) }
            throw error
        }
    }

    private func document(_ body: Data, pretty: Bool) throws -> Data {
        switch format {
        case .json:
            return pretty ? body : PlanJSON.encodeLine(try PlanJSON.parse(body))
        case .fhir:
            let plan = try PlanJSON.decodeStored(body)
            let bundle = FHIRExporter(plugins: plugins).bundle(for: plan)
            return pretty ? PlanJSON.encode(bundle) : PlanJSON.encodeLine(bundle)
        }
    }
}
