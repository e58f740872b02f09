/// Whether an element or a code speaks for or against the experience described in a case.
public enum Polarity: String, Codable, Sendable, CaseIterable, Comparable {
    /// A strength: an element the sheet lists as positive, or a code for a positive dynamic.
    case positive
    /// A weakness: an element the sheet lists as negative, or a code for a negative dynamic.
    case negative
    /// Neither (codes) or not stated (elements).
    case neutral
    /// Elements only: the sheet does not say whether the element is positive or negative.
    case unspecified

    /// Whether two polarities contradict each other (one positive, the other negative).
    public func contradicts(_ other: Polarity) -> Bool {
        (self == .positive && other == .negative) || (self == .negative && other == .positive)
    }

    private var rank: Int {
        switch self {
        case .positive: 0
        case .negative: 1
        case .neutral: 2
        case .unspecified: 3
        }
    }

    public static func < (lhs: Polarity, rhs: Polarity) -> Bool { lhs.rank < rhs.rank }
}
