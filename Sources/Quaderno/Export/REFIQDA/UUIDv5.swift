import Foundation

/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same namespace and name always give the same
/// UUID, so REFI-QDA GUIDs derived from Quaderno ids are stable from one export to the next.
public enum UUIDv5 {
    /// The RFC namespace for domain names (`6ba7b810-9dad-11d1-80b4-00c04fd430c8`).
    public static let dns = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
    /// The RFC namespace for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
    public static let url = UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!
    /// Quaderno's namespace: `UUIDv5.make("urn:quaderno:refi-qda", namespace: UUIDv5.url)`, written out
    /// so that it can never change by accident (a test checks the derivation).
    public static let quaderno = UUID(uuidString: "0466fd06-8447-500a-86de-cd49e804f96b")!

    /// The version-5 UUID of `name` (its UTF-8 bytes) in `namespace`.
    public static func make(_ name: String, namespace: UUID = quaderno) -> UUID {
        let space = namespace.uuid
        let namespaceBytes: [UInt8] = [space.0, space.1, space.2, space.3, space.4, space.5, space.6, space.7,
                                       space.8, space.9, space.10, space.11, space.12, space.13, space.14, space.15]
        var digest = SHA1.hash(namespaceBytes + Array(name.utf8))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return UUID(uuid: (digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                           digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]))
    }

    /// A stable REFI-QDA GUID (lower-case) for a Quaderno object: `kind` says what it is (`code`,
    /// `case`, `user`, `selection`, ...) and `id` is its identifier in the project, so a code and a case
    /// with the same id still get different GUIDs.
    public static func guid(_ kind: String, _ id: String) -> String {
        make("\(kind):\(id)").uuidString.lowercased()
    }
}
