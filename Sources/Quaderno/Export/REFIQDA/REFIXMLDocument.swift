import Foundation

/// A REFI-QDA XML document (`.qde` or `.qdc`) read whole into a tree, remembering each element's line.
///
/// Parsed by libxml2 through ``XMLStream`` (XML dialect, safe options: no network, no entity
/// substitution, no DTD loading), from bytes the caller has already size-capped.
struct REFIXMLDocument {
    /// The root element.
    let root: XMLTreeNode
    /// The file as named in messages.
    let file: String
    private let lines: [ObjectIdentifier: Int]

    /// The line an element starts on (as libxml2 reports it), or nil when unknown.
    func line(_ node: XMLTreeNode) -> Int? { lines[ObjectIdentifier(node)] }

    /// Parses a document fed by `feed`, which passes chunks of UTF-8 bytes to its argument.
    static func parse(file: String, _ feed: ((Data) -> Void) throws -> Void) throws -> REFIXMLDocument {
        let collector = LineRecordingCollector()
        let stream = XMLStream.open(.xml, file: file, handler: collector)
        collector.stream = stream
        var first = true
        try feed { chunk in
            var chunk = chunk
            if first {
                first = false
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = chunk.dropFirst(3) }
            }
            stream.feed(chunk)
        }
        stream.finish()
        if let problem = stream.fatalProblem {
            throw QuadernoError(.malformed, file: file, line: problem.line, "not well-formed XML: \(problem.message)",
                                hint: "the file is damaged or was not written by a REFI-QDA program")
        }
        guard let root = collector.root else {
            throw QuadernoError(.malformed, file: file, "the XML document has no root element")
        }
        return REFIXMLDocument(root: root, file: file, lines: collector.lines)
    }

    /// Parses a document held in memory.
    static func parse(_ data: Data, file: String) throws -> REFIXMLDocument {
        try parse(file: file) { $0(data) }
    }
}

/// An ``XMLTreeCollector`` that also notes the line of each element it creates.
private final class LineRecordingCollector: MarkupHandler {
    private let tree = XMLTreeCollector()
    private var stack: [XMLTreeNode] = []
    weak var stream: XMLStream?
    private(set) var lines: [ObjectIdentifier: Int] = [:]

    var root: XMLTreeNode? { tree.root }

    func startElement(_ name: String, namespace: String?, attributes: [String: String]) {
        tree.startElement(name, namespace: namespace, attributes: attributes)
        let node: XMLTreeNode?
        if let parent = stack.last, case .element(let child)? = parent.children.last {
            node = child
        } else {
            node = stack.isEmpty ? tree.root : nil
        }
        if let node {
            stack.append(node)
            if let line = stream?.line { lines[ObjectIdentifier(node)] = line }
        }
    }

    func endElement(_ name: String, namespace: String?) {
        tree.endElement(name, namespace: namespace)
        _ = stack.popLast()
    }

    func characters(_ text: String) {
        tree.characters(text)
    }
}
