// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "careplan",
    products: [
        .executable(name: "careplan", targets: ["careplan"]),
        .library(name: "CarePlanCore", targets: ["CarePlanCore"]),
        .library(name: "CarePlanStore", targets: ["CarePlanStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "CarePlanCore"),
        .target(
            name: "CarePlanStore",
            dependencies: [
                "CarePlanCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "CarePlanShell", dependencies: ["CarePlanCore", "CarePlanStore"]),
        .target(
            name: "SocialPrescribing",
            dependencies: ["CarePlanCore", "CarePlanShell", .product(name: "SwiftCSV", package: "SwiftCSV")],
            path: "Plugins/SocialPrescribing"
        ),
        .target(name: "HealthCoaching", dependencies: ["CarePlanCore", "CarePlanShell"], path: "Plugins/HealthCoaching"),
        .target(name: "CareCoordination", dependencies: ["CarePlanCore", "CarePlanShell"], path: "Plugins/CareCoordination"),
        .target(name: "CancerCare", dependencies: ["CarePlanCore", "CarePlanShell"], path: "Plugins/CancerCare"),
        // GNU readline (GPL-3.0). No pkgConfig: its cflags are rejected as unsafe; linking is enough.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        .executableTarget(
            name: "careplan",
            dependencies: [
                "CarePlanCore",
                "CarePlanStore",
                "CarePlanShell",
                "CReadline",
                "SocialPrescribing",
                "HealthCoaching",
                "CareCoordination",
                "CancerCare",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "careplan-bench",
            dependencies: ["CarePlanCore", "CarePlanStore", "CarePlanShell", "CareCoordination"]
        ),
        .target(name: "CarePlanTestSupport", dependencies: ["CarePlanCore", "CarePlanShell", "CarePlanStore"]),
        .testTarget(name: "CarePlanCoreTests", dependencies: ["CarePlanCore", "CarePlanTestSupport"]),
        .testTarget(name: "CarePlanStoreTests", dependencies: ["CarePlanStore", "CarePlanTestSupport"]),
        .testTarget(name: "CarePlanShellTests", dependencies: ["CarePlanShell", "CarePlanTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PluginExampleTests", dependencies: ["CarePlanCore", "CarePlanShell", "CarePlanStore", "CarePlanTestSupport"]),
        .testTarget(name: "CareCoordinationTests", dependencies: ["CareCoordination", "CarePlanShell", "CarePlanTestSupport"]),
        .testTarget(name: "CancerCareTests", dependencies: ["CancerCare", "CarePlanShell", "CarePlanTestSupport"]),
        .testTarget(name: "HealthCoachingTests", dependencies: ["HealthCoaching", "CarePlanShell", "CarePlanTestSupport"]),
        .testTarget(name: "SocialPrescribingTests", dependencies: ["SocialPrescribing", "CarePlanShell", "CarePlanTestSupport"]),
        .testTarget(
            name: "CarePlanCLITests",
            dependencies: [
                "careplan", "careplan-bench", "CarePlanCore", "CarePlanStore", "CarePlanShell", "CarePlanTestSupport",
                "SocialPrescribing", "HealthCoaching", "CareCoordination", "CancerCare",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .swiftLanguageMode(.v6),
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
