// Block quantization and dequantization on an NVIDIA GPU, host memory in and out.
//
// Promises: `CUDAQuantizer.quantize` has `ReferenceQuantizer.quantize`'s contract — the same
// checks and typed `QuantizationError`s (shape, empty axis, NaN/Inf, amax), the same
// pre-processing (transpose, padding, RHT with BF16 rounding), the same amax, and a
// `QuantizedTensor` whose codes, scale bytes, amax and block counts are bit-identical with it,
// for every format, rule, rounding (stochastic: the same noise), option and scale layout.
// `dequantize` is bit-identical with `ReferenceQuantizer.dequantize`. Inputs may be float32,
// BF16 or F16 bits; the GPU reads them in that type. Device failures throw `CUDAError`.

import BlockFormats
import BlockQuantization

/// Element types the GPU kernels read (and the dequantizer writes).
public enum CUDAElementType: String, Sendable, CaseIterable, Hashable {
    case f32, bf16, f16

    public var byteSize: Int { self == .f32 ? 4 : 2 }
    /// The `FOS_DT` value of the kernel source.
    var kernelCode: Int { self == .f32 ? 0 : (self == .bf16 ? 1 : 2) }
}

/// A tensor in host memory, in one of the element types the GPU reads.
public enum CUDAHostTensor: Sendable {
    case f32([Float])
    /// BF16 bit patterns (the upper half of a float32).
    case bf16([UInt16])
    /// IEEE binary16 bit patterns.
    case f16([UInt16])

    public var elementType: CUDAElementType {
        switch self {
        case .f32: return .f32
        case .bf16: return .bf16
        case .f16: return .f16
        }
    }

    /// The elements widened to float32.
    public func floatValues() -> [Float] {
        switch self {
        case .f32(let v): return v
        case .bf16(let v): return v.map(BFloat16.float(fromBits:))
        case .f16(let v): return v.map(Float16Bits.float(fromBits:))
        }
    }

    public var count: Int {
        switch self {
        case .f32(let v): return v.count
        case .bf16(let v), .f16(let v): return v.count
        }
    }

    /// The first NaN or infinity, as `QuantizationError.nonFinite` reports it.
    func firstNonFinite() -> (index: Int, value: Float)? {
        switch self {
        case .f32(let v):
            return v.firstIndex { !$0.isFinite }.map { ($0, v[$0]) }
        case .bf16(let v):
            return v.firstIndex { $0 & 0x7F80 == 0x7F80 }.map { ($0, BFloat16.float(fromBits: v[$0])) }
        case .f16(let v):
            return v.firstIndex { $0 & 0x7C00 == 0x7C00 }.map { ($0, Float16Bits.float(fromBits: v[$0])) }
        }
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch self {
        case .f32(let v): return try v.withUnsafeBytes(body)
        case .bf16(let v), .f16(let v): return try v.withUnsafeBytes(body)
        }
    }
}

/// The NVFP4/MXFP4/NVINT4/IF4 quantizer on a CUDA GPU.
///
/// ```swift
/// switch CUDAQuantizer.open() {
/// case .success(let gpu):
///     let q = try gpu.quantize(values, rows: 4096, cols: 4096, config: QuantizationConfig())
/// case .failure(let why):
///     print(why)   // e.g. "CUDA unavailable (driverNotFound): …"
/// }
/// ```
public final class CUDAQuantizer: @unchecked Sendable {
    public let device: CUDADevice

    init(device: CUDADevice) {
        self.device = device
    }

    /// Opens GPU `ordinal` and compiles the BF16 kernels (so that a compiler problem shows here,
    /// as `.compileFailed`). Never crashes: no driver, no GPU or no NVRTC is a `.failure`.
    public static func open(ordinal: Int = 0) -> Result<CUDAQuantizer, CUDAUnavailable> {
        switch CUDADevice.open(ordinal: ordinal) {
        case .failure(let e):
            return .failure(e)
        case .success(let device):
            let q = CUDAQuantizer(device: device)
            do {
                _ = try q.module(.bf16)
            } catch {
                return .failure(CUDAUnavailable(.compileFailed, "\(error)"))
            }
            return .success(q)
        }
    }

    /// Whether the kernels for `type` use Blackwell's hardware E2M1 conversion (sm_100+ only).
    public func usesHardwareFP4(for type: CUDAElementType = .bf16) throws -> Bool {
        try module(type).hardwareFP4
    }

    /// Seconds NVRTC took to compile the kernels for `type` (0 if they came from the disk cache).
    public func compileSeconds(for type: CUDAElementType = .bf16) throws -> Double {
        try module(type).compileSeconds
    }

    func module(_ type: CUDAElementType) throws -> KernelModule {
        try device.module(source: KernelSource.cuda, defines: ["FOS_DT=\(type.kernelCode)"])
    }

