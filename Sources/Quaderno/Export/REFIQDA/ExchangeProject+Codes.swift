/// Codes: a tree, as REFI-QDA nests them.
extension ExchangeProject {
    /// A code of the project's codebook, with its sub-codes.
    public struct Code: Sendable, Equatable {
        /// The code's GUID.
        public var guid: String
        /// The display name.
        public var name: String
        /// Whether text can be coded with it (false for pure grouping codes in some tools).
        public var isCodable: Bool
        /// A display color as `#RRGGBB`, if any.
        public var color: String?
        /// What the code means (free text; may be empty).
        public var description: String
        /// The sub-codes, in order.
        public var children: [Code]

        /// Creates a code.
        public init(guid: String, name: String, isCodable: Bool = true, color: String? = nil,
                    description: String = "", children: [Code] = []) {
            self.guid = guid
            self.name = name
            self.isCodable = isCodable
            self.color = color
            self.description = description
            self.children = children
        }
    }

    /// One code of the tree with where it sits: its parent's GUID (nil at the top) and its depth (0 at the top).
    public struct PlacedCode: Sendable, Equatable {
        /// The code (with its children still attached).
        public var code: Code
        /// The parent's GUID, nil for a top-level code.
        public var parent: String?
        /// 0 for a top-level code, 1 for its children, and so on.
        public var depth: Int
    }

    /// Every code of the tree, depth first (a parent before its children), with its parent.
    public var allCodes: [PlacedCode] {
        var result: [PlacedCode] = []
        func visit(_ code: Code, parent: String?, depth: Int) {
            result.append(PlacedCode(code: code, parent: parent, depth: depth))
            for child in code.children { visit(child, parent: code.guid, depth: depth + 1) }
        }
        for code in codes { visit(code, parent: nil, depth: 0) }
        return result
    }

    /// The code with `guid` (in any GUID form) anywhere in the tree, if any.
    public func code(_ guid: String) -> Code? {
        let key = REFIGUID.canonical(guid) ?? guid
        return allCodes.first { $0.code.guid == key }?.code
    }

    /// Builds a code tree from a flat list where each entry names its parent by GUID.
    ///
    /// Children keep the order of the list. An entry whose parent is missing, or that would close a
    /// cycle, becomes a top-level code.
    public static func codeTree(_ flat: [(code: Code, parent: String?)]) -> [Code] {
        let known = Set(flat.map(\.code.guid))
        var childrenOf: [String: [Int]] = [:]
        var roots: [Int] = []
        for (index, entry) in flat.enumerated() {
            if let parent = entry.parent, parent != entry.code.guid, known.contains(parent) {
                childrenOf[parent, default: []].append(index)
            } else {
                roots.append(index)
            }
        }
        var placed = Set<Int>()
        func build(_ index: Int) -> Code {
            placed.insert(index)
            var code = flat[index].code
            code.children = []
            for child in childrenOf[code.guid] ?? [] where placed.contains(child) == false {
                code.children.append(build(child))
            }
            return code
        }
        var tree = roots.map(build)
        // Entries never reached sit on a cycle: lift one per cycle to the top.
        for index in flat.indices where placed.contains(index) == false { tree.append(build(index)) }
        return tree
    }
}
