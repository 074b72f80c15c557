// The text and JSON that `quantize`, `error` and `inspect` print, from small hand-built reports:
// exact strings, so a change of layout shows here before it reaches a user.

import Foundation
import Testing

@testable import CheckpointQuantization

@Suite struct ReportFormattingTests {
    func layer(
        _ module: String, _ shape: [Int], baseline: Double, error: Double, share: Double,
        before: Int, after: Int
    ) -> LayerReport {
        LayerReport(
            module: module, shape: shape, dtype: "BF16", fusedGroup: nil, amax: 1,
            baselineRelativeError: baseline, relativeError: error, shareOfBlocksChoosing4: share,
            bytesBefore: before, bytesAfter: after, energy: 1, baselineSquaredError: baseline,
            squaredError: error, blocks: 10, blocksChoosing4: Int(10 * share))
    }

    var quantizationReport: QuantizationReport {
        QuantizationReport(
            model: "/models/m", output: "/models/m-nvfp4", convention: "compressed-tensors", rule: "mse",
            layers: [
                layer(
                    "model.layers.0.self_attn.q_proj", [64, 64], baseline: 0.01, error: 0.008, share: 0.4,
                    before: 8192, after: 2304),
                layer(
                    "model.layers.0.mlp.up_proj", [172, 64], baseline: 0, error: 0, share: 0,
                    before: 22016, after: 3096),
            ],
            skipped: [
                SkippedModule(
                    module: "model.layers.0.mlp.down_proj",
                    reason: "input dimension 172 is not a "
                        + "multiple of 16 (engines cannot load it)")
            ],
            totals: QuantizationTotals(
                quantizedLayers: 2, quantizedElements: 15104, baselineRelativeError: 0.005,
                relativeError: 0.004, shareOfBlocksChoosing4: 0.25,
                checkpointBytesBefore: 1_000_000, checkpointBytesAfter: 450_600, seconds: 0.5,
                quantizedElementsPerSecond: 30208))
    }

    @Test func quantizationReportText() {
        let text = quantizationReport.text(model: "./m", output: "./m-nvfp4", calibratedActivations: false)
        let expected = """
            Quantized ./m → ./m-nvfp4 (NVFP4, rule mse, compressed-tensors, W4A16)
            layer                               shape  NVFP4 rel. err  mse rel. err  change     →4  bytes before   after
            ───────────────────────────────  ────────  ──────────────  ────────────  ──────  ─────  ────────────  ──────
            model.layers.0.self_attn.q_proj     64×64         0.01000       0.00800  -20.0%  40.0%        8.2 KB  2.3 KB
            model.layers.0.mlp.up_proj         172×64         0.00000       0.00000       -   0.0%       22.0 KB  3.1 KB
            ───────────────────────────────  ────────  ──────────────  ────────────  ──────  ─────  ────────────  ──────
            total (2 layers)                 15104 el         0.00500       0.00400  -20.0%  25.0%       30.2 KB  5.4 KB

            Kept in original precision (1):
              model.layers.0.mlp.down_proj: input dimension 172 is not a multiple of 16 (engines cannot load it)

            Checkpoint 1.0 MB → 450.6 KB in 0.50 s (0.000 G quantized elements/s).
            """
        #expect(text == expected)
    }

