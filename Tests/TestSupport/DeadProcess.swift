// A process id that no running process has, for tests of leftovers of killed runs.
//
// Promises: `deadProcessID()` starts /bin/true, waits for it to exit (reaped), and returns its
// pid, which stays unused until the kernel wraps around its pid space.

import Foundation

public func deadProcessID() throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/true")
    try p.run()
    p.waitUntilExit()
    return p.processIdentifier
}
