// Tests that run on every machine: `CUDABenchmarkResult.json` is one parseable JSON line whose
// figures are the result's (rates from the recorded seconds and bytes, the copy-bound fraction).

import BlockQuantization
import JSONText
import Testing

@testable import CUDABackend

@Suite struct BenchmarkJSONTests {
    @Test func jsonCarriesTheFiguresOfTheResult() throws {
        let n = 8192 * 8192
        let result = CUDABenchmarkResult(
            device: "NVIDIA H200 \"test\" (sm_90)", rows: 8192, cols: 8192, elementType: .bf16,
            config: QuantizationConfig(format: .nvfp4, rule: .mse),
            quantizeSeconds: 100e-6, amaxSeconds: 40e-6, pipelineSeconds: 140e-6, dequantizeSeconds: 80e-6,
            copySeconds: 50e-6, quantizeBytes: 2 * n + n / 2 + n / 16, dequantizeBytes: n / 2 + n / 16 + 2 * n,
            copyBytes: 4 * n, alternativeShare: 0.396)
        let text = result.json
        #expect(!text.contains("\n"))
        let v = try JSONReader.parse(Array(text.utf8))
        #expect(v["device"]?.string == "NVIDIA H200 \"test\" (sm_90)")
        #expect(v["rule"]?.string == "mse" && v["format"]?.string == "nvfp4" && v["dtype"]?.string == "bf16")
        #expect(v["stochastic"]?.bool == false && v["unbiased"]?.bool == false)
        #expect(v["alternative_share"]?.double == 0.396)
        // 4n bytes in 50 µs.
        #expect(v["copy_gb_per_s"]?.double == 5368.709)
        let q = try #require(v["quantize"])
        #expect(q["seconds"]?.double == 100e-6)
        #expect(q["g_elements_per_s"]?.double == 671.089)  // n / 100 µs
        #expect(q["bytes_per_element"]?.double == 2.563)
        // The copy moves 4 B/element in 50 µs; quantize needs 2.5625 B/element ⇒ bound n / 32.03 µs.
        #expect(q["fraction_of_bound"]?.double == 0.320)
        #expect(v["quantize_with_amax"]?["g_elements_per_s"]?.double == 479.349)  // n / 140 µs
        #expect(v["amax"]?["g_elements_per_s"]?.double == 1677.722)  // n / 40 µs
        #expect(v["dequantize_bf16"]?["g_elements_per_s"]?.double == 838.861)  // n / 80 µs
    }
}
