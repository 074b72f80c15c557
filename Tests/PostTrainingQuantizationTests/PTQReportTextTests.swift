// The per-layer PTQ report as `quantize --method …` prints it, from a hand-built result: exact text.

import Testing

@testable import PostTrainingQuantization

@Suite struct PTQReportTextTests {
    @Test func perLayerTable() {
        var settings = PTQSettings()
        settings.method = .gptq
        let reports = [
            PTQLayerReport(
                module: "model.layers.0.self_attn.q_proj", method: "gptq", outputErrorVsRTN: 0.5,
                relativeOutputError: 0.00125, blocksChoosing4: 3, blocks: 8, alpha: nil, seconds: 0.25),
            PTQLayerReport(
                module: "model.layers.0.mlp.up_proj", method: "awq", outputErrorVsRTN: 0.75,
                relativeOutputError: 0.0025, blocksChoosing4: 0, blocks: 0, alpha: 0.5, seconds: 1),
        ]
        let result = PTQResult(
            settings: settings, modules: [:], replacedTensors: [:], reports: reports,
            calibrationTokens: 128, seconds: 1.5)
        #expect(
            result.text(peakResidentBytes: 35_900_000) == """

                GPTQ (scales in the sweep), mse, W4A16, calibrated on 128 tokens:
                layer                            method     α  output err vs RTN  rel. output err     →4  seconds
                ───────────────────────────────  ──────  ────  ─────────────────  ───────────────  ─────  ───────
                model.layers.0.self_attn.q_proj    gptq     -             0.500×          0.00125  37.5%     0.25
                model.layers.0.mlp.up_proj          awq  0.50             0.750×          0.00250   0.0%     1.00
                PTQ in 1.5 s, peak RSS 35.9 MB.
                """)
    }
}
