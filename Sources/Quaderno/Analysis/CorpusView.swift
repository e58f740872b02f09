/// The cases and one coder's codings that an analysis counts.
///
/// Counting rules, used by every table and chart: negated codings are listed but never counted;
/// a parent code counts the units coded with it or any of its descendants.
public struct CorpusView: Sendable {
    /// The cases, in id order.
    public var cases: [Case]
    /// The codings of the coder being reported, negated ones included.
    public var codings: [Coding]
    /// The codebook whose codes are reported, in its order.
    public var codebook: Codebook

    /// Creates a view.
    public init(cases: [Case], codings: [Coding], codebook: Codebook) {
        self.cases = cases.sorted { $0.id < $1.id }
        self.codings = codings
        self.codebook = codebook
    }

    /// Codings that count (not negated).
    public var countedCodings: [Coding] { codings.filter { $0.negated == false } }

    /// The code ids a code stands for in counts: itself and its descendants.
    public func family(of code: String) -> Set<String> {
        var family: Set<String> = [code]
        var frontier = [code]
        while let current = frontier.popLast() {
            for child in codebook.codes where child.parent == current && family.insert(child.id).inserted {
                frontier.append(child.id)
            }
        }
        return family
    }

    /// A case's value for an attribute key, `(none)` when missing or empty.
    public static func group(of sheet: Case, by key: String) -> String {
        let value = sheet.attribute(key)?.trimmingWhitespace() ?? ""
        return value.isEmpty ? "(none)" : value
    }

    /// The polarity of a code id (neutral for codes the codebook does not know).
    public func polarity(of code: String) -> Polarity {
        codebook.code(code)?.polarity ?? .neutral
    }
}
