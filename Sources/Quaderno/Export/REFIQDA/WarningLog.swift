/// Warnings collected while reading, with repeats folded into one line and a count.
struct WarningLog {
    private var order: [String] = []
    private var entries: [String: (message: String, count: Int)] = [:]

    /// Adds a warning; warnings with the same `key` (by default the message) are counted, not repeated.
    mutating func add(_ message: String, key: String? = nil) {
        let key = key ?? message
        if let entry = entries[key] {
            entries[key] = (entry.message, entry.count + 1)
        } else {
            order.append(key)
            entries[key] = (message, 1)
        }
    }

    /// The warnings in the order first seen, `(N times)` after repeated ones.
    var messages: [String] {
        order.compactMap { key in
            guard let entry = entries[key] else { return nil }
            return entry.count > 1 ? "\(entry.message) (\(entry.count) times)" : entry.message
        }
    }
}

extension XMLTreeNode {
    /// The child elements called `name`.
    func children(_ name: String) -> [XMLTreeNode] { elements.filter { $0.name == name } }

    /// The first child element called `name`.
    func child(_ name: String) -> XMLTreeNode? { elements.first { $0.name == name } }

    /// The text of the first child called `name`, or "" when there is none.
    func childText(_ name: String) -> String { child(name)?.textContent ?? "" }

    /// Every element below this one (not including it) called `name`.
    func descendants(_ name: String) -> [XMLTreeNode] {
        elements.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }
}
