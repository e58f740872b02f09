// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Quaderno",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Quaderno", targets: ["Quaderno"]),
        .executable(name: "quaderno", targets: ["quaderno"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "Quaderno",
            dependencies: [
                "CLibXML2",
                .product(name: "GRDB", package: "GRDB.swift"),
                // GRDB's own SQLite module: the coding inserter binds values with it directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "quaderno",
            dependencies: [
                "Quaderno",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "quaderno-bench",
            dependencies: [
                "Quaderno",
                "quaderno",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "QuadernoTests",
            dependencies: ["Quaderno", "quaderno-bench", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("../Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
