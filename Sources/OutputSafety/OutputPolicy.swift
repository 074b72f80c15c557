// The one check every writing command makes on each output path before any work.
//
// Promises: `prepare` refuses, with one plain line naming the path as the user wrote it (never
// a hidden temporary name):
// - an output that is one of the inputs (same device + inode, or the same place by another
//   spelling or a link), an output folder that contains an input, and any output that lies
//   inside an input folder;
// - a folder where a file is expected and a file where a folder is expected;
// - an existing file, or an existing non-empty folder, unless it may be replaced (`--overwrite`)
//   or added to (`.addTo`: a run that resumes or fills in a folder);
// - a place where nothing can be created (missing parents are created first, then a probe
//   named like a partial is created and removed where the output will be written).
// It then removes the stale partials of that output left by processes that are gone (returning
// one line saying so) and registers the output with `InterruptCleanup`, which from then on
// handles SIGINT, SIGTERM and SIGHUP.

import Foundation

/// What the output is.
public enum OutputKind: Sendable {
    case file, folder
}

/// What to do when the output already exists.
public enum ExistingOutput: Sendable {
    /// Refuse (the default of every command).
    case refuse
    /// Replace it once the new output is complete (`--overwrite`).
    case replace
    /// Write into the existing folder (`train --resume`, `experiment pretrain`, a default scratch folder).
    case addTo
}

/// One output of a command.
public struct OutputRequest: Sendable {
    public var path: String
    public var kind: OutputKind
    public var inputs: [String]
    public var existing: ExistingOutput
    /// How the message names it ("report file", "--out folder"; default "output file" or "output folder").
    public var role: String

    public init(
        _ path: String, _ kind: OutputKind, inputs: [String] = [], existing: ExistingOutput,
        role: String? = nil
    ) {
        self.path = path
        self.kind = kind
        self.inputs = inputs
        self.existing = existing
        self.role = role ?? (kind == .file ? "output file" : "output folder")
    }
}

/// A refused output: one line, naming the path.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public enum OutputPolicy {
    /// Checks every request (all before any is prepared), then prepares each; returns the
    /// notices to show (stale partials removed).
    @discardableResult
    public static func prepare(_ requests: [OutputRequest]) throws(OutputError) -> [String] {
        for r in requests { try check(r) }
        var notices: [String] = []
        for r in requests { notices += try prepare(r) }
        return notices
    }

    /// Checks and prepares one output (see the file's promises).
    @discardableResult
    public static func prepare(_ r: OutputRequest) throws(OutputError) -> [String] {
        try check(r)
        let target = PathIdentity.absolute(r.path)
        try probe(r, target: target)
        let gone = PartialOutputs.clean(target, owner: PartialOutputs.processIsGone)
        InterruptCleanup.watch(target, shown: r.path)
        guard !gone.isEmpty else { return [] }
        let pids = Set(gone).sorted().map(String.init).joined(separator: ", ")
        let count = gone.count == 1 ? "an unfinished output" : "\(gone.count) unfinished outputs"
        return ["removed \(count) of \(r.path) left by an interrupted run (process \(pids), no longer running)"]
    }

    /// Everything that can be decided without writing.
    static func check(_ r: OutputRequest) throws(OutputError) {
        let name = "\(r.role) \(r.path)"
        guard !r.path.isEmpty else { throw OutputError("\(r.role): the path is empty") }
        let target = PathIdentity.canonical(r.path)
        let exists = PathIdentity.exists(r.path)
        let isFolder = PathIdentity.isDirectory(r.path)
        if exists && r.kind == .file && isFolder {
            throw OutputError("\(name) is a folder; give a file path")
        }
        if exists && r.kind == .folder && !isFolder {
            throw OutputError("\(name) is a file; give a folder path")
        }
        for input in r.inputs where PathIdentity.exists(input) {
            let source = PathIdentity.canonical(input)
            let kindOfInput = PathIdentity.isDirectory(input) ? "folder" : "file"
            if source == target || PathIdentity.sameObject(input, r.path) {
                throw OutputError("\(name) is the input \(kindOfInput) \(input) itself; choose another output")
            }
            if PathIdentity.isInside(target, source) {
                throw OutputError("\(name) lies inside the input folder \(input); choose an output outside it")
            }
            if PathIdentity.isInside(source, target) && r.existing != .addTo {
                throw OutputError("\(name) contains the input \(kindOfInput) \(input); choose an output that does not")
            }
        }
        if exists && r.existing == .refuse {
            let empty = isFolder && ((try? FileManager.default.contentsOfDirectory(atPath: r.path))?.isEmpty ?? false)
            if !empty {
                throw OutputError("\(name) already exists; pass --overwrite to replace it")
            }
        }
        let ancestor = PathIdentity.nearestExisting(r.path)
        if ancestor != PathIdentity.absolute(r.path) && !PathIdentity.isDirectory(ancestor) {
            throw OutputError("\(name) cannot be created: \(ancestor) is a file, not a folder")
        }
    }

    /// Creates missing parent folders and proves that the output can be created where it will be.
    private static func probe(_ r: OutputRequest, target: String) throws(OutputError) {
        let name = "\(r.role) \(r.path)"
        let parent = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot write \(name): its folder \(parent) cannot be created")
        }
        // Files are written into an existing folder that is added to; everything else beside the target.
        let into = r.kind == .folder && r.existing == .addTo && PathIdentity.isDirectory(target)
        let probe = PartialOutputs.temporaryPath(for: into ? target + "/probe" : target)
        let made: Bool
        if r.kind == .folder {
            made = mkdir(probe, 0o755) == 0
        } else {
            let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 { close(fd) }
            made = fd >= 0
        }
        guard made else {
            let reason = String(cString: strerror(errno))
            let place = into ? target : parent
            throw OutputError("cannot write \(name): nothing can be created in \(place) (\(reason))")
        }
        if r.kind == .folder { rmdir(probe) } else { unlink(probe) }
    }
}
