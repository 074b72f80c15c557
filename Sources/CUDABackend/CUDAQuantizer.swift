// Block quantization and dequantization on an NVIDIA GPU, host memory in and out.
//
// Promises: `CUDAQuantizer` is a `BlockQuantizer` (checks, typed `QuantizationError`s, amax,
// zeros and scalar fallbacks are BlockQuantization's policy); its GPU steps do the same
// pre-processing (transpose, padding, RHT with BF16 rounding) and give a `QuantizedTensor`
// whose codes, scale bytes, amax and block counts are bit-identical with the reference, for
// every format, rule, rounding (both stochastic roundings: the same noise), option and scale
// layout.
// `dequantize` is bit-identical with `ReferenceQuantizer.dequantize`. Inputs may be float32,
// BF16 or F16 bits; the GPU reads them in that type. Device failures throw `CUDAError`.

import BlockFormats
import BlockQuantization

/// Element types the GPU kernels read (and the dequantizer writes).
public typealias CUDAElementType = TensorElementType

extension TensorElementType {
    /// The `FOS_DT` value of the kernel source.
    var kernelCode: Int { self == .f32 ? 0 : (self == .bf16 ? 1 : 2) }
}

/// A tensor uploaded for quantization: its plan, device buffers and element type.
public struct CUDAPreparedInput {
    let plan: QuantizationPlan
    let buffers: PlanBuffers
    let elementType: CUDAElementType
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
public final class CUDAQuantizer: BlockQuantizer, @unchecked Sendable {
    public typealias Failure = any Error
    public typealias Prepared = CUDAPreparedInput
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

    /// Quantizes a row-major `[rows, cols]` float32 tensor (see `BlockQuantizer.quantize`).
    public func quantize(
        _ values: [Float], rows: Int, cols: Int, config: QuantizationConfig,
        amax: Float? = nil
    ) throws -> QuantizedTensor {
        try values.withTensorElements { x throws in
            try quantize(x, rows: rows, cols: cols, config: config, amax: amax)
        }
    }

    /// Quantizes BF16 bit patterns; the GPU reads them as BF16.
    public func quantize(
        bf16Bits: [UInt16], rows: Int, cols: Int, config: QuantizationConfig,
        amax: Float? = nil
    ) throws -> QuantizedTensor {
        try bf16Bits.withTensorElements(as: .bf16) { x throws in
            try quantize(x, rows: rows, cols: cols, config: config, amax: amax)
        }
    }

    /// Quantizes F16 bit patterns; the GPU reads them as F16.
    public func quantize(
        f16Bits: [UInt16], rows: Int, cols: Int, config: QuantizationConfig,
        amax: Float? = nil
    ) throws -> QuantizedTensor {
        try f16Bits.withTensorElements(as: .f16) { x throws in
            try quantize(x, rows: rows, cols: cols, config: config, amax: amax)
        }
    }

    // MARK: BlockQuantizer steps (the policy is BlockQuantization's)

    /// The host-side scan of the input (the GPU reads it only after it is known finite).
    public func scan(_ x: TensorElements) -> ElementScan { ElementScan(scalar: x) }

    /// Uploads the input, in its own element type.
    public func prepare(_ x: TensorElements, _ g: QuantizationGeometry) throws -> CUDAPreparedInput {
        let plan = try QuantizationPlan(g)
        let buffers = try plan.allocate(on: device, elementType: x.elementType)
        try device.upload(x.rawBytes, to: buffers.input)
        return CUDAPreparedInput(plan: plan, buffers: buffers, elementType: x.elementType)
    }

    /// max |x| after the RHT, on the GPU.
    public func rotatedAmax(_ input: CUDAPreparedInput, _ g: QuantizationGeometry) throws -> Float {
        try launchAmax(input.plan, input.buffers, input.elementType)
        let amax = Float(bitPattern: try device.download(input.buffers.amax, count: 1, as: UInt32.self)[0])
        guard amax.isFinite else {
            throw CUDAError(call: "quantize", code: 0, message: "the GPU amax is not finite (\(amax))")
        }
        return amax
    }

