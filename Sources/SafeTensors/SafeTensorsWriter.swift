// SafeTensorsWriter.swift — the streaming writer.
// Promises: the output appears at the target path only through the rename in a successful
// `finish()`, complete and fsync'ed; until then bytes go to a hidden, uniquely named temporary file
// in the target's folder (`StagedFile`), which is deleted on `abort()`, on deinit without
// `finish()`, on any I/O failure, and when `finish()` finds a tensor short. Memory use is bounded
// by the staged file's one buffer whatever the file size.

/// Writes a safetensors file in one pass.
///
/// Declare every tensor up front (the header must know every offset), then pass each tensor's
/// bytes in declared order, in as many `write(_:)` calls per tensor as convenient, then call
/// `finish()`. A chunk never spans two tensors: it goes to the current tensor and may not exceed
/// what that tensor still lacks. Zero-sized tensors need no bytes.
///
/// ```swift
/// let writer = try SafeTensorsWriter(path: "out.safetensors", tensors: specs, metadata: ["format": "pt"])
/// for chunk in chunks { try chunk.withUnsafeBytes { try writer.write($0) } }
/// try writer.finish()
/// ```
public final class SafeTensorsWriter {
    /// The target path, as given.
    public let path: String
    /// The declared tensors, in declared (= file) order.
    public let tensors: [TensorSpec]
    /// Where the bytes go until `finish()` renames the file over `path`.
    var temporaryPath: String { file.temporaryPath }

    private let byteCounts: [Int]
    let file: StagedFile  // internal for the tests' failure injection
    /// Index of the tensor the next bytes belong to (`tensors.count` once all are complete).
    private var tensorIndex = 0
    /// Bytes already written to `tensors[tensorIndex]`.
    private var writtenInTensor = 0

    private enum State { case open, finished, aborted, failed }
    private var state = State.open

    /// Validates the specs, creates the temporary file next to `path` and writes the header.
    ///
    /// Throws `duplicateTensor` for a repeated name (or one named "__metadata__"), `invalidShape` for
    /// a negative dimension or an overflowing byte count, and `cannotWrite` if the temporary file
    /// cannot be created (e.g. the folder does not exist) or `path` is a directory.
    public init(path: String, tensors: [TensorSpec], metadata: [String: String] = [:]) throws(SafeTensorsError) {
        // Validate everything before touching the file system.
        var names = Set<String>(minimumCapacity: tensors.count)
        var sized: [(spec: TensorSpec, byteCount: Int)] = []
        sized.reserveCapacity(tensors.count)
        var total = 0
        for spec in tensors {
            guard spec.name != "__metadata__", names.insert(spec.name).inserted else {
                throw .duplicateTensor(path: path, tensor: spec.name)
            }
            switch Shape.byteCount(shape: spec.shape, dtype: spec.dtype) {
            case .failure(let problem):
                throw .invalidShape(path: path, tensor: spec.name, reason: problem.reason)
            case .success(let count):
                let (sum, overflow) = total.addingReportingOverflow(count)
                if overflow {
                    throw .invalidShape(path: path, tensor: spec.name, reason: "the file's total size overflows")
                }
                total = sum
                sized.append((spec, count))
            }
        }
        let (prefix, _) = HeaderEncoder.encode(tensors: sized, metadata: metadata)
        let headerLength = prefix.count - HeaderParser.prefixLength
        guard headerLength <= HeaderParser.maxHeaderLength else {
            throw .cannotWrite(
                path: path,
                reason:
                    "the header would be \(headerLength) bytes, over the \(HeaderParser.maxHeaderLength) readers accept"
            )
        }

        do {
            file = try StagedFile(path: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.reason)
        }
        self.path = path
        self.tensors = tensors
        self.byteCounts = sized.map(\.byteCount)

        skipCompleteTensors()
        try check(file.append(prefix))
    }

    deinit { abort() }

    /// The tensor the next bytes belong to, or nil when every declared tensor is complete.
    public var currentTensor: TensorSpec? {
        tensorIndex < tensors.count ? tensors[tensorIndex] : nil
    }

    /// How many more bytes the current tensor needs (0 when all are complete).
    public var bytesRemainingInCurrentTensor: Int {
        tensorIndex < tensors.count ? byteCounts[tensorIndex] - writtenInTensor : 0
    }

