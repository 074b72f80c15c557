// BPEModel: the `tokenizers` BPE model — turns one pre-token "word" (UTF-8 bytes) into ids exactly
// as `BPE::tokenize` does: one symbol per character (continuing_subword_prefix / end_of_word_suffix
// applied, byte fallback to <0xXX> tokens, unknown characters fused into unk), then merges applied
// with a priority queue — lowest merge rank first, leftmost first on ties — including its rule for
// skipping stale queue entries. `ignore_merges` returns a whole word found in the vocabulary as is.

struct BPEModel: Sendable {
    /// Token bytes -> id. Keyed by bytes, never by String (String equality is canonical equivalence).
    let vocab: [[UInt8]: Int32]
    /// id -> token text, for ids in the model vocabulary.
    let idToToken: [Int32: String]
    /// Single-character tokens keyed by their packed UTF-8 bytes (see `packedKey`), for the hot path.
    let charVocab: [UInt32: Int32]
    /// (left id << 32 | right id) -> (rank << 32 | merged id).
    let merges: [UInt64: UInt64]
    /// <0xXX> token ids, -1 where the vocabulary lacks one.
    let byteTokenIDs: [Int32]
    let byteFallback: Bool
    let unkID: Int32?
    let fuseUnk: Bool
    let ignoreMerges: Bool
    let continuingSubwordPrefix: [UInt8]?
    let endOfWordSuffix: [UInt8]?

    /// Words up to this many bytes are memoized during one `encode` call.
    static let cacheableLength = 256

    init(
        vocab: [[UInt8]: Int32], idToToken: [Int32: String], merges: [(left: [UInt8], right: [UInt8])],
        unkToken: String?, byteFallback: Bool, fuseUnk: Bool, ignoreMerges: Bool,
        continuingSubwordPrefix: String?, endOfWordSuffix: String?
    ) throws(BPEModelError) {
        self.vocab = vocab
        self.idToToken = idToToken
        self.byteFallback = byteFallback
        self.fuseUnk = fuseUnk
        self.ignoreMerges = ignoreMerges
        let prefix = continuingSubwordPrefix.map { Array($0.utf8) }
        self.continuingSubwordPrefix = prefix
        self.endOfWordSuffix = endOfWordSuffix.map { Array($0.utf8) }
        self.unkID = unkToken.flatMap { vocab[Array($0.utf8)] }

        var chars: [UInt32: Int32] = [:]
        for (bytes, id) in vocab where !bytes.isEmpty && bytes.count <= 4 && utf8Length(lead: bytes[0]) == bytes.count {
            chars[BPEModel.packedKey(bytes, 0, bytes.count)] = id
        }
        self.charVocab = chars

        var byteIDs = [Int32](repeating: -1, count: 256)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in 0..<256 {
            let name: [UInt8] = Array("<0x".utf8) + [hex[b >> 4], hex[b & 15]] + [UInt8(ascii: ">")]
            if let id = vocab[name] { byteIDs[b] = id }
        }
        self.byteTokenIDs = byteIDs

        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(merges.count)
        let prefixLength = prefix?.count ?? 0
        for (rank, m) in merges.enumerated() {
            guard let a = vocab[m.left] else { throw .unknownMergeToken(String(decoding: m.left, as: UTF8.self)) }
            guard let b = vocab[m.right] else { throw .unknownMergeToken(String(decoding: m.right, as: UTF8.self)) }
            let merged = m.left + m.right.dropFirst(min(prefixLength, m.right.count))
            guard let n = vocab[merged] else { throw .unknownMergeToken(String(decoding: merged, as: UTF8.self)) }
            table[BPEModel.pairKey(a, b)] = UInt64(rank) << 32 | UInt64(UInt32(bitPattern: n))
        }
        self.merges = table
    }

