import Foundation

/// Deterministic synthetic case sheets assembled from the sample corpus: sheet `i` depends only on the
/// seed and `i`, so the corpus of 1,000 sheets is the first 1,000 of the corpus of 10,000.
struct SyntheticCorpus: Sendable {
    let vocabulary: CorpusVocabulary
    let territories: Territories
    let seed: UInt64
    /// The size a sheet is filled up to, in bytes (the sample corpus files are 3–5.5 KB).
    var targetBytes: ClosedRange<Int> = 5_000...6_000

    /// One written sheet and what importing it must give.
    struct File: Sendable {
        var url: URL
        var format: SheetPlan.Format
        var bytes: Int
        var positives: Int
        var negatives: Int
        var zone: String
    }

    /// The plan of sheet `index` (1-based): odd sheets are sheet text, even ones HTML.
    func plan(_ index: Int) -> SheetPlan {
        var random = SeededGenerator(seed: seed, stream: UInt64(index))
        let format: SheetPlan.Format = index % 2 == 1 ? .sheetText : .html
        let zone = random.pick(territories.zones)
        var plan = SheetPlan(
            id: String(format: "case-%06d", index), format: format, title: random.pick(vocabulary.titles),
            fields: fields(zone, &random), contentHeader: random.pick(vocabulary.contentHeaders),
            contentRows: [contentRow(&random)], procedureHeader: random.pick(vocabulary.procedureHeaders),
            procedureRows: [procedureRow(&random)], pageBreak: format == .sheetText && random.chance(0.3),
            positives: random.sample(vocabulary.positives, random.int(4...7)),
            negatives: random.sample(vocabulary.negatives, random.int(2...5)), zone: zone.canonical)
        if plan.pageBreak { plan.contentRows.append(contentRow(&random)) }
        fill(&plan, to: random.int(targetBytes), &random)
        return plan
    }

    /// Writes sheets `1...count` into `folder` (emptied first).
    func write(count: Int, to folder: URL) throws -> [File] {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [File] = []
        files.reserveCapacity(count)
        for index in 1...max(1, count) where index <= count {
            let plan = plan(index)
            let data = Data(plan.render().utf8)
            let url = folder.appendingPathComponent(plan.fileName)
            try data.write(to: url)
            files.append(File(url: url, format: plan.format, bytes: data.count, positives: plan.positives.count,
                              negatives: plan.negatives.count, zone: plan.zone))
        }
        return files
    }

    private func fields(_ zone: Territories.Zone, _ random: inout SeededGenerator) -> [SheetPlan.Field] {
        CorpusVocabulary.attributeKeys.map { key in
            let label = random.pick(vocabulary.labels[key] ?? [key])
            let value: String
            switch key {
            case "ente_proponente": value = Territories.proposingBody(zone, random: &random)
            case "ambito_territoriale": value = Territories.territoryField(zone, random: &random)
            default:
                let pool = vocabulary.values[key] ?? []
                value = pool.isEmpty ? random.pick(vocabulary.sentences) : random.pick(pool)
            }
            return SheetPlan.Field(label: label, value: value)
        }
    }

    private func contentRow(_ random: inout SeededGenerator) -> [SheetPlan.Cell] {
        let activities = SheetPlan.Cell(paragraphs: [random.pick(vocabulary.sentences)],
                                        items: random.sample(vocabulary.sentences, random.int(2...3)))
        let points = SheetPlan.Cell(items: random.sample(vocabulary.sentences, random.int(3...4)),
                                    ordered: random.chance(0.5))
        return [activities, points, resources(&random)]
    }

    private func procedureRow(_ random: inout SeededGenerator) -> [SheetPlan.Cell] {
        let steps = random.int(3...4)
        let passages = SheetPlan.Cell(paragraphs: ["Il procedimento si è svolto in \(steps) passaggi:"],
                                      items: random.sample(vocabulary.sentences, steps), ordered: true)
        return [passages, SheetPlan.Cell(paragraphs: random.sample(vocabulary.sentences, 2))]
    }

    /// The resources cell: a public amount and an ETS co-financing, in the notations sheets use.
    private func resources(_ random: inout SeededGenerator) -> SheetPlan.Cell {
        let fund = random.pick(Self.funds)
        let kind = random.pick(["valorizzazione di personale", "ore di volontariato e uso di locali",
                                "comodato d'uso gratuito di un immobile", "spese di personale e spese generali"])
        return SheetPlan.Cell(paragraphs: [
            "\(fund): \(Self.amount(random.int(20_000...2_500_000), &random))",
            "Cofinanziamento degli ETS: \(Self.amount(random.int(2_000...150_000), &random)) in \(kind)",
        ])
    }

    static let funds = ["Risorse del Fondo Povertà assegnate alla zona", "Quota Servizi Fondo Povertà",
                        "Risorse del Fondo Dopo di noi", "Fondo nazionale per le politiche sociali",
                        "Risorse PNRR Missione 5", "Risorse proprie del bilancio comunale", "POR FSE 2014-2020"]

    /// `€ 187.450,00`, `€24.300`, `euro 402.718,00`, `EUR 35.000`, `146mila euro`, `1,2 milioni di euro`.
    static func amount(_ euros: Int, _ random: inout SeededGenerator) -> String {
        let cents = random.int(0...99)
        switch random.index(6) {
        case 0: return "€ \(grouped(euros)),\(String(format: "%02d", cents))"
        case 1: return "€\(grouped(euros))"
        case 2: return "euro \(grouped(euros)),\(String(format: "%02d", cents))"
        case 3: return "EUR \(grouped(euros))"
        case 4: return "\(max(1, euros / 1000))mila euro"
        default:
            let tenths = max(1, euros / 100_000)
            return "\(tenths / 10),\(tenths % 10) milioni di euro"
        }
    }

    /// `187450` → `187.450`.
    static func grouped(_ value: Int) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(".", at: index)
            index -= 3
        }
        return String(digits)
    }

    /// Adds list items to the table cells until the rendered sheet reaches `target` bytes.
    private func fill(_ plan: inout SheetPlan, to target: Int, _ random: inout SeededGenerator) {
        for _ in 0..<6 {
            let missing = target - plan.render().utf8.count
            guard missing > 40 else { return }
            var added = 0
            while added < missing {
                let sentence = random.pick(vocabulary.sentences)
                added += sentence.utf8.count + 20
                if random.chance(0.6) {
                    let column = random.index(2)
                    let row = random.index(plan.contentRows.count)
                    plan.contentRows[row][column].items.append(sentence)
                } else {
                    plan.procedureRows[0][0].items.append(sentence)
                }
            }
        }
    }
}
