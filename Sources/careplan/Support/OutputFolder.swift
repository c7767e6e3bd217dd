import CarePlanCore

/// A folder careplan writes files into: made owner-only, with its parents, when missing.
enum OutputFolder {
    /// Makes `folder` and any parents it lacks (mode 0700) unless it exists; refuses a file in
    /// its place or in a parent's.
    static func make(_ folder: String) throws {
        do {
            try SecureFile.makeFolder(folder)
        } catch {
            switch error {
            case .notAFolder(let blocking):
                throw Failure("cannot write to \(folder): \(blocking == folder ? "it" : blocking) is a file, not a folder")
            case .cannotMake(let path, let reason):
                throw Failure("cannot make the folder \(path): \(reason)")
            }
        }
    }
}
