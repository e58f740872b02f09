/// A small in-memory XML element, for documents read whole (generic XML sheets).
final class XMLTreeNode {
    enum Child {
        case element(XMLTreeNode)
        case text(String)
    }

    let name: String
    let namespace: String?
    let attributes: [String: String]
    private(set) var children: [Child] = []

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    var elements: [XMLTreeNode] {
        children.compactMap { if case .element(let node) = $0 { node } else { nil } }
    }

    /// All text inside, in document order.
    var textContent: String {
        children.map { child in
            switch child {
            case .element(let node): node.textContent
            case .text(let text): text
            }
        }.joined()
    }

    /// The value of the first of `names` that is present and not empty.
    func attribute(_ names: [String]) -> String? {
        for name in names {
            if let value = attributes[name]?.trimmingWhitespace(), value.isEmpty == false { return value }
        }
        return nil
    }

    func append(_ child: Child) { children.append(child) }

    /// Sends this subtree as SAX events to `handler`.
    func replay(into handler: MarkupHandler) {
        handler.startElement(name, namespace: namespace, attributes: attributes)
        for child in children {
            switch child {
            case .element(let node): node.replay(into: handler)
            case .text(let text): handler.characters(text)
            }
        }
        handler.endElement(name, namespace: namespace)
    }
}

/// Collects SAX events into an ``XMLTreeNode`` tree at most ``maximumDepth`` deep.
///
/// Deeper elements are flattened into their deepest kept ancestor: their text is kept (a space marks
/// each of their boundaries), their structure is not. Walking, replaying and freeing the tree recurse,
/// and libxml2's push parser sets no depth limit of its own, so this bound is what keeps 100,000 nested
/// elements from overflowing the stack.
final class XMLTreeCollector: MarkupHandler {
    /// The same bound ``HTMLMapper`` applies to HTML structure.
    static let maximumDepth = HTMLMapper.maximumDepth

    private(set) var root: XMLTreeNode?
    private var stack: [XMLTreeNode] = []
    private var flattenedDepth = 0
    /// How many elements were flattened because they were nested too deep.
    private(set) var flattenedElements = 0

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        guard stack.count < Self.maximumDepth, flattenedDepth == 0 else {
            flattenedDepth += 1
            flattenedElements += 1
            stack.last?.append(.text(" "))
            return
        }
        let node = XMLTreeNode(name: name, namespace: namespace, attributes: attributes)
        if let parent = stack.last { parent.append(.element(node)) } else if root == nil { root = node }
        stack.append(node)
    }

    func endElement(_ name: String, namespace: String?) {
        if flattenedDepth > 0 {
            flattenedDepth -= 1
            stack.last?.append(.text(" "))
            return
        }
        _ = stack.popLast()
    }

    func characters(_ text: String) {
        stack.last?.append(.text(text))
    }
}
