/// What an HTML element means to ``HTMLMapper``, found from its name.
///
/// libxml2 hands each element's name over as C bytes; ``named(_:)`` reads the tag straight from them,
/// so the parser's hot path makes no `String` and hashes none (a name of up to 16 bytes is packed into
/// two integers and looked up in a small open-addressing table).
enum HTMLTag: Equatable {
    case hidden, title, heading(Int), list, item, lineBreak, rule, bold, table, headerSection, row
    case cell(header: Bool), term, definition, paragraph, other

    /// Elements whose content is never text a reader sees.
    static let hiddenElements: Set<String> = ["script", "style", "noscript", "template", "iframe", "object",
                                              "svg", "math", "select", "button"]
    /// Elements that break running text into paragraphs.
    static let paragraphElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
        "address", "center", "figure", "figcaption", "caption", "form", "fieldset", "legend", "details",
        "summary", "body",
    ]

    var isHidden: Bool { self == .hidden }

    /// Every element name with a meaning; any other element is `.other`.
    static let known: [String: HTMLTag] = {
        var tags: [String: HTMLTag] = [:]
        for name in hiddenElements { tags[name] = .hidden }
        for name in paragraphElements { tags[name] = .paragraph }
        for level in 1...6 { tags["h\(level)"] = .heading(level) }
        for name in ["ul", "ol", "menu", "dir"] { tags[name] = .list }
        for name in ["b", "strong"] { tags[name] = .bold }
        for name in ["table", "dl"] { tags[name] = .table }
        tags["title"] = .title
        tags["li"] = .item
        tags["br"] = .lineBreak
        tags["hr"] = .rule
        tags["thead"] = .headerSection
        tags["tr"] = .row
        tags["td"] = .cell(header: false)
        tags["th"] = .cell(header: true)
        tags["dt"] = .term
        tags["dd"] = .definition
        return tags
    }()

    /// The tag of an element name as written (an XML parser's names keep their case).
    static func named(_ name: String) -> HTMLTag { known[name] ?? .other }

    /// The tag of a NUL-terminated HTML element name, as libxml2 passes it (upper-case letters read as
    /// lower-case, as HTML's names are case-insensitive).
    static func named(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length > PackedName.capacity { return .other }
        }
        return PackedName(UnsafeBufferPointer(start: name, count: length)).map { lookup.tag(of: $0) } ?? .other
    }

    private static let lookup = Table(known)

    /// A name of at most 16 ASCII bytes, lower-cased, in two integers (zero bytes fill the rest).
    struct PackedName: Equatable {
        static let capacity = 16
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// The empty name, which marks a free slot.
        init() {}

        /// Nil for a name longer than ``capacity`` or with a byte outside ASCII (no tag has either).
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= Self.capacity else { return nil }
            for (index, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                let lower = UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                if index < 8 { low |= lower << (8 * UInt64(index)) } else { high |= lower << (8 * UInt64(index - 8)) }
            }
        }

        var slot: Int { Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9)) &* 0x9E37_79B9_7F4A_7C15) >> 40) }
    }

    /// Open addressing over packed names, at most a quarter full.
    private struct Table {
        private var names: [PackedName]
        private var tags: [HTMLTag?]
        private let mask: Int

        init(_ known: [String: HTMLTag]) {
            var size = 16
            while size < known.count * 4 { size *= 2 }
            names = Array(repeating: PackedName(), count: size)
            tags = Array(repeating: nil, count: size)
            mask = size - 1
            for (name, tag) in known {
                var name = name
                guard let packed = name.withUTF8({ PackedName($0) }) else { continue }
                var position = packed.slot & mask
                while tags[position] != nil { position = (position + 1) & mask }
                names[position] = packed
                tags[position] = tag
            }
        }

        func tag(of name: PackedName) -> HTMLTag {
            var position = name.slot & mask
            while let tag = tags[position] {
                if names[position] == name { return tag }
                position = (position + 1) & mask
            }
            return .other
        }
    }
}
