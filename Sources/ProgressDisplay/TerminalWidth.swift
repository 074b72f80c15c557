// The width of the terminal that standard error writes to.
//
// Promises: `columns` is the row width reported by the terminal (TIOCGWINSZ on standard
// error), read once and again after every SIGWINCH (window resized); when it cannot be read,
// $COLUMNS, else 80.

import Dispatch
import Foundation

public enum TerminalWidth {
    nonisolated(unsafe) private static var cached: Int?
    nonisolated(unsafe) private static var resize: DispatchSourceSignal?
    private static let lock = NSLock()

    /// The current width in columns.
    public static var columns: Int {
        lock.withLock {
            if let cached { return cached }
            let width = read()
            cached = width
            if resize == nil {
                signal(SIGWINCH, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
                source.setEventHandler { lock.withLock { cached = nil } }
                source.resume()
                resize = source
            }
            return width
        }
    }

    /// Asks the terminal (TIOCGWINSZ), else $COLUMNS, else 80.
    static func read() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        return 80
    }
}
