/// How the shell was started, when it was started with only its own options: `careplan`,
/// `careplan --store S -c "help"`, `careplan -f visits.cp --bail`.
///
/// Such a start is read here, without swift-argument-parser: building its parser for the root
/// command and 17 subcommands (reflection over every option, and the check for a completion
/// script request) costs more than everything else careplan does before its first prompt.
/// Anything else — a subcommand, `--help`, `--version`, `--store=S`, a value that begins with a
/// dash, an option given twice, a mistake — is left to swift-argument-parser, which reads it,
/// explains it and prints the help. `ShellStartTests` proves the two read every argument list
/// this accepts the same way.
struct ShellStart: Equatable {
    /// `--store`.
    var store: String?
    /// `--author`.
    var author: String?
    /// `-c`, in order.
    var commands: [String] = []
    /// `-f`.
    var file: String?
    /// `--bail`.
    var bail = false
    /// `--no-history`.
    var noHistory = false

    /// The options given as swift-argument-parser read them for `CarePlanCommand`.
    init(store: String?, author: String?, commands: [String], file: String?, bail: Bool, noHistory: Bool) {
        self.store = store
        self.author = author
        self.commands = commands
        self.file = file
        self.bail = bail
        self.noHistory = noHistory
    }

    /// The start `arguments` (without the program name) make, or nil when they are anything
    /// but the shell's own options, each in its plain form.
    init?(_ arguments: some Sequence<String>) {
        var words = arguments.makeIterator()
        while let word = words.next() {
            switch word {
            case "--bail":
                guard !bail else { return nil }
                bail = true
            case "--no-history":
                guard !noHistory else { return nil }
                noHistory = true
            case "-c":
                guard let value = Self.value(&words) else { return nil }
                commands.append(value)
            case "--store":
                guard store == nil, let value = Self.value(&words) else { return nil }
                store = value
            case "--author":
                guard author == nil, let value = Self.value(&words) else { return nil }
                author = value
            case "-f":
                guard file == nil, let value = Self.value(&words) else { return nil }
                file = value
            default:
                return nil
            }
        }
    }

    /// An option's value: the next word, unless there is none or it could be read as an
    /// option (a leading dash), which is left to swift-argument-parser.
    private static func value<Words: IteratorProtocol<String>>(_ words: inout Words) -> String? {
        guard let value = words.next(), !value.hasPrefix("-") else { return nil }
        return value
    }
}