    func function(_ name: String, _ type: CUDAElementType) throws -> KernelFunction {
        try device.function(name, in: module(type))
    }

    // MARK: Host in, host out

    /// Quantizes a row-major `[rows, cols]` float32 tensor (see `ReferenceQuantizer.quantize`).
    public func quantize(_ values: [Float], rows: Int, cols: Int, config: QuantizationConfig,
                         amax: Float? = nil) throws -> QuantizedTensor {
        try quantize(.f32(values), rows: rows, cols: cols, config: config, amax: amax)
    }

    /// Quantizes BF16 bit patterns; the GPU reads them as BF16.
    public func quantize(bf16Bits: [UInt16], rows: Int, cols: Int, config: QuantizationConfig,
                         amax: Float? = nil) throws -> QuantizedTensor {
        try quantize(.bf16(bf16Bits), rows: rows, cols: cols, config: config, amax: amax)
    }

    /// Quantizes F16 bit patterns; the GPU reads them as F16.
    public func quantize(f16Bits: [UInt16], rows: Int, cols: Int, config: QuantizationConfig,
                         amax: Float? = nil) throws -> QuantizedTensor {
        try quantize(.f16(f16Bits), rows: rows, cols: cols, config: config, amax: amax)
    }

    /// Quantizes a host tensor of any supported element type.
    /// - Throws: `QuantizationError` for invalid input (as the reference), `CUDAError` for device failures.
    public func quantize(_ input: CUDAHostTensor, rows: Int, cols: Int, config: QuantizationConfig,
                         amax suppliedAmax: Float? = nil) throws -> QuantizedTensor {
        try ReferenceQuantizer.validate(count: input.count, rows: rows, cols: cols, config: config, amax: suppliedAmax)
        if let bad = input.firstNonFinite() {
            throw QuantizationError.nonFinite(index: bad.index, value: bad.value)
        }
        let plan = try QuantizationPlan(rows: rows, cols: cols, config: config)
        let type = input.elementType
        let buffers = try plan.allocate(on: device, elementType: type)
        try input.withUnsafeBytes { try device.upload($0, to: buffers.input) }
        try run(plan, buffers, elementType: type, amax: suppliedAmax)
        let amaxBits: [UInt32] = try device.download(buffers.amax, count: 1, as: UInt32.self)
        let amax = Float(bitPattern: amaxBits[0])
        guard amax.isFinite else {
            throw CUDAError(call: "quantize", code: 0, message: "the GPU amax is not finite (\(amax))")
        }
        // Tensor scales near the float32 limit: the scalar reference defines the result.
        if TensorQuantizationContext(format: config.format, rule: config.rule, amax: amax, rounding: config.rounding).needsScalarPath {
            return try ReferenceQuantizer.quantize(input.floatValues(), rows: rows, cols: cols, config: config, amax: suppliedAmax)
        }
        let codes: [UInt8] = try device.download(buffers.codes, count: plan.codeBytes, as: UInt8.self)
        let scales: [UInt8] = try device.download(buffers.scales, count: plan.scaleBytes, as: UInt8.self)
        let alternatives: [UInt32] = try device.download(buffers.alternatives, count: 1, as: UInt32.self)
        return QuantizedTensor(
            config: config, rows: plan.quantizedRows, cols: plan.storedCols, paddedCols: plan.paddedCols,
            sourceRows: rows, sourceCols: cols, amax: amax, codes: codes, scales: scales,
            alternativeBlockCount: Int(alternatives[0]), blockCount: plan.blockCount)
    }

    /// Decodes a quantized tensor to float32 `[rows, cols]` on the GPU; bit-identical with
    /// `ReferenceQuantizer.dequantize`.
    public func dequantize(_ q: QuantizedTensor) throws -> [Float] {
        let count = q.rows * q.cols
        guard count > 0 else { return [] }
        let codes = try device.allocate(bytes: q.codes.count)
        let scales = try device.allocate(bytes: q.scales.count)
        let out = try device.allocate(bytes: count * 4)
        try q.codes.withUnsafeBytes { try device.upload($0, to: codes) }
        try q.scales.withUnsafeBytes { try device.upload($0, to: scales) }
        try launchDequantize(q: DequantizationShape(q), codes: codes, scales: scales, output: out, outputType: .f32)
        return try device.download(out, count: count, as: Float.self)
    }

    // MARK: Device work

    /// amax (computed or supplied), then the quantization kernel, on device buffers.
    func run(_ plan: QuantizationPlan, _ b: PlanBuffers, elementType type: CUDAElementType, amax: Float?,
             computeAmax: Bool = true) throws {
        if let amax {
            try device.fill(b.amax, word: amax.bitPattern, count: 1)
        } else if plan.config.format == .mxfp4 {
            try device.fill(b.amax, word: Float(1).bitPattern, count: 1)
        } else if computeAmax {
            try launchAmax(plan, b, type)
        }
        try launchQuantize(plan, b, type)
    }

