import Foundation
import Quaderno

/// Codebooks of a given number of cues, grown from the default codebook with phrases from the corpus.
///
/// Smaller than the default codebook: its `re:` cues (always all of them, so every size pays the same
/// regular-expression cost) and its first word cues taken code by code in turn. Larger: every cue of
/// the default codebook plus generated ones spread over the leaf codes: a few 1-word and `prefix*`
/// cues, 2–3-word phrases that occur in the corpus, and (most) 2–3-word combinations of corpus words
/// that occur nowhere, so that, as in a real codebook, most cues rarely match.
struct CodebookGenerator: Sendable {
    let base: Codebook
    /// Content words (4+ letters, not Italian function words), in first-seen order.
    let words: [String]
    /// Runs of consecutive letter-only words, split at punctuation.
    let runs: [[String]]
    let functionWords: Set<String>

    init(base: Codebook, texts: [String], functionWords: Set<String>) {
        self.base = base
        self.functionWords = functionWords
        var seen: Set<String> = []
        var words: [String] = []
        var runs: [[String]] = []
        for text in texts {
            var run: [String] = []
            for raw in text.lowercased().split(whereSeparator: { $0.isWhitespace }) {
                let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()[]«»“”\"‘’"))
                let clean = word.isEmpty == false && word.allSatisfy(\.isLetter)
                if clean {
                    run.append(word)
                    if Self.isContent(word, functionWords), seen.insert(word).inserted { words.append(word) }
                }
                let punctuated = raw.last.map { ".,;:!?)»”".contains($0) } ?? false
                if clean == false || punctuated {
                    if run.count >= 2 { runs.append(run) }
                    run = []
                }
            }
            if run.count >= 2 { runs.append(run) }
        }
        self.words = words
        self.runs = runs
    }

    static func isContent(_ word: String, _ functionWords: Set<String>) -> Bool {
        word.count >= 4 && functionWords.contains(word) == false
    }

    /// Reads the function-word forms from `italian-function-words.tsv`.
    static func functionWords(_ url: URL) throws -> Set<String> {
        let text = try String(contentsOf: url, encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("#") == false }
            .compactMap { $0.split(separator: "\t").first.map { $0.lowercased() } })
    }

    /// The total number of cues of a codebook.
    static func cueCount(_ codebook: Codebook) -> Int { codebook.codes.reduce(0) { $0 + $1.cues.count } }

    /// A codebook with exactly `cues` cues.
    func codebook(cues target: Int, seed: UInt64) throws -> Codebook {
        var codebook = base
        codebook.name = "\(base.name) (bench, \(target) cues)"
        codebook.version = "bench-\(target)"
        let leaves = codebook.codes.indices.filter { codebook.codes[$0].cues.isEmpty == false }
        let baseCount = Self.cueCount(base)
        if target <= baseCount {
            let expressions = codebook.codes.map { $0.cues.filter { $0.hasPrefix("re:") } }
            let plain = codebook.codes.map { $0.cues.filter { $0.hasPrefix("re:") == false } }
            var kept = expressions
            var remaining = target - expressions.reduce(0) { $0 + $1.count }
            guard remaining >= leaves.count else {
                throw BenchError("\(target) cues is too few: the default codebook has \(leaves.count) codes with cues "
                    + "and \(target - remaining) regular expressions")
            }
            var depth = 0
            while remaining > 0 {
                for leaf in leaves where remaining > 0 && depth < plain[leaf].count {
                    kept[leaf].append(plain[leaf][depth])
                    remaining -= 1
                }
                depth += 1
            }
            for index in codebook.codes.indices { codebook.codes[index].cues = kept[index] }
            return codebook
        }
        var random = SeededGenerator(seed: seed, stream: UInt64(target))
        var used = Set(codebook.codes.flatMap(\.cues).map { $0.lowercased() })
        var added = 0
        var attempts = 0
        while added < target - baseCount {
            attempts += 1
            guard attempts < (target - baseCount) * 50 + 1000 else {
                throw BenchError("could not find \(target - baseCount) distinct cues in the corpus vocabulary")
            }
            guard let cue = candidate(&random), used.insert(cue.lowercased()).inserted else { continue }
            codebook.codes[leaves[random.index(leaves.count)]].cues.append(cue)
            added += 1
        }
        return codebook
    }

    /// One generated cue, or nil when the draw gave nothing usable: 3% single words, 3% `prefix*`,
    /// 30% phrases found in the corpus, 64% combinations of corpus words.
    func candidate(_ random: inout SeededGenerator) -> String? {
        let roll = random.unit()
        if roll < 0.03 {
            let word = random.pick(words)
            return word.count >= 6 ? word : nil
        }
        if roll < 0.06 {
            let word = random.pick(words)
            guard word.count >= 7 else { return nil }
            let prefix = String(word.prefix(random.int(5...min(8, word.count - 1))))
            return functionWords.contains(prefix) ? nil : prefix + "*"
        }
        if roll < 0.36 {
            let run = random.pick(runs)
            let length = random.int(2...3)
            guard run.count >= length else { return nil }
            let start = random.index(run.count - length + 1)
            let phrase = Array(run[start..<(start + length)])
            guard Self.isContent(phrase.first!, functionWords), Self.isContent(phrase.last!, functionWords) else { return nil }
            return phrase.joined(separator: " ")
        }
        let count = random.int(2...3)
        var phrase = (0..<count).map { _ in random.pick(words) }
        if count == 2, random.chance(0.3) { phrase.insert("di", at: 1) }
        return phrase.joined(separator: " ")
    }

    /// Writes `codebook` as YAML to `url` and reads it back with ``Codebook/load(from:path:)``, which
    /// compiles every cue; checks the cue count survived.
    static func writeAndLoad(_ codebook: Codebook, to url: URL) throws -> Codebook {
        try Data(codebook.yamlText.utf8).write(to: url)
        let loaded = try Codebook.load(from: url)
        guard cueCount(loaded) == cueCount(codebook) else {
            throw BenchError("\(url.path) reads back with \(cueCount(loaded)) cues, not \(cueCount(codebook))")
        }
        return loaded
    }
}
