import Foundation
import Testing
@testable import Quaderno

/// A session codes each unit with, per code, the first hit that is not negated, or else the first
/// hit; it finds them without listing and sorting every hit. These tests compare its codings with that
/// rule applied to the full list of hits (`hits(in:)`), under a dense codebook grown from the corpus.
@Suite("Choosing each code's hit")
struct HitChoiceTests {
    /// Words of at least four letters in the corpus's elements, in order of first appearance.
    static func words(of cases: [Case]) -> [String] {
        var seen = Set<String>()
        var words: [String] = []
        for sheet in cases {
            for element in sheet.elements {
                for word in element.text.lowercased().split(whereSeparator: { $0.isLetter == false })
                where word.count >= 4 && seen.insert(String(word)).inserted {
                    words.append(String(word))
                }
            }
        }
        return words
    }

    /// Cues of every kind over the corpus's words, spread over five codes (two with the same id):
    /// stems, exact forms, prefixes, phrases, phrases with a gap and `re:` expressions, many of them
    /// overlapping so that one unit matches several cues of one code.
    static func denseCodebook(_ words: [String]) -> Codebook {
        var generator = SeededGenerator(state: 7)
        var cues = Array(repeating: [String](), count: 5)
        for (index, word) in words.enumerated() {
            let other = words[Int.random(in: 0..<words.count, using: &generator)]
            let cue: String
            switch index % 7 {
            case 0: cue = word
            case 1: cue = "=" + word
            case 2: cue = String(word.prefix(4)) + "*"
            case 3: cue = word + " " + other
            case 4: cue = word + " ... " + other
            case 5: cue = "re:\\b" + word.prefix(5)
            default: cue = other + " " + word
            }
            cues[Int.random(in: 0..<5, using: &generator)].append(cue)
        }
        return Codebook(name: "dense", codes: [
            Code(id: "alpha", name: "Alpha", polarity: .positive, cues: cues[0]),
            Code(id: "beta", name: "Beta", polarity: .negative, cues: cues[1]),
            Code(id: "gamma", name: "Gamma", cues: cues[2]),
            Code(id: "alpha", name: "Alpha again", polarity: .positive, cues: cues[3]),
            Code(id: "delta", name: "Delta", polarity: .negative, cues: cues[4]),
        ])
    }

    /// A sheet whose elements mix corpus words with negations, reversals, contrasts and commas.
    static func negationSheet(_ words: [String]) -> String {
        var generator = SeededGenerator(state: 11)
        let triggers = ["non", "senza", "assenza di", "mancanza di", "superare", "ma", "però", ",", "."]
        var lines = ["# Riassunto degli elementi", "", "**Elementi positivi:**", ""]
        for number in 1...40 {
            if number == 21 { lines += ["", "**Elementi negativi:**", ""] }
            var parts: [String] = []
            for _ in 0..<Int.random(in: 6...24, using: &generator) {
                parts.append(Bool.random(using: &generator) && Int.random(in: 0..<3, using: &generator) == 0
                    ? triggers.randomElement(using: &generator)! : words.randomElement(using: &generator)!)
            }
            lines.append("\(number > 20 ? number - 20 : number). " + parts.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `code` should give a unit: per code id, the first not negated of `hits`, or else the first.
    static func expected(_ hits: [CueHit]) -> [String: CueHit] {
        var chosen: [String: CueHit] = [:]
        for hit in hits {
            if let current = chosen[hit.code], current.negatedBy == nil || hit.negatedBy != nil { continue }
            chosen[hit.code] = hit
        }
        return chosen
    }

    @Test("codings equal the first hit not negated, or else the first, of each code in the full list")
    func choiceMatchesTheFullList() throws {
        var cases = try FileManager.default.contentsOfDirectory(at: Fixtures.corpus, includingPropertiesForKeys: nil)
            .filter { ["md", "csv"].contains($0.pathExtension) == false }
            .sorted { $0.path < $1.path }
            .map(Fixtures.importCase)
        cases.append(try Fixtures.importCase(Fixtures.seed))
        let words = Self.words(of: cases)
        #expect(words.count > 500)
        let sheet = try Fixtures.write(Self.negationSheet(words), named: "negations.txt")
        cases.append(try Fixtures.importCase(sheet))
        let coder = try AutoCoder(codebook: Self.denseCodebook(words))
        var (units, negatedFirst, expressionsChosen, replacedNegated) = (0, 0, 0, 0)
        for sheet in cases {
            let session = coder.makeSession()
            let codings = session.code(sheet)
            for element in sheet.elements {
                let hits = session.hits(in: element.text)
                let want = Self.expected(hits)
                let got = Dictionary(grouping: codings.filter { $0.elementID == element.id }, by: \.code)
                #expect(Set(got.keys) == Set(want.keys), "\(sheet.id) \(element.id)")
                for (code, hit) in want {
                    let coding = try #require(got[code]?.first)
                    #expect(got[code]?.count == 1, "one coding per code id, even when two codes share it")
                    #expect(coding.cue == hit.cue, "\(sheet.id) \(element.id) \(code)")
                    #expect(coding.cueStart == hit.start + element.start && coding.cueEnd == hit.end + element.start)
                    #expect(coding.negatedBy == hit.negatedBy)
                }
                units += 1
                for (code, hit) in want {
                    let ofCode = hits.filter { $0.code == code }
                    if ofCode.first?.negatedBy != nil { negatedFirst += 1 }
                    if hit.cue.hasPrefix("re:") { expressionsChosen += 1 }
                    if hit.negatedBy == nil, ofCode.first?.negatedBy != nil { replacedNegated += 1 }
                }
            }
        }
        // The comparison covers the cases where the choice is not simply the first hit.
        #expect(units > 150)
        #expect(negatedFirst > 20)
        #expect(replacedNegated > 10)
        #expect(expressionsChosen > 20)
    }
}