    func launchAmax(_ plan: QuantizationPlan, _ b: PlanBuffers, _ type: CUDAElementType) throws {
        try device.fill(b.amax, word: 0, count: 1)
        let sms = max(device.multiprocessorCount, 1)
        if plan.config.rht {
            let groups = plan.quantizedRows * (plan.paddedCols / 16)
            let kernel = try function("fos_amax_rht", type)
            let resident = try device.occupancy(kernel, threads: 256) * sms
            try device.launch(kernel, blocks: min((groups + 255) / 256, resident), threads: 256,
                              [.buffer(b.input), .int(plan.sourceCols), .int(plan.quantizedRows),
                               .int(plan.realCols), .int(plan.paddedCols), .bool(plan.config.transpose),
                               .buffer(b.amax)])
        } else {
            let n = plan.sourceRows * plan.sourceCols
            let vectors = n / (16 / type.byteSize)
            let kernel = try function("fos_amax", type)
            let resident = try device.occupancy(kernel, threads: 256) * sms
            try device.launch(kernel, blocks: max(1, min((vectors + 255) / 256, resident)),
                              threads: 256, [.buffer(b.input), .uint64(UInt64(n)), .buffer(b.amax)])
        }
    }

    /// The quantization kernel; `resetOutputs` zeroes the block counter (and the swizzled
    /// layout's padding) first — benchmarks skip that to time the kernel alone.
    func launchQuantize(_ plan: QuantizationPlan, _ b: PlanBuffers, _ type: CUDAElementType,
                        resetOutputs: Bool = true) throws {
        if resetOutputs {
            if plan.config.scaleLayout == .swizzled128x4 { try device.fill(b.scales, byte: 0) }
            try device.fill(b.alternatives, word: 0, count: 1)
        }
        // The kernels take the per-tensor noise key, not the seed (see StochasticNoise).
        let seed: UInt64
        if case .stochastic(let s) = plan.config.rounding { seed = StochasticNoise.key(seed: s) } else { seed = 0 }
        let stochastic = plan.config.rounding != .nearest
        let kernel = try function(plan.kernelName, type)
        // A grid that is resident all at once; the kernels stride over the rest.
        let resident = try device.occupancy(kernel, threads: plan.threadsPerBlock) * max(device.multiprocessorCount, 1)
        try device.launch(kernel, blocks: min(plan.gridBlocks, resident), threads: plan.threadsPerBlock, [
            .buffer(b.input), .int(plan.sourceCols), .int(plan.quantizedRows), .int(plan.realCols),
            .int(plan.paddedCols), .bool(plan.config.transpose), .bool(plan.config.rht), .buffer(b.amax),
            .float(plan.constants.maxValue), .float(plan.constants.product), .float(plan.constants.product),
            .int32(plan.metric), .bool(stochastic), .uint64(seed), .buffer(b.codes), .buffer(b.scales),
            .bool(plan.config.scaleLayout == .swizzled128x4), .int(roundUp(plan.scaleCols, 4)),
            .buffer(b.alternatives),
        ])
    }

    func launchDequantize(q: DequantizationShape, codes: DeviceBuffer, scales: DeviceBuffer, output: DeviceBuffer,
                          outputType: CUDAElementType) throws {
        let chunks = q.rows * (q.paddedCols / 16)
        let formatCode: Int32
        switch q.format {
        case .nvfp4: formatCode = 0
        case .mxfp4: formatCode = 1
        case .nvint4: formatCode = 2
        case .if4: formatCode = 3
        }
        try device.launch(function("fos_dequantize", .bf16), blocks: (chunks + 255) / 256, threads: 256, [
            .buffer(codes), .buffer(scales), .int(q.rows), .int(q.cols), .int(q.paddedCols), .int32(formatCode),
            .int(q.format.blockSize), .bool(q.scaleLayout == .swizzled128x4),
            .int(roundUp(q.paddedCols / q.format.blockSize, 4)), .float(q.amax), .float(q.reciprocal),
            .buffer(output), .int(outputType.kernelCode),
        ])
    }
}

/// Shapes, constants and the kernel of one quantization, derived as `ReferenceQuantizer` does.
struct QuantizationPlan {
    let config: QuantizationConfig
    let constants: ScaleConstants
    let sourceRows: Int
    let sourceCols: Int
    /// Rows and real columns of the quantized orientation.
    let quantizedRows: Int
    let realCols: Int
    /// Columns rounded up to whole blocks (and RHT groups).
    let paddedCols: Int
    /// `QuantizedTensor.cols`: with RHT every padded column is real.
    let storedCols: Int
    let blockSize: Int
    let scaleCols: Int
    let blockCount: Int
    let codeBytes: Int
    let scaleBytes: Int
    let kernelName: String
    let metric: Int32
    /// CTAs that cover the work once (the launch takes at most what is resident).
    let gridBlocks: Int
    let threadsPerBlock: Int

