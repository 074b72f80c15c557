// check_model.swift — the Swift half of check_model.sh: opens a GGUF file with GGUFFile, dequantizes
// every tensor and prints one line per tensor: name, type, shape, element count and two wrapping
// 64-bit checksums of the float32 bit patterns (their sum, and their sum weighted by position + 1);
// then, for each text file given, "ids <file name> <count> <FNV-1a 64 of the ids as int32>" from
// Tokenizer(gguf:). Timings go to stderr. check_model.py prints the same lines from gguf-py and
// transformers; the outputs must be equal.

import Foundation
import GGUF
import Tokenizers

#if canImport(Glibc)
import Glibc
#endif

func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func standardError(_ text: String) {
    fputs(text + "\n", stderr)
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: check_model MODEL.gguf [TEXT...]")
    exit(2)
}
do {
    let openStart = seconds()
    let file = try GGUFFile(path: arguments[1])
    let opened = seconds() - openStart
    var total = 0.0
    var elements = 0
    for tensor in file.tensors {
        let start = seconds()
        let values = try file.dequantize(tensor.name)
        total += seconds() - start
        elements += values.count
        var sum: UInt64 = 0
        var weighted: UInt64 = 0
        for (index, value) in values.enumerated() {
            let bits = UInt64(value.bitPattern)
            sum &+= bits
            weighted &+= bits &* UInt64(index + 1)
        }
        print("\(tensor.name) \(tensor.type.name) \(tensor.shape) \(values.count) \(sum) \(weighted)")
        file.releasePages(tensor.name)
    }
    standardError(
        "opened (header validated) in \(opened) s; dequantized \(file.tensors.count) tensors, "
            + "\(elements) elements in \(total) s (\(Double(elements) / total / 1e6) M elements/s)")
    if arguments.count > 2 {
        let start = seconds()
        let tokenizer = try Tokenizer(gguf: file)
        standardError("tokenizer built in \(seconds() - start) s")
        for textPath in arguments.dropFirst(2) {
            let text = try String(contentsOfFile: textPath, encoding: .utf8)
            let encodeStart = seconds()
            let ids = tokenizer.encode(text)
            standardError("encoded \(textPath): \(ids.count) ids in \(seconds() - encodeStart) s")
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for id in ids {
                for byte in withUnsafeBytes(of: Int32(id).littleEndian, Array.init) {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
                }
            }
            let hex = String(hash, radix: 16)
            let padded = String(repeating: "0", count: 16 - hex.count) + hex
            print("ids \((textPath as NSString).lastPathComponent) \(ids.count) \(padded)")
        }
    }
} catch {
    print("error: \(error)")
    exit(1)
}
