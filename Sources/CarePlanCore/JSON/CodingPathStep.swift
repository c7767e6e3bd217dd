/// One step of a coding path, linked to the step before it: the tree decoder and encoder
/// make a path into an array only when something asks for it (an error), not at every value.
final class CodingPathStep {
    let parent: CodingPathStep?
    let key: any CodingKey

    init(parent: CodingPathStep?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    /// The keys from the root to `step`.
    static func keys(_ step: CodingPathStep?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = step
        while let step = current {
            keys.append(step.key)
            current = step.parent
        }
        return keys.reversed()
    }
}
