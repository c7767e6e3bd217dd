/// The version of careplan, shown by `careplan --version`.
public enum CarePlanVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
