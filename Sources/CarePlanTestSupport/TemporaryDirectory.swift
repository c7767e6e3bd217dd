package import Foundation

/// A fresh folder under the system temporary folder, removed when released.
package final class TemporaryDirectory: @unchecked Sendable {
    /// The folder.
    package let url: URL

    /// Creates an empty folder.
    package init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("careplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    package func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
