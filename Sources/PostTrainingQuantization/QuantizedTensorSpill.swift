// Quantized tensors moved out of memory while a sequential run goes on, so that the run's
// memory holds one layer, not every layer's codes (`SequentialQuantization.run(spill:)`).
//
// Promises: `store` appends a tensor's code and scale bytes to a temporary file that is
// unlinked as soon as it is made — nothing is left on disk when the process ends, however it
// ends — and returns the tensor without them (its shape, rule, amax and counts) plus where
// they are; `load` returns the tensor bit for bit. Float arrays (a method's changed weights)
// are stored and read back alike. A write or read that fails throws one line
// naming the spill folder.

import BlockQuantization
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public final class QuantizedTensorSpill: @unchecked Sendable {
    /// Where one tensor's bytes are.
    public struct Entry: Sendable, Equatable {
        let offset: Int
        let codeCount: Int
        let scaleCount: Int
    }

    private let fd: Int32
    private let directory: String
    private var end = 0
    private let lock = NSLock()

    /// Opens an unlinked scratch file in `directory`.
    public init(directory: String = NSTemporaryDirectory()) throws {
        self.directory = directory
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array(".fouroversix-spill-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw PTQError.invalidOption(
                "cannot create a scratch file in \(directory): \(String(cString: strerror(errno)))")
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Moves `q`'s codes and scale bytes to the file: returns `q` without them and their place.
    public func store(_ q: QuantizedTensor) throws -> (header: QuantizedTensor, entry: Entry) {
        lock.lock()
        defer { lock.unlock() }
        let entry = Entry(offset: end, codeCount: q.codes.count, scaleCount: q.scales.count)
        try q.codes.withUnsafeBytes { try write($0, at: entry.offset) }
        try q.scales.withUnsafeBytes { try write($0, at: entry.offset + entry.codeCount) }
        end += entry.codeCount + entry.scaleCount
        var header = q
        header.codes = []
        header.scales = []
        return (header, entry)
    }

    /// Moves float values (a method's changed weight) to the file.
    public func store(_ values: [Float]) throws -> Entry {
        lock.lock()
        defer { lock.unlock() }
        let entry = Entry(offset: end, codeCount: 4 * values.count, scaleCount: 0)
        try values.withUnsafeBytes { try write($0, at: entry.offset) }
        end += entry.codeCount
        return entry
    }

    /// The float values `store(_: [Float])` was given.
    public func load(_ entry: Entry) throws -> [Float] {
        let bytes = try read(entry.codeCount, at: entry.offset)
        return bytes.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// The tensor `store` was given: `header` with its bytes read back.
    public func load(_ header: QuantizedTensor, _ entry: Entry) throws -> QuantizedTensor {
        var q = header
        q.codes = try read(entry.codeCount, at: entry.offset)
        q.scales = try read(entry.scaleCount, at: entry.offset + entry.codeCount)
        return q
    }

    private func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure("write to") }
            done += n
        }
    }

    private func read(_ count: Int, at offset: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure("read from") }
                done += n
            }
            initialized = count
        }
    }

    private func failure(_ verb: String) -> PTQError {
        .invalidOption("cannot \(verb) the scratch file in \(directory): \(String(cString: strerror(errno)))")
    }
}
