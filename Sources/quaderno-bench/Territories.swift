import Foundation

/// The zone-distretto gazetteer (`Sources/Quaderno/Resources/territories.tsv`): canonical names and the
/// spellings a sheet may use, so generated sheets name territories the way real ones do.
struct Territories: Sendable {
    struct Zone: Sendable {
        var canonical: String
        var variants: [String]
    }

    var zones: [Zone]

    /// Reads the gazetteer from the package sources.
    static func load(_ url: URL) throws -> Territories {
        let text = try String(contentsOf: url, encoding: .utf8)
        var zones: [Zone] = []
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("#") == false {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2, columns[0].isEmpty == false else { continue }
            zones.append(Zone(canonical: columns[0], variants: columns[1].split(separator: "|").map(String.init)))
        }
        guard zones.isEmpty == false else { throw BenchError("no zones in \(url.path)") }
        return Territories(zones: zones)
    }

    /// How a sheet writes the territory field for `zone`, and how it names the proposing body.
    static func territoryField(_ zone: Zone, random: inout SeededGenerator) -> String {
        let name = random.chance(0.5) ? zone.canonical : capitalised(random.pick(zone.variants))
        let forms = ["Zona Distretto \(name)", "Zona-distretto \(name)", "SdS \(name)", name, "Ambito zonale \(name)"]
        return random.pick(forms)
    }

    static func proposingBody(_ zone: Zone, random: inout SeededGenerator) -> String {
        random.pick([
            "Società della Salute \(zone.canonical)", "Unione dei Comuni \(zone.canonical)",
            "Conferenza zonale dei sindaci \(zone.canonical)", "Comune capofila della zona \(zone.canonical)",
            "Azienda USL Toscana, Zona Distretto \(zone.canonical)",
        ])
    }

    /// `val d'orcia` → `Val d'Orcia`; short words stay lower case.
    static func capitalised(_ text: String) -> String {
        text.split(separator: " ").map { word -> String in
            let lower = word.lowercased()
            if ["di", "e", "del", "della", "dell", "d"].contains(lower) { return lower }
            if let apostrophe = lower.firstIndex(of: "'") {
                let head = lower[...apostrophe]
                let tail = lower[lower.index(after: apostrophe)...]
                return head + tail.prefix(1).uppercased() + tail.dropFirst()
            }
            return lower.prefix(1).uppercased() + lower.dropFirst()
        }.joined(separator: " ")
    }
}