    @inline(__always)
    static func pairKey(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// A character's UTF-8 bytes packed big-endian; distinct lengths never collide because UTF-8
    /// lead bytes of longer sequences are larger.
    @inline(__always)
    static func packedKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt32 {
        var k: UInt32 = 0
        for i in start..<(start + count) { k = k << 8 | UInt32(bytes[i]) }
        return k
    }

    static func packedKey(_ bytes: [UInt8], _ start: Int, _ count: Int) -> UInt32 {
        var k: UInt32 = 0
        for i in start..<(start + count) { k = k << 8 | UInt32(bytes[i]) }
        return k
    }

    /// Tokenizes one word and appends its ids. `cache` memoizes short words within one call.
    func tokenize(_ word: [UInt8], into out: inout [Int], cache: inout [[UInt8]: [Int32]]) {
        if word.isEmpty { return }
        if ignoreMerges, let id = vocab[word] {
            out.append(Int(id))
            return
        }
        let cacheable = word.count <= BPEModel.cacheableLength
        if cacheable, let hit = cache[word] {
            for id in hit { out.append(Int(id)) }
            return
        }
        let ids = mergeWord(word)
        if cacheable { cache[word] = ids }
        for id in ids { out.append(Int(id)) }
    }

    // MARK: - merge_word

    private struct Symbol {
        var id: Int32
        var prev: Int32
        var next: Int32
        var length: Int32  // bytes covered; 0 marks a symbol merged into its left neighbour
    }

    private struct QueueEntry {
        var key: UInt64  // rank << 32 | position: smaller pops first
        var newID: Int32
    }

    func mergeWord(_ word: [UInt8]) -> [Int32] {
        var symbols: [Symbol] = []
        symbols.reserveCapacity(word.count)

        func add(_ id: Int32, _ length: Int) {
            let index = Int32(symbols.count)
            symbols.append(Symbol(id: id, prev: index - 1, next: -1, length: Int32(length)))
            if index > 0 { symbols[Int(index) - 1].next = index }
        }

        var unk: (id: Int32, length: Int)?
        let simple = continuingSubwordPrefix == nil && endOfWordSuffix == nil
        word.withUnsafeBufferPointer { w in
            var i = 0
            while i < w.count {
                let n = min(utf8Length(lead: w[i]), w.count - i)
                let isFirst = i == 0
                let isLast = i + n == w.count
                var found: Int32?
                var piece: [UInt8]?
                if simple {
                    found = charVocab[BPEModel.packedKey(w, i, n)]
                } else {
                    var s: [UInt8] = []
                    if !isFirst, let p = continuingSubwordPrefix { s += p }
                    s += w[i..<(i + n)]
                    if isLast, let x = endOfWordSuffix { s += x }
                    found = vocab[s]
                    piece = s
                }
                if let id = found {
                    if let u = unk { add(u.id, u.length); unk = nil }
                    add(id, n)
                    i += n
                    continue
                }
                if byteFallback {
                    let bytes = piece ?? Array(w[i..<(i + n)])
                    if bytes.allSatisfy({ byteTokenIDs[Int($0)] >= 0 }) {
                        for b in bytes { add(byteTokenIDs[Int(b)], 1) }
                        i += n
                        continue
                    }
                }
                if let unkID {
                    if let u = unk {
                        if fuseUnk {
                            unk = (u.id, u.length + n)
                        } else {
                            add(u.id, u.length)
                            unk = (unkID, n)
                        }
                    } else {
                        unk = (unkID, n)
                    }
                }
                i += n
            }
        }
        if let u = unk { add(u.id, u.length) }

        if symbols.count > 1 && !merges.isEmpty {
            mergeAll(&symbols)
        }
        var ids: [Int32] = []
        ids.reserveCapacity(symbols.count)
        for s in symbols where s.length != 0 { ids.append(s.id) }
        return ids
    }

    /// `Word::merge_all` without dropout.
    private func mergeAll(_ symbols: inout [Symbol]) {
        var heap: [QueueEntry] = []
        heap.reserveCapacity(symbols.count)
        let merges = self.merges
        symbols.withUnsafeMutableBufferPointer { sym in
            for i in 0..<(sym.count - 1) {
                if let m = merges[BPEModel.pairKey(sym[i].id, sym[i + 1].id)] {
                    heap.append(
                        QueueEntry(key: (m & 0xFFFF_FFFF_0000_0000) | UInt64(i), newID: Int32(truncatingIfNeeded: m)))
                }
            }
            heapify(&heap)
            while let top = popMin(&heap) {
                let pos = Int(top.key & 0xFFFF_FFFF)
                if sym[pos].length == 0 { continue }
                let nextPos = Int(sym[pos].next)
                if nextPos < 0 { continue }
                let right = sym[nextPos]
                // Skip expired entries: the pair at `pos` must still merge into the same token.
                guard let current = merges[BPEModel.pairKey(sym[pos].id, right.id)],
                    Int32(truncatingIfNeeded: current) == top.newID
                else { continue }

                sym[pos].id = top.newID
                sym[pos].length += right.length
                sym[pos].next = right.next
                sym[nextPos].length = 0
                if right.next >= 0 && Int(right.next) < sym.count {
                    sym[Int(right.next)].prev = Int32(pos)
                }
                let prev = sym[pos].prev
                if prev >= 0, let m = merges[BPEModel.pairKey(sym[Int(prev)].id, sym[pos].id)] {
                    pushEntry(
                        &heap,
                        QueueEntry(key: (m & 0xFFFF_FFFF_0000_0000) | UInt64(prev), newID: Int32(truncatingIfNeeded: m))
                    )
                }
                let next = Int(sym[pos].next)
                if next >= 0 && next < sym.count, let m = merges[BPEModel.pairKey(sym[pos].id, sym[next].id)] {
                    pushEntry(
                        &heap,
                        QueueEntry(key: (m & 0xFFFF_FFFF_0000_0000) | UInt64(pos), newID: Int32(truncatingIfNeeded: m)))
                }
            }
        }
    }

    // MARK: - binary min-heap on QueueEntry.key

    private func heapify(_ h: inout [QueueEntry]) {
        if h.count < 2 { return }
        h.withUnsafeMutableBufferPointer { b in
            var i = b.count / 2 - 1
            while i >= 0 { siftDown(b, i, b.count); i -= 1 }
        }
    }

    @inline(__always)
    private func siftDown(_ b: UnsafeMutableBufferPointer<QueueEntry>, _ start: Int, _ count: Int) {
        var i = start
        let item = b[i]
        while true {
            var child = 2 * i + 1
            if child >= count { break }
            if child + 1 < count && b[child + 1].key < b[child].key { child += 1 }
            if b[child].key >= item.key { break }
            b[i] = b[child]
            i = child
        }
        b[i] = item
    }

    private func pushEntry(_ h: inout [QueueEntry], _ e: QueueEntry) {
        h.append(e)
        h.withUnsafeMutableBufferPointer { b in
            var i = b.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if b[parent].key <= e.key { break }
                b[i] = b[parent]
                i = parent
            }
            b[i] = e
        }
    }

    private func popMin(_ h: inout [QueueEntry]) -> QueueEntry? {
        guard let last = h.popLast() else { return nil }
        if h.isEmpty { return last }
        let top = h[0]
        h.withUnsafeMutableBufferPointer { b in
            b[0] = last
            siftDown(b, 0, b.count)
        }
        return top
    }
}

enum BPEModelError: Error {
    case unknownMergeToken(String)
}