    /// Appends `bytes` to the current tensor.
    ///
    /// Throws `writeOrderViolation` (and writes nothing) if the chunk is longer than what the current
    /// tensor still lacks, or if the writer is finished or aborted; throws `cannotWrite` on an I/O
    /// failure, after which the temporary file is gone and the writer is unusable.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SafeTensorsError) {
        try checkOpen()
        guard !bytes.isEmpty else { return }
        guard tensorIndex < tensors.count else {
            throw .writeOrderViolation(
                path: path, reason: "\(bytes.count) bytes written after every declared tensor was complete")
        }
        let remaining = byteCounts[tensorIndex] - writtenInTensor
        guard bytes.count <= remaining else {
            throw .writeOrderViolation(
                path: path,
                reason:
                    "chunk of \(bytes.count) bytes for tensor \(SafeTensorsError.quoted(tensors[tensorIndex].name)), "
                    + "which lacks only \(remaining) of its \(byteCounts[tensorIndex]) bytes")
        }
        try check(file.append(bytes))
        writtenInTensor += bytes.count
        skipCompleteTensors()
    }

    /// Appends the bytes of `bytes` to the current tensor; see `write(_: UnsafeRawBufferPointer)`.
    public func write(_ bytes: [UInt8]) throws(SafeTensorsError) {
        var failure: SafeTensorsError?
        bytes.withUnsafeBytes { raw in
            do throws(SafeTensorsError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Completes the file: checks every tensor got all its bytes, flushes, fsyncs, closes, and renames
    /// the temporary file over `path` (replacing any file there atomically).
    ///
    /// Throws `writeOrderViolation` if a tensor is short (the temporary file is then deleted and
    /// nothing appears at `path`) or if called twice or after `abort()`; `cannotWrite` on I/O failure.
    public func finish() throws(SafeTensorsError) {
        try checkOpen()
        if tensorIndex < tensors.count {
            let name = SafeTensorsError.quoted(tensors[tensorIndex].name)
            let reason =
                "finish() with tensor \(name) short: \(writtenInTensor) of \(byteCounts[tensorIndex]) bytes written"
            abort()
            throw .writeOrderViolation(path: path, reason: reason)
        }
        try check(file.commit())
        state = .finished
    }

    /// Abandons the file: closes and deletes the temporary file, leaving `path` untouched.
    /// Does nothing after `finish()` or a previous `abort()`.
    public func abort() {
        guard state == .open else { return }
        state = .aborted
        file.abort()
    }

    // MARK: - Internals

    private func checkOpen() throws(SafeTensorsError) {
        switch state {
        case .open: return
        case .finished: throw .writeOrderViolation(path: path, reason: "the writer has already finished")
        case .aborted: throw .writeOrderViolation(path: path, reason: "the writer was aborted")
        case .failed: throw .writeOrderViolation(path: path, reason: "the writer failed earlier")
        }
    }

    /// Moves past the current tensor while it is complete (including zero-sized tensors).
    private func skipCompleteTensors() {
        while tensorIndex < tensors.count, writtenInTensor == byteCounts[tensorIndex] {
            tensorIndex += 1
            writtenInTensor = 0
        }
    }

    /// Throws `cannotWrite` for a failure of the staged file (which has then deleted itself).
    private func check(_ failure: StagedFile.Failure?) throws(SafeTensorsError) {
        guard let failure else { return }
        state = .failed
        throw .cannotWrite(path: path, reason: failure.reason)
    }
}

/// Writes a whole safetensors file from in-memory tensors, in the given order (see `SafeTensorsWriter`).
///
/// Throws `byteCountMismatch` (before creating anything) if a tensor's bytes do not match its
/// shape and dtype, and otherwise whatever `SafeTensorsWriter` throws.
public func writeSafeTensors(
    path: String, tensors: [(TensorSpec, [UInt8])], metadata: [String: String] = [:]
) throws(SafeTensorsError) {
    let writer = try SafeTensorsWriter(path: path, tensors: tensors.map(\.0), metadata: metadata)
    for (spec, bytes) in tensors where bytes.count != spec.byteCount {
        writer.abort()
        throw .byteCountMismatch(path: path, tensor: spec.name, expected: spec.byteCount, actual: bytes.count)
    }
    for (_, bytes) in tensors {
        try writer.write(bytes)
    }
    try writer.finish()
}
