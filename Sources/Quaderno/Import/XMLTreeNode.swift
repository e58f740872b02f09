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

/// Collects SAX events into an ``XMLTreeNode`` tree.
final class XMLTreeCollector: MarkupHandler {
    private(set) var root: XMLTreeNode?
    private var stack: [XMLTreeNode] = []

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        let node = XMLTreeNode(name: name, namespace: namespace, attributes: attributes)
        if let parent = stack.last { parent.append(.element(node)) } else if root == nil { root = node }
        stack.append(node)
    }

    func endElement(_ name: String, namespace: String?) {
        _ = stack.popLast()
    }

    func characters(_ text: String) {
        stack.last?.append(.text(text))
    }
}
