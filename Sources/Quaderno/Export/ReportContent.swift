import Foundation

/// What the Markdown and HTML reports show, worked out once from a ``CorpusReport`` so that both
/// renderers present the same content in the same order; they only differ in markup.
struct ReportContent: Sendable {
    /// A group column of the heatmap: its value and how many cases it holds.
    struct Group: Sendable, Equatable {
        var value: String
        var cases: Int
    }

    /// A code with its place in the codebook tree and its display colour.
    struct CodeInfo: Sendable {
        var code: Code
        /// 0 for top-level codes, 1 for their children, ...
        var depth: Int
        /// Codes whose codings this code also counts (its descendants), codebook order.
        var descendants: [String]
        /// `#RRGGBB`: the codebook's colour, or green, red or grey by polarity.
        var color: String
        /// False for codes found in codings that the codebook does not define.
        var inCodebook: Bool
    }

    /// One heatmap row: a code's whole-corpus frequency and its frequency in each group.
    struct HeatRow: Sendable {
        var info: CodeInfo
        var overall: FrequencyRow?
        /// One cell per ``groups`` entry, nil when the analysis has no row for it.
        var cells: [FrequencyRow?]
    }

    /// One row of the cases table.
    struct CaseRow: Sendable {
        var id: String
        /// The territory, `(none)` when not recognised.
        var territory: String
        /// The `ente_proponente` attribute, empty when missing.
        var proposer: String
        /// The source format (`docx`, `sheet`, ...).
        var format: String
        /// Elements by the polarity the sheet gives them.
        var positive: Int
        var negative: Int
        var unspecified: Int
        /// The sum of the euro amounts found in the text.
        var amount: Double
        /// Codes applied directly (counted codings, one per unit), codebook order, with their count.
        var codes: [(code: String, count: Int)]
        var warnings: [String]
    }

    /// A code's section of quotes.
    struct CodeSection: Sendable {
        var info: CodeInfo
        var overall: FrequencyRow?
        /// Counted codings of exactly this code, by case then position.
        var quotes: [ReportQuote]
        /// Negated codings of this code: listed, never counted.
        var negated: [ReportQuote]
        /// Counted codings beyond ``ReportContent/quoteLimit``, left to codings.csv.
        var omittedQuotes = 0
        /// Negated codings beyond the limit.
        var omittedNegated = 0
    }

    /// The most quotes (and negated quotes) shown per code: enough to read a code, few enough for a
    /// page that opens fast on a large corpus. Every coding is in codings.csv.
    static let quoteLimit = 50
    /// At most this many cases are listed in the cases table; cases.csv has every one. A national
    /// survey's 100,000 rows would make an HTML page of about 90 MB that no browser shows well.
    static let caseLimit = 1_000

    /// A coder present in the view, with how many codings they made.
    struct CoderCount: Sendable, Equatable {
        var coder: String
        var counted: Int
        var negated: Int
    }

    /// The report shown.
    let report: CorpusReport
    /// The attribute the heatmap and the balance are grouped by (`territory` when asked for), or nil.
    let groupKey: String?
    /// The heatmap's columns, sorted by value as the analysis sorts them, `(none)` last.
    let groups: [Group]
    /// Every code in codebook order (then codes only the codings know).
    let codes: [CodeInfo]
    /// One row per codebook code, in codebook order.
    let heatmap: [HeatRow]
    /// The balance for the whole corpus.
    let overallPolarity: PolarityRow?
    /// The balance per group, in the order of ``groups``.
    let groupPolarity: [PolarityRow]
    /// One row per case, in id order, at most ``caseLimit`` of them (the first ones).
    let cases: [CaseRow]
    /// Cases left out of ``cases`` (all of them are in cases.csv).
    var omittedCases: Int { caseCount - cases.count }
    /// Every case of the report, listed or not.
    let caseCount: Int
    /// The territories the cases name (listed or not).
    let territoryCount: Int
    /// The ids of the cases in ``cases``: only these can be linked to.
    let listedCases: Set<String>
    /// Every case with import warnings (listed in the table or not), in id order.
    let casesWithWarnings: [(id: String, warnings: [String])]
    /// One section per code of ``codes``.
    let sections: [CodeSection]
    /// The coders whose codings are in the view, by name.
    let coders: [CoderCount]

