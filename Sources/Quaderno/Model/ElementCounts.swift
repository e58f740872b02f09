/// How many elements have each polarity (a case's, a group's, the corpus's).
struct ElementCounts: Sendable, Equatable {
    var positive = 0
    var negative = 0
    var unspecified = 0
    var neutral = 0

    /// Every element counted.
    var total: Int { positive + negative + unspecified + neutral }

    /// The counts of `elements`.
    init(_ elements: [Element] = []) {
        for element in elements {
            switch element.polarity {
            case .positive: positive += 1
            case .negative: negative += 1
            case .unspecified: unspecified += 1
            case .neutral: neutral += 1
            }
        }
    }

    /// The elements of one polarity.
    subscript(polarity: Polarity) -> Int {
        switch polarity {
        case .positive: positive
        case .negative: negative
        case .unspecified: unspecified
        case .neutral: neutral
        }
    }

    /// Adds `other`'s counts.
    mutating func add(_ other: ElementCounts) {
        positive += other.positive
        negative += other.negative
        unspecified += other.unspecified
        neutral += other.neutral
    }
}

extension Case {
    /// How many of the case's elements have each polarity.
    var elementCounts: ElementCounts { ElementCounts(elements) }
}
