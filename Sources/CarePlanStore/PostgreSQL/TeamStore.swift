/// The team store's own operations.
public struct TeamStore: Sendable {
    let engine: PostgresEngine
}