    /// Works out every table the renderers show.
    init(_ report: CorpusReport, caseLimit: Int = ReportContent.caseLimit) {
        self.report = report
        let view = report.view
        let key = report.groupBy.contains("territory") ? "territory" : report.groupBy.first
        groupKey = key
        var seen: Set<String> = []
        let found = report.frequencies.filter { $0.groupBy == key && seen.insert($0.group).inserted }
            .map { Group(value: $0.group, cases: $0.casesInGroup) }
        groups = found.filter { $0.value != "(none)" } + found.filter { $0.value == "(none)" }

        let index = report.index
        let known = view.codebook.codes.map(\.id)
        let knownSet = Set(known)
        let extra = index.codeIDs.filter { knownSet.contains($0) == false }
        codes = view.codebook.codes.map { code in
            let family = view.family(of: code.id)
            return CodeInfo(code: code, depth: Self.depth(of: code, in: view.codebook),
                            descendants: known.filter { $0 != code.id && family.contains($0) },
                            color: Self.color(of: code), inCodebook: true)
        } + extra.map { id in
            let code = Code(id: id, name: id, definition: "")
            return CodeInfo(code: code, depth: 0, descendants: [], color: Self.color(of: code), inCodebook: false)
        }

        var overall: [String: FrequencyRow] = [:]
        var cells: [String: [String: FrequencyRow]] = [:]
        for row in report.frequencies {
            if row.groupBy == "all" { overall[row.code] = row }
            if row.groupBy == key { cells[row.code, default: [:]][row.group] = row }
        }
        let groupValues = groups.map(\.value)
        heatmap = codes.filter(\.inCodebook).map { info in
            HeatRow(info: info, overall: overall[info.code.id],
                    cells: groupValues.map { cells[info.code.id]?[$0] })
        }
        overallPolarity = report.polarity.first { $0.groupBy == "all" }
        let balances = report.polarity.filter { $0.groupBy == key }
        groupPolarity = balances.filter { $0.group != "(none)" } + balances.filter { $0.group == "(none)" }

        cases = Self.caseRows(view, index: index, codes: codes, limit: caseLimit)
        caseCount = view.cases.count
        territoryCount = Set(view.cases.map { CorpusView.group(of: $0, by: "territory") }.filter { $0 != "(none)" }).count
        listedCases = Set(cases.map(\.id))
        casesWithWarnings = view.cases.filter { $0.warnings.isEmpty == false }.map { ($0.id, $0.warnings) }
        sections = Self.sections(view, index: index, codes: codes, overall: overall)

        var coderCounts = [CoderCount](repeating: CoderCount(coder: "", counted: 0, negated: 0), count: index.coderNames.count)
        for (position, name) in index.coderNames.enumerated() { coderCounts[position].coder = name }
        for position in view.codings.indices {
            if view.codings[position].negated {
                coderCounts[index.coderOf[position]].negated += 1
            } else {
                coderCounts[index.coderOf[position]].counted += 1
            }
        }
        coders = coderCounts.sorted { $0.coder < $1.coder }
        var totals = ElementCounts()
        for sheet in view.cases { totals.add(sheet.elementCounts) }
        elementTotals = totals
        countedCodings = index.countedCount
        negatedCodings = view.codings.count - index.countedCount
        conflicts = index.counted.reduce(0) { $0 + (view.codings[$1].polarityConflict ? 1 : 0) }
    }

    // MARK: Summary numbers

    var view: CorpusView { report.view }
    /// Elements of every case, and by the polarity the sheets give them.
    private let elementTotals: ElementCounts
    var elementCount: Int { elementTotals.total }
    func elementCount(_ polarity: Polarity) -> Int { elementTotals[polarity] }
    /// Codings counted, negated, and counted ones whose polarity contradicts their element's.
    let countedCodings: Int
    let negatedCodings: Int
    let conflicts: Int
    /// Cases with import warnings, in id order.
    /// Whether codings of more than one coder are in the view.
    var severalCoders: Bool { coders.count > 1 }
    /// The heading noun of the grouping (`territorio`).
    var groupNoun: String { ReportText.groupNoun(groupKey ?? "all") }
    /// The largest number of codings of one code (for bar scales), at least 1.
    var maximumCodings: Int { max(1, heatmap.compactMap { $0.overall?.codings }.max() ?? 0) }

    // MARK: Helpers

    /// How many ancestors a code has (cycles stop the count).
    static func depth(of code: Code, in codebook: Codebook) -> Int {
        var depth = 0
        var seen: Set<String> = [code.id]
        var parent = code.parent
        while let id = parent, seen.insert(id).inserted, let next = codebook.code(id) {
            depth += 1
            parent = next.parent
        }
        return depth
    }

    /// The code's `#RRGGBB` colour when valid, otherwise green, red or grey by polarity.
    static func color(of code: Code) -> String {
        if let color = code.color?.trimmingCharacters(in: .whitespaces), isHexColor(color) { return color.uppercased() }
        switch code.polarity {
        case .positive: return "#2E7D32"
        case .negative: return "#C62828"
        case .neutral, .unspecified: return "#757575"
        }
    }

    /// Whether `text` is exactly `#` and six hex digits (safe to put in a style or SVG attribute).
    static func isHexColor(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 7 && scalars[0] == "#"
            && scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
    }
}