    /// The quantization kernel with the policy's amax, then the results downloaded.
    public func quantizeBlocks(
        _ input: CUDAPreparedInput, _ g: QuantizationGeometry,
        context: TensorQuantizationContext
    ) throws -> QuantizedTensor {
        let (plan, buffers) = (input.plan, input.buffers)
        try run(plan, buffers, elementType: input.elementType, amax: context.amax)
        let codes: [UInt8] = try device.download(buffers.codes, count: g.codeByteCount, as: UInt8.self)
        let scales: [UInt8] = try device.download(buffers.scales, count: g.scaleByteCount, as: UInt8.self)
        let alternatives: [UInt32] = try device.download(buffers.alternatives, count: 1, as: UInt32.self)
        return QuantizedTensor(
            g, amax: context.amax, codes: codes, scales: scales,
            alternativeBlockCount: Int(alternatives[0]))
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
    func run(
        _ plan: QuantizationPlan, _ b: PlanBuffers, elementType type: CUDAElementType, amax: Float?,
        computeAmax: Bool = true
    ) throws {
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
            let g = plan.geometry
            let groups = g.rows * (g.paddedCols / 16)
            let kernel = try function("fos_amax_rht", type)
            let resident = try device.occupancy(kernel, threads: 256) * sms
            try device.launch(
                kernel, blocks: min((groups + 255) / 256, resident), threads: 256,
                [
                    .buffer(b.input), .int(g.sourceCols), .int(g.rows),
                    .int(g.sourceBackedCols), .int(g.paddedCols), .bool(plan.config.transpose),
                    .buffer(b.amax),
                ])
        } else {
            let n = plan.geometry.sourceRows * plan.geometry.sourceCols
            let vectors = n / (16 / type.byteSize)
            let kernel = try function("fos_amax", type)
            let resident = try device.occupancy(kernel, threads: 256) * sms
            try device.launch(
                kernel, blocks: max(1, min((vectors + 255) / 256, resident)),
                threads: 256, [.buffer(b.input), .uint64(UInt64(n)), .buffer(b.amax)])
        }
    }

    /// The quantization kernel; `resetOutputs` zeroes the block counter (and the swizzled
    /// layout's padding) first — benchmarks skip that to time the kernel alone.
    func launchQuantize(
        _ plan: QuantizationPlan, _ b: PlanBuffers, _ type: CUDAElementType,
        resetOutputs: Bool = true
    ) throws {
        if resetOutputs {
            if plan.config.scaleLayout == .swizzled128x4 { try device.fill(b.scales, byte: 0) }
            try device.fill(b.alternatives, word: 0, count: 1)
        }
        // The kernels take the per-tensor noise key, not the seed (see StochasticNoise), and the
        // rounding as 0 nearest, 1 stochastic, 2 stochastic with the unbiased 4/6 choice.
        let rounding = plan.config.rounding
        let seed = rounding.stochasticSeed.map(StochasticNoise.key(seed:)) ?? 0
        let stochastic: Int32 = rounding == .nearest ? 0 : (rounding.choosesFromNearest ? 2 : 1)
        let kernel = try function(plan.kernelName(for: type), type)
        let g = plan.geometry
        // CTAs of the size the kernel source declares; a grid that is resident all at once.
        let threads = kernel.maxThreadsPerBlock
        let resident = try device.occupancy(kernel, threads: threads) * max(device.multiprocessorCount, 1)
        try device.launch(
            kernel, blocks: min(plan.gridBlocks(threads: threads), resident), threads: threads,
            [
                .buffer(b.input), .int(g.sourceCols), .int(g.rows), .int(g.sourceBackedCols),
                .int(g.paddedCols), .bool(plan.config.transpose), .bool(plan.config.rht), .buffer(b.amax),
                .float(plan.constants.maxValue), .float(plan.constants.product), .float(plan.constants.product),
                .int32(plan.metric), .int32(stochastic), .uint64(seed), .buffer(b.codes), .buffer(b.scales),
                .bool(plan.config.scaleLayout == .swizzled128x4), .int(roundUp(g.scaleCols, 4)),
                .buffer(b.alternatives),
            ])
    }

