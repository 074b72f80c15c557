// JSONSyntaxError.swift — why a text is not JSON.
// Promises: `reason` says what was wrong in a few words and `offset` is the byte offset (from the
// start of the bytes given to the reader) where reading stopped; `description` is one line.

/// Why a text is not JSON, with the byte offset where reading stopped.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public let offset: Int

    public init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// "<reason> at byte offset <offset>".
    public var description: String { "\(reason) at byte offset \(offset)" }
}
