import Foundation

/// Codes case texts against a codebook with explainable cues, in one pass per text.
///
/// ```swift
/// let coder = try AutoCoder(codebook: try Codebook.load(from: url))
/// let codings = coder.code(sheet)                 // one Coding per element and code
/// let explained = coder.makeSession().hits(in: "Non si sono registrate resistenze")
/// ```
///
/// A cue preceded in its clause by a negation (non, senza, assenza di, ...) or inside a reversal
/// (superare, anziché, invece di, ...) does not count: the element gets a coding marked
/// `negated` only when every cue of that code was negated, so the researcher can see it.
public struct AutoCoder: Sendable {
    /// The codebook the coder applies.
    public let codebook: Codebook
    let compiler: CueCompiler
    let negation: NegationRules
    /// Every cue of every code: its pattern and the index of its code in the codebook.
    let cues: [(code: Int, pattern: CuePattern)]
    /// The word-sequence cues, in one automaton.
    let automaton: PhraseAutomaton
    /// The indices (into `cues`) of `re:` cues.
    let expressionCues: [Int]
    /// For each code, the index of the first code with the same id (codings are made per code id).
    let codeIDGroups: [Int]
    /// The literals of the `re:` cues' prefilters (expression `i` is `cues[expressionCues[i]]`).
    let expressionLiterals: ExpressionLiterals
    /// What making a coding reads, in flat arrays: for each cue its code's group in `codeIDGroups`
    /// and its text as written; for each code its id and polarity.
    let cueGroups: [Int32]
    let cueSources: [String]
    let codeIDs: [String]
    let codePolarities: [Polarity]

    /// Compiles the codebook's cues; throws if a cue is invalid.
    public init(codebook: Codebook) throws {
        self.codebook = codebook
        compiler = try CueCompiler()
        negation = try NegationRules.bundled(compiler: compiler)
        var cues: [(code: Int, pattern: CuePattern)] = []
        var phrases: [PhraseAutomaton.Pattern] = []
        var expressions: [Int] = []
        for (codeIndex, code) in codebook.codes.enumerated() {
            for cue in code.cues {
                let pattern: CuePattern
                do {
                    pattern = try compiler.compile(cue)
                } catch let error as QuadernoError {
                    throw QuadernoError(.invalid, "code '\(code.id)', cue '\(cue)': \(error.message)", hint: error.hint)
                }
                if pattern.expression != nil {
                    expressions.append(cues.count)
                } else {
                    phrases.append((pattern.words, cues.count))
                }
                cues.append((codeIndex, pattern))
            }
        }
        self.cues = cues
        self.automaton = PhraseAutomaton(phrases)
        expressionCues = expressions
        var firstWithID: [String: Int] = [:]
        codeIDGroups = codebook.codes.enumerated().map { index, code in
            if let first = firstWithID[code.id] { return first }
            firstWithID[code.id] = index
            return index
        }
        expressionLiterals = ExpressionLiterals(expressions.map { cues[$0].pattern.expression?.prefilter })
        let groups = codeIDGroups
        cueGroups = cues.map { Int32(groups[$0.code]) }
        cueSources = cues.map(\.pattern.source)
        codeIDs = codebook.codes.map(\.id)
        codePolarities = codebook.codes.map(\.polarity)
    }

    /// The version of the coding engine. A project keeps a case's automatic codings while the case,
    /// the codebook, the unit and this number are those they were made with, and codes it again
    /// otherwise. Raise it with any change that can alter a coding (tokenizer, stemmer, cue matching,
    /// negation, the choice of hits, the bundled word lists), so that no project keeps codings an
    /// older engine made.
    public static let engineVersion = 1

    /// A session caches what each distinct word matches; use one per thread for a batch of cases.
    public func makeSession() -> CodingSession {
        CodingSession(coder: self)
    }

    /// Codes one case (a fresh session each call; use ``makeSession()`` for batches).
    public func code(_ sheet: Case, unit: CodingUnit = .element, coder: String = "auto") -> [Coding] {
        makeSession().code(sheet, unit: unit, coder: coder)
    }
}

/// One cue found in a text: which code, where, and whether a negation or reversal cancels it.
public struct CueHit: Sendable, Equatable {
    /// The code's id.
    public var code: String
    /// The cue as written in the codebook.
    public var cue: String
    /// Start of the matched words, in Unicode scalars into the text coded.
    public var start: Int
    /// End (exclusive) of the matched words.
    public var end: Int
    /// The negation or reversal phrase (as found in the text) that cancels the cue, if any.
    public var negatedBy: String?

    /// Whether the hit is cancelled.
    public var negated: Bool { negatedBy != nil }
}