    func launchDequantize(
        q: DequantizationShape, codes: DeviceBuffer, scales: DeviceBuffer, output: DeviceBuffer,
        outputType: CUDAElementType
    ) throws {
        let chunks = q.rows * (q.paddedCols / 16)
        let formatCode: Int32
        switch q.format {
        case .nvfp4: formatCode = 0
        case .mxfp4: formatCode = 1
        case .nvint4: formatCode = 2
        case .if4: formatCode = 3
        }
        try device.launch(
            function("fos_dequantize", .bf16), blocks: (chunks + 255) / 256, threads: 256,
            [
                .buffer(codes), .buffer(scales), .int(q.rows), .int(q.cols), .int(q.paddedCols), .int32(formatCode),
                .int(q.format.blockSize), .bool(q.scaleLayout == .swizzled128x4),
                .int(roundUp(q.paddedCols / q.format.blockSize, 4)), .float(q.amax), .float(q.reciprocal),
                .buffer(output), .int(outputType.kernelCode),
            ])
    }
}

/// The kernel of one quantization and its launch shape, on the shared geometry.
struct QuantizationPlan {
    let geometry: QuantizationGeometry
    var config: QuantizationConfig { geometry.config }
    let constants: ScaleConstants
    /// The kernel's name without its `_bands` variant (see `kernelName(for:)`).
    private let baseName: String
    /// 4/6 square tiles that the band kernel takes when the input is 16-bit.
    private let adaptiveBands: Bool
    let metric: Int32

    init(_ g: QuantizationGeometry) throws {
        geometry = g
        let config = g.config
        constants = config.constants
        guard g.rows * g.paddedCols < Int(Int32.max) - 4096, g.sourceRows * g.sourceCols < Int(Int32.max) else {
            let shape = "[\(g.sourceRows), \(g.sourceCols)]"
            throw CUDAError(
                call: "quantize", code: 0,
                message: "tensor \(shape) exceeds the kernels' 2^31-element limit")
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
        baseName = "fos_quantize_\(layout)_\(kind)"
        // 4/6 square tiles have a band kernel for the inputs its loop takes (see KernelSource).
        adaptiveBands =
            layout == "2d" && kind == "nvfp4_adaptive" && !config.transpose && g.sourceCols % 16 == 0
            && config.rounding == .nearest
        switch config.rule {
        case .mae: metric = 1
        case .absMax: metric = 2
        default: metric = 0
        }
    }

    /// The kernel for input elements of `type`: 4/6 square tiles from 16-bit input go to the band
    /// kernel (`_bands`), whose loop takes them; everything else to the plan's own kernel.
    func kernelName(for type: CUDAElementType) -> String {
        adaptiveBands && type != .f32 ? baseName + "_bands" : baseName
    }

    /// CTAs of `threads` threads (the kernel's `__launch_bounds__`) that cover the work once; the
    /// launch takes at most what is resident, and the kernels stride over the rest.
    func gridBlocks(threads: Int) -> Int {
        let g = geometry
        if config.blockScale2D {
            // Two 16 × 16 tiles (one MXFP4 32 × 32 tile) per warp; the band kernels take 32
            // tiles per warp, so this is an upper bound for them.
            let tilesPerWarp = 32 / g.block
            let warps = (g.blockCount + tilesPerWarp - 1) / tilesPerWarp
            let warpsPerBlock = max(threads / 32, 1)
            return (warps + warpsPerBlock - 1) / warpsPerBlock
        } else if config.transpose {
            // One CTA per tile of 64 source rows × 128 source columns.
            return (g.paddedCols + 63) / 64 * ((g.rows + 127) / 128)
        } else {
            // One block per thread.
            return (g.rows * g.scaleCols + threads - 1) / threads
        }
    }

    func allocate(on device: CUDADevice, elementType: CUDAElementType) throws -> PlanBuffers {
        PlanBuffers(
            input: try device.allocate(bytes: geometry.sourceRows * geometry.sourceCols * elementType.byteSize),
            amax: try device.allocate(bytes: 4),
            codes: try device.allocate(bytes: geometry.codeByteCount),
            scales: try device.allocate(bytes: geometry.scaleByteCount),
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
        rows = plan.geometry.rows
        cols = plan.geometry.cols
        paddedCols = plan.geometry.paddedCols
        scaleLayout = plan.config.scaleLayout
        self.amax = amax
        reciprocal = format == .mxfp4 ? 1 : plan.constants.reciprocalProduct
    }
}