    init(rows: Int, cols: Int, config: QuantizationConfig) throws {
        self.config = config
        constants = config.constants
        sourceRows = rows
        sourceCols = cols
        (quantizedRows, realCols) = config.transpose ? (cols, rows) : (rows, cols)
        blockSize = config.format.blockSize
        paddedCols = roundUp(realCols, config.rht ? max(blockSize, 16) : blockSize)
        storedCols = config.rht ? paddedCols : realCols
        scaleCols = paddedCols / blockSize
        let tileRows = (quantizedRows + blockSize - 1) / blockSize
        blockCount = config.blockScale2D ? tileRows * scaleCols : quantizedRows * scaleCols
        codeBytes = quantizedRows * paddedCols / 2
        scaleBytes = config.scaleLayout == .swizzled128x4
            ? ScaleLayout.swizzledByteCount(rows: quantizedRows, cols: scaleCols) : quantizedRows * scaleCols
        guard quantizedRows * paddedCols < Int(Int32.max) - 4096, rows * cols < Int(Int32.max) else {
            throw CUDAError(call: "quantize", code: 0,
                            message: "tensor [\(rows), \(cols)] exceeds the kernels' 2^31-element limit")
        }
        let kind: String
        switch (config.format, config.rule) {
        case (.nvfp4, .static6), (.nvfp4, .static4): kind = "nvfp4_static"
        // 1-D 4/6 with mse (the default rule) has kernels specialized for it.
        case (.nvfp4, .mse) where !config.blockScale2D: kind = "nvfp4_mse"
        case (.nvfp4, _): kind = "nvfp4_adaptive"
        case (.mxfp4, _): kind = "mxfp4"
        case (.nvint4, _): kind = "nvint4"
        case (.if4, _): kind = "if4"
        }
        let layout = config.blockScale2D ? "2d" : (config.transpose ? "1dt" : "1d")
        kernelName = "fos_quantize_\(layout)_\(kind)"
        // The transposed 1-D kernel stages 64 source rows × 128 source columns per CTA of 128.
        threadsPerBlock = layout == "1dt" ? 128 : 256
        switch config.rule {
        case .mae: metric = 1
        case .absMax: metric = 2
        default: metric = 0
        }
        if config.blockScale2D {
            let tiles = tileRows * scaleCols
            let tilesPerWarp = 32 / blockSize
            let warps = (tiles + tilesPerWarp - 1) / tilesPerWarp
            gridBlocks = (warps + 7) / 8
        } else if config.transpose {
            gridBlocks = (paddedCols + 63) / 64 * ((quantizedRows + 127) / 128)
        } else {
            gridBlocks = (quantizedRows * scaleCols + 255) / 256
        }
    }

    func allocate(on device: CUDADevice, elementType: CUDAElementType) throws -> PlanBuffers {
        PlanBuffers(
            input: try device.allocate(bytes: sourceRows * sourceCols * elementType.byteSize),
            amax: try device.allocate(bytes: 4),
            codes: try device.allocate(bytes: codeBytes),
            scales: try device.allocate(bytes: scaleBytes),
            alternatives: try device.allocate(bytes: 4))
    }
}

struct PlanBuffers {
    let input: DeviceBuffer
    /// One u32: the amax's float32 bits.
    let amax: DeviceBuffer
    let codes: DeviceBuffer
    let scales: DeviceBuffer
    /// One u32: blocks that chose the alternative candidate.
    let alternatives: DeviceBuffer
}

/// What the dequantization kernel needs to know about a quantized tensor.
struct DequantizationShape {
    let format: BlockFormat
    let rows: Int
    let cols: Int
    let paddedCols: Int
    let scaleLayout: ScaleLayout
    let amax: Float
    let reciprocal: Float

    init(_ q: QuantizedTensor) {
        format = q.format
        rows = q.rows
        cols = q.cols
        paddedCols = q.paddedCols
        scaleLayout = q.config.scaleLayout
        amax = q.amax
        reciprocal = q.format == .mxfp4 ? 1 : q.constants.reciprocalProduct
    }

    init(plan: QuantizationPlan, amax: Float) {
        format = plan.config.format
        rows = plan.quantizedRows
        cols = plan.storedCols
        paddedCols = plan.paddedCols
        scaleLayout = plan.config.scaleLayout
        self.amax = amax
        reciprocal = format == .mxfp4 ? 1 : plan.constants.reciprocalProduct
    }
}
