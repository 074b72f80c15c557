// What a writing command does when it is interrupted (SIGINT, SIGTERM, SIGHUP).
//
// Promises: once any output has been prepared (`OutputPolicy.prepare`), these signals are
// caught; the handler removes this process's unfinished outputs (the partials of every
// prepared output, see `PartialOutputs`), erases the progress line on a terminal, prints one
// line to standard error saying what was removed, and exits with 128 + the signal number
// (130, 143, 129). Finished outputs are never touched. A signal already ignored when the
// handlers are installed (SIGHUP under `nohup`) stays ignored.

import Foundation

/// The write end of the pipe the signal handler reports to (set once, before any handler runs).
nonisolated(unsafe) private var signalPipeWrite: Int32 = -1

public enum InterruptCleanup {
    /// (absolute path, path as the user wrote it) of every prepared output.
    nonisolated(unsafe) private static var targets: [(String, String)] = []
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    /// The signals handled, with their names.
    public static let signals: [(Int32, String)] = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")]

    /// Adds `target` (absolute; `shown` as the user wrote it) to the outputs cleaned on interrupt
    /// and installs the handlers once.
    static func watch(_ target: String, shown: String) {
        lock.withLock {
            if !targets.contains(where: { $0.0 == target }) { targets.append((target, shown)) }
            guard !installed else { return }
            installed = true
            install()
        }
    }

    /// The handler only writes the signal number to a pipe (async-signal-safe); a thread reads
    /// it and cleans up. The signals are unblocked in this thread (and so in threads it starts).
    private static func install() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        signalPipeWrite = fds[1]
        let readEnd = fds[0]
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) != 1 {}
            let name = signals.first { $0.0 == Int32(byte) }?.1 ?? "signal \(byte)"
            interrupted(Int32(byte), name)
        }
        var mask = sigset_t()
        sigemptyset(&mask)
        for (number, _) in signals {
            // A signal ignored on purpose (`nohup` ignores SIGHUP) stays ignored.
            var current = sigaction()
            if sigaction(number, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler,
                unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            {
                continue
            }
            sigaddset(&mask, number)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWrite, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
    }

    /// The one line printed after an interrupt, given the outputs whose partials were removed.
    public static func message(signal name: String, removed: [String]) -> String {
        removed.isEmpty
            ? "interrupted (\(name)): nothing unfinished was left"
            : "interrupted (\(name)): removed the unfinished " + removed.joined(separator: ", ")
    }

    private static func interrupted(_ number: Int32, _ name: String) {
        let me = getpid()
        let watched = lock.withLock { targets }
        let removed = watched.filter { !PartialOutputs.clean($0.0, owner: { $0 == me }).isEmpty }.map(\.1)
        let erase = isatty(STDERR_FILENO) != 0 ? "\r\u{1B}[K" : ""
        let line = erase + message(signal: name, removed: removed) + "\n"
        _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        _exit(128 + number)
    }
}
