// JSONSyntaxError.swift — why a text is not JSON.
// Promises: `reason` says what was wrong in a few words and `offset` is the byte offset (from the
// start of the bytes given to the reader) where reading stopped; errors from `JSONReader` also
// carry the 1-based `line` and `column` (counted in Unicode scalars) of that offset, so people can
// find the place in an editor; `description` is one line.

/// Why a text is not JSON, with the byte offset (and line and column) where reading stopped.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public let offset: Int
    /// 1-based line of `offset` (lines end at "\n"); nil when the error was made without the text.
    public let line: Int?
    /// 1-based column of `offset` in Unicode scalars; nil when the error was made without the text.
    public let column: Int?

    public init(reason: String, offset: Int, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The same error with the line and column of its offset in `bytes`.
    public func located(in bytes: UnsafeRawBufferPointer) -> JSONSyntaxError {
        var line = 1, column = 1
        for i in 0..<min(offset, bytes.count) {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                column += 1
            }
        }
        return JSONSyntaxError(reason: reason, offset: offset, line: line, column: column)
    }

    /// Equal when reason and offset are (line and column follow from the offset and the text).
    public static func == (a: JSONSyntaxError, b: JSONSyntaxError) -> Bool {
        a.reason == b.reason && a.offset == b.offset
    }

    /// "<reason> at line <line>, column <column> (byte offset <offset>)", or
    /// "<reason> at byte offset <offset>" when the position is not known.
    public var description: String {
        if let line, let column { return "\(reason) at line \(line), column \(column) (byte offset \(offset))" }
        return "\(reason) at byte offset \(offset)"
    }
}