    @Test func quantizationReportWithActivationScalesAndNothingSkipped() {
        var report = quantizationReport
        report.skipped = []
        let text = report.text(model: "m", output: "o", calibratedActivations: true)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.first
                == "Quantized m → o (NVFP4, rule mse, compressed-tensors, W4A4, activation scales calibrated)")
        #expect(lines.suffix(2) == ["", "Checkpoint 1.0 MB → 450.6 KB in 0.50 s (0.000 G quantized elements/s)."])
        #expect(!lines.contains { $0.hasPrefix("Kept") })
    }

    @Test func mlxFoldSummary() {
        let fold = MLXFoldStatistics(blocks: 8576, exactBlocks: 12, squaredError: 0.5, energy: 1000)
        #expect(
            fold.summary == "MLX has no tensor scale: folded into the E4M3 block scales, 12 of 8576 blocks exact, "
                + "relative error vs the 4/6 weights 5.000e-04.")
    }

    var errorReport: ModelErrorReport {
        let variants = [
            QuantizationVariant(.nvfp4, .static6), QuantizationVariant(.nvfp4, .mse),
            QuantizationVariant(.if4, .mse),
        ]
        let reports = [
            TensorErrorReport(
                name: "a.weight", shape: [2, 32], squaredErrors: [0.5, 0.25, 0.125], energy: 4,
                alternativeBlocks: [0, 2, 1], blocks: [4, 4, 4]),
            TensorErrorReport(
                name: "b.weight", shape: [1, 16], squaredErrors: [0, 0, 0], energy: 0,
                alternativeBlocks: [0, 0, 0], blocks: [0, 0, 0]),
        ]
        return ModelErrorReport(
            variants: variants, reports: reports,
            summary: ErrorSummary(reports: reports, variantCount: variants.count))
    }

    @Test func errorReportText() {
        #expect(
            errorReport.text(source: "./model") == """
                Relative MSE Σ(x̂−x)²/Σx² per tensor — ./model
                tensor               shape  nvfp4:static_6  nvfp4:mse  if4:mse  →4 mse  →4 mse (int)
                ───────────────────  ─────  ──────────────  ─────────  ───────  ──────  ────────────
                a.weight              2×32         0.12500    0.06250  0.03125   50.0%         25.0%
                b.weight              1×16         0.00000    0.00000  0.00000       -             -
                ───────────────────  ─────  ──────────────  ─────────  ───────  ──────  ────────────
                summary (2 tensors)  80 el         0.12500    0.06250  0.03125   50.0%         25.0%
                4/6 mse: -50.0% relative MSE vs standard NVFP4
                """)
    }

    @Test func errorReportWithoutStandardNVFP4HasNoChangeLine() {
        var report = errorReport
        report.variants = [
            QuantizationVariant(.nvfp4, .static4), QuantizationVariant(.nvfp4, .mse),
            QuantizationVariant(.if4, .mse),
        ]
        #expect(report.text(source: "m").split(separator: "\n").last?.hasPrefix("summary (2 tensors)") == true)
    }

    @Test func errorReportJSON() throws {
        let object = errorReport.jsonObject(source: "model")
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        #expect(
            String(decoding: data, as: UTF8.self) == #"""
                {"source":"model","summary":{"elements":80,"relative_mse":{"if4:mse":0.03125,"nvfp4:mse":0.0625,\#
                "nvfp4:static_6":0.125},"share_of_alternative_blocks":{"if4:mse":0.25,"nvfp4:mse":0.5},"tensors":2},\#
                "tensors":[{"name":"a.weight","relative_mse":{"if4:mse":0.03125,"nvfp4:mse":0.0625,\#
                "nvfp4:static_6":0.125},"shape":[2,32],\#
                "share_of_alternative_blocks":{"if4:mse":0.25,"nvfp4:mse":0.5}},\#
                {"name":"b.weight",\#
                "relative_mse":{"if4:mse":0,"nvfp4:mse":0,"nvfp4:static_6":0},"shape":[1,16],\#
                "share_of_alternative_blocks":{"if4:mse":0,"nvfp4:mse":0}}],"variants":["nvfp4:static_6","nvfp4:mse",\#
                "if4:mse"]}
                """#)
    }

    var quantizedSummary: CheckpointSummary {
        CheckpointSummary(
            directory: "out", architectures: ["LlamaForCausalLM"], shards: 1, tensors: 3, bytes: 2048,
            tensorsByDType: ["U8": 2, "F32": 1], convention: "compressed-tensors", quantMethod: "compressed-tensors",
            quantAlgo: nil, format: "nvfp4-pack-quantized", ignored: ["lm_head"], rule: "mse", producer: "fouroversix",
            modules: [
                ModuleSummary(
                    module: "model.layers.0.self_attn.q_proj", shape: [64, 64], storedTensorScale: 0.5,
                    amax: 1344, fusedGroup: "qkv", hasInputScale: true),
                ModuleSummary(
                    module: "model.layers.0.mlp.experts.0.w1", shape: [32, 64], storedTensorScale: 1,
                    amax: 2688, fusedGroup: nil, hasInputScale: false),
            ],
            fusedGroupsWithDifferentScales: ["model.layers.1.mlp.{gate_proj,up_proj}"],
            expertGroups: [
                ExpertGroupSummary(
                    parent: "model.layers.0.mlp.experts", experts: 2, shapes: ["w1 32×64"],
                    fusedGroups: 2, fusedGroupsSharingOneScale: 1, modulesWithInputScale: 0,
                    modules: 4)
            ])
    }

    @Test func inspectText() {
        #expect(
            quantizedSummary.text == """
                out
                  architectures: LlamaForCausalLM
                  3 tensors in 1 shard(s), 2.0 KB; by dtype: F32 1, U8 2
                  NVFP4, convention compressed-tensors, quant_method compressed-tensors, format nvfp4-pack-quantized
                  producer: fouroversix; 4/6 rule: mse
                  2 quantized modules; ignored: lm_head
                module                           shape  tensor scale (stored)  amax  fused group  input scale
                ───────────────────────────────  ─────  ─────────────────────  ────  ───────────  ───────────
                model.layers.0.self_attn.q_proj  64×64                    0.5  1344          qkv          yes
                  model.layers.0.mlp.experts: 2 experts, w1 32×64; 1/2 fused groups share one scale; input scales 0/4
                  warning: fused groups with different tensor scales: model.layers.1.mlp.{gate_proj,up_proj}
                """)
    }

    @Test func inspectTextOfAPlainCheckpointAndItsJSON() throws {
        var plain = quantizedSummary
        (plain.convention, plain.quantMethod, plain.modules, plain.expertGroups) = ("none", nil, [], [])
        #expect(
            plain.text == """
                out
                  architectures: LlamaForCausalLM
                  3 tensors in 1 shard(s), 2.0 KB; by dtype: F32 1, U8 2
                  not quantized
                """)
        plain.quantMethod = "bitsandbytes"
        #expect(plain.text.hasSuffix("\n  not quantized (quantization_config: bitsandbytes)"))
        let json = try JSONSerialization.jsonObject(with: plain.jsonData()) as? [String: Any]
        #expect(json?["tensors_by_d_type"] as? [String: Int] == ["U8": 2, "F32": 1])
        #expect(json?["quant_method"] as? String == "bitsandbytes" && json?["convention"] as? String == "none")
        #expect(json?["fused_groups_with_different_scales"] as? [String] == ["model.layers.1.mlp.{gate_proj,up_proj}"])
    }
}
