// swift-tools-version: 6.1
// FourOverSix: NVFP4 quantization with Four Over Six (4/6) adaptive block scaling.
// Modules are layered; each imports only modules below it (docs/architecture.md; tools/check-architecture.py).
import PackageDescription

let package = Package(
    name: "FourOverSix",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fouroversix", targets: ["fouroversix"]),
        .library(name: "BlockFormats", targets: ["BlockFormats"]),
        .library(name: "SafeTensors", targets: ["SafeTensors"]),
        .library(name: "BlockQuantization", targets: ["BlockQuantization"]),
        .library(name: "CPUKernels", targets: ["CPUKernels"]),
        .library(name: "CUDABackend", targets: ["CUDABackend"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
        .library(name: "GGUF", targets: ["GGUF"]),
    ],
    dependencies: [
        // Pinned exactly instead of a committed Package.resolved (whose revision ids differ between
        // package mirrors): every build uses the same version.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // Layer 0: bytes and codecs (+ the typed tensor-element view and the one Sendable pointer
        // wrapper); a strict JSON reader shared by the file formats above it.
        .target(name: "BlockFormats"),
        .target(name: "JSONText"),
        // Layer 0: output safety: the one check of every output path (not an input, not inside
        // one, no silent overwrite, writable), the hidden partial names, stale-partial removal
        // and the cleanup on SIGINT/SIGTERM/SIGHUP.
        .target(name: "OutputSafety"),
        // Layer 0: the progress line of a terminal, fitted to its width.
        .target(name: "ProgressDisplay"),
        // Layer 0: standalone SVG charts (the bar chart of `eval --compare`, training-loss curves).
        .target(name: "Charts"),
        // Layer 0: the text pieces of reports: aligned plain-text tables, byte sizes (written and
        // read back) and paths shown relative to the current directory.
        .target(name: "ReportText"),
        // Layer 1: validated safetensors reader and writer, and float views of its tensors.
        .target(name: "SafeTensors", dependencies: ["JSONText", "BlockFormats", "OutputSafety"]),
        // Layer 2: a validated, memory-mapped GGUF reader and dequantization (llama.cpp's format).
        .target(name: "GGUF", dependencies: ["SafeTensors", "BlockFormats"]),
        // Layer 1: the scalar reference quantizers ("the spec in code"), the quantized geometry and
        // `protocol BlockQuantizer` with the dispatch policy every quantizer follows.
        .target(name: "BlockQuantization", dependencies: ["BlockFormats"]),
        // Layer 0: instruction-set-specific C kernels (AVX2/FMA), selected at run time; no global ISA flags.
        .target(name: "CPUKernelsISA"),
        // Layer 2: SIMD + threaded kernels behind `BlockQuantizer`, bit-identical with the reference; the
        // quantize → dequantize round trip.
        .target(name: "CPUKernels", dependencies: ["BlockFormats", "BlockQuantization", "CPUKernelsISA"]),
        // Layer 3: a model folder: config.json (typed, on JSONText), index + shards, and the tensor
        // names that mark an NVFP4 checkpoint; a GGUF file seen as a model folder (GGUFModel).
        .target(name: "ModelFolder", dependencies: ["SafeTensors", "JSONText", "GGUF", "BlockQuantization"]),
        // Layer 3: tokenizers for Hugging Face tokenizer.json files (and GGUF tokenizer metadata).
        .target(name: "Tokenizers", dependencies: ["JSONText", "GGUF"]),
        // Layer 4: the one Llama-family forward pass of inference, calibration and training: the
        // configuration (config.json through ModelFolder), RMSNorm, RoPE, attention, SwiGLU, the
        // Linear product and hook, and the layer-selection rule.
        .target(name: "ModelCore", dependencies: ["ModelFolder", "BlockFormats", "CPUKernels"]),
        // Layer 5: Llama-family inference on the CPU (on ModelCore): loading, perplexity, generation,
        // quantization during evaluation (W4A16 / W4A4) and activation calibration.
        .target(
            name: "Transformer",
            dependencies: [
                "SafeTensors", "BlockFormats", "BlockQuantization", "CPUKernels", "ModelFolder", "ModelCore",
            ]
        ),
        // Layer 5: Hugging Face checkpoints → NVFP4 checkpoints (compressed-tensors, ModelOpt).
        .target(
            name: "CheckpointQuantization",
            dependencies: [
                "SafeTensors", "BlockFormats", "BlockQuantization", "CPUKernels", "CUDABackend", "ModelFolder",
                "ModelCore", "GGUF", "OutputSafety", "ReportText",
            ]
        ),
        // Layer 5: pre-training small Llama-style models with BF16, NVFP4 and NVFP4 4/6 recipes.
        .target(
            name: "Training",
            dependencies: [
                "BlockFormats", "BlockQuantization", "CPUKernels", "SafeTensors", "Tokenizers", "ModelCore",
                "ReportText",
            ]
        ),
        // Layer 2: the CUDA backend, loaded at run time (dlopen of the driver and NVRTC).
        .target(name: "CUDABackend", dependencies: ["BlockFormats", "BlockQuantization", "ReportText", "JSONText"]),
        // Layer 3: throughput benchmarks of the CPU kernels (quantize/dequantize vs memcpy, GEMM).
        .target(name: "Benchmarks", dependencies: ["BlockFormats", "BlockQuantization", "CPUKernels", "ReportText"]),
        // Layer 6: post-training quantization (RTN, GPTQ, AWQ, SmoothQuant with 4/6), calibrated
        // layer by layer on ModelCore's forward pass.
        .target(
            name: "PostTrainingQuantization",
            dependencies: ["BlockFormats", "BlockQuantization", "CPUKernels", "ModelCore", "Transformer", "ReportText"]
        ),
        // Layer 7: evaluation flows on loaded models: the checkpoint-weights adapter, calibration,
        // the perplexity comparison, and the pre-training experiment.
        .target(
            name: "Evaluation",
            dependencies: [
                "Transformer", "CheckpointQuantization", "Training", "Charts", "Tokenizers", "SafeTensors",
                "BlockQuantization", "CPUKernels", "ModelFolder", "ModelCore", "GGUF", "JSONText",
                "PostTrainingQuantization",
            ]
        ),
        // Layer 8: the command-line tool: parses, calls one library function, prints.
        .executableTarget(
            name: "fouroversix",
            dependencies: [
                "SafeTensors", "BlockQuantization", "CPUKernels", "CUDABackend", "CheckpointQuantization",
                "Training", "Evaluation", "Benchmarks", "ModelFolder", "ModelCore", "PostTrainingQuantization",
                "OutputSafety", "ProgressDisplay", "ReportText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests: one support module (seeded generator, repository paths, fixtures, bit comparisons);
        // every test target depends on it (added below).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BlockFormatsTests", dependencies: ["BlockFormats"]),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText"]),
        .testTarget(name: "OutputSafetyTests", dependencies: ["OutputSafety"]),
        .testTarget(name: "ProgressDisplayTests", dependencies: ["ProgressDisplay"]),
        .testTarget(name: "ReportTextTests", dependencies: ["ReportText"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors", "BlockFormats"]),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelFolderTests", dependencies: ["ModelFolder", "SafeTensors", "JSONText"]),
        .testTarget(
            name: "BlockQuantizationTests",
            dependencies: ["BlockQuantization", "BlockFormats", "SafeTensors"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CPUKernelsTests", dependencies: ["CPUKernels", "CPUKernelsISA", "BlockQuantization", "SafeTensors"]
        ),
        .testTarget(
            name: "TokenizersTests", dependencies: ["Tokenizers", "JSONText", "GGUF"], resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CUDABackendTests", dependencies: ["CUDABackend", "BlockQuantization", "CPUKernels", "JSONText"]),
        .testTarget(
            name: "CheckpointQuantizationTests",
            dependencies: [
                "CheckpointQuantization", "SafeTensors", "BlockQuantization", "ModelFolder", "GGUF", "BlockFormats",
                "CPUKernels",
            ]
        ),
        .testTarget(
            name: "TrainingTests",
            dependencies: [
                "Training", "Transformer", "BlockQuantization", "CPUKernels", "SafeTensors", "Tokenizers", "ModelCore",
                "ModelFolder",
            ]
        ),
        .testTarget(
            name: "TransformerTests",
            dependencies: [
                "Transformer", "CPUKernels", "CheckpointQuantization", "BlockQuantization", "SafeTensors", "Tokenizers",
                "ModelFolder", "ModelCore",
            ]
        ),
        .testTarget(
            name: "PostTrainingQuantizationTests",
            dependencies: ["PostTrainingQuantization", "Transformer", "BlockQuantization", "CPUKernels", "ModelCore"]
        ),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "BlockQuantization", "CPUKernels"]),
        .testTarget(
            name: "EvaluationTests",
            dependencies: [
                "Evaluation", "Transformer", "CheckpointQuantization", "Training", "BlockQuantization", "ModelFolder",
                "ModelCore", "PostTrainingQuantization",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["SafeTensors", "BlockFormats", "BlockQuantization", "CheckpointQuantization", "CPUKernels"]
        ),
    ]
)

// Every test target imports the one test-support module.
for target in package.targets where target.type == .test {
    target.dependencies.append("TestSupport")
}
