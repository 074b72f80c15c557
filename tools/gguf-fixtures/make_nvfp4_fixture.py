#!/usr/bin/env python3
"""Writes Tests/GGUFTests/Fixtures/nvfp4.gguf (with gguf-py's GGUFWriter) and nvfp4.expected.f32:
gguf.quants.dequantize of its NVFP4 tensor, the reference for GGUFFile.dequantize. The blocks are
seeded random bytes with every scale byte 0..255 present (0, 0x7F, sign bits, subnormals)."""
import numpy as np, gguf, os
out = os.path.join(os.path.dirname(__file__), "../../Tests/GGUFTests/Fixtures")
rng = np.random.default_rng(17)
rows, blocks_per_row = 64, 2  # [64, 128] tensor: 128 blocks of 36 bytes
raw = rng.integers(0, 256, size=(rows * blocks_per_row, 36), dtype=np.uint8)
scales = np.arange(rows * blocks_per_row * 4) % 256
raw[:, :4] = scales.reshape(-1, 4).astype(np.uint8)
raw = raw.reshape(rows, blocks_per_row * 36)
w = gguf.GGUFWriter(os.path.join(out, "nvfp4.gguf"), "llama")
w.add_tensor("nvfp4.matrix", raw, raw_dtype=gguf.GGMLQuantizationType.NVFP4)
w.write_header_to_file(); w.write_kv_data_to_file(); w.write_tensors_to_file(); w.close()
t = gguf.GGUFReader(os.path.join(out, "nvfp4.gguf")).tensors[0]
gguf.quants.dequantize(t.data, t.tensor_type).astype("<f4").tofile(os.path.join(out, "nvfp4.expected.f32"))
