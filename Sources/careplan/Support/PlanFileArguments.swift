import Foundation

/// The files a `validate` or `import` names: a folder stands for the `.json` files directly in
/// it, in name order, so a folder of thousands of plans needs no shell glob (and the argument
/// parser is not handed thousands of words, which it reads in quadratic time).
enum PlanFileArguments {
    /// `arguments` with each folder replaced by its plan files. A file is kept as given,
    /// whatever its name; hidden files and anything but regular files inside a folder are
    /// left out.
    static func expand(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        files.reserveCapacity(arguments.count)
        for argument in arguments {
            guard isFolder(argument) else {
                files.append(argument)
                continue
            }
            let folder = argument.hasSuffix("/") ? argument : argument + "/"
            let plans = try names(in: argument).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
                .map { folder + $0 }.filter(isRegularFile)
            guard !plans.isEmpty else { throw Failure("\(argument): the folder holds no .json files") }
            files += plans
        }
        return files
    }

    private static func names(in folder: String) throws -> [String] {
        guard let directory = opendir(folder) else {
            throw Failure("cannot read the folder \(folder): \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            names.append(name)
        }
        return names
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
