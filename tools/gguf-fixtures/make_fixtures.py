#!/usr/bin/env python3
"""Generates the GGUF fixtures of Tests/GGUFTests with the `gguf` Python package (llama.cpp's gguf-py).

The Swift tests never run Python; they read what this script writes into Tests/GGUFTests/Fixtures/:

  types.gguf         one or more tensors of every type GGUFFile.dequantize supports (F32, F16, BF16,
                     Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, Q2_K, Q3_K, Q4_K, Q5_K, Q6_K) with awkward shapes (1-D
                     to 4-D, single blocks, odd row counts, an empty tensor), plus a Q8_1 and an I8 tensor
                     (types gguf-py does not dequantize either) that must be refused; alignment 64 (general.alignment). Q8_0..Q5_1 blocks come from
                     gguf.quants.quantize of random normals; every quantized type also gets blocks of
                     random raw bytes (finite half scales, negative, zero, subnormal and huge ones,
                     one infinite scale) so that every bit of every field is exercised.
  metadata.gguf      every metadata value type: the 12 scalar types, a non-ASCII string (the writer
                     drops empty strings and arrays: the Swift tests build those by hand),
                     arrays of each scalar type and of strings, arrays nested two and three deep;
                     alignment 1, with tensors at odd offsets (unaligned loads).
  expected.json      for each fixture and tensor: name, type, numpy shape, byte count and the float
                     offset of its dequantized values in expected.bin (null when not dequantizable);
                     also gguf-py's GGML_QUANT_SIZES table and the package version.
  expected.bin       gguf.quants.dequantize of every dequantizable tensor, little-endian float32,
                     concatenated.

The metadata values are repeated verbatim in Tests/GGUFTests/MetadataTests.swift.
Run: pip install gguf numpy; python3 tools/gguf-fixtures/make_fixtures.py  (tested with gguf 0.19.0,
numpy 2.4.6). Deterministic: a fixed seed.
"""

import json
import warnings
import os
import sys

import numpy as np
import gguf
from gguf import GGMLQuantizationType as T, GGUFValueType as V

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Tests", "GGUFTests", "Fixtures")
rng = np.random.default_rng(20261205)


def random_halves(n):
    """n finite float16 scales of varied magnitude and sign, with special values mixed in."""
    values = (rng.standard_normal(n) * 0.02).astype(np.float16)
    specials = np.array([0.0, -0.0, 6.0e-8, -3.0e-5, 65504.0, -1.5, 1.0e-3], dtype=np.float16)
    k = min(n, len(specials))
    values[:k] = specials[rng.permutation(len(specials))[:k]]
    return values


def raw_blocks(qtype, n_blocks, infinite=False):
    """n_blocks random blocks of qtype with finite half scales (one infinite if asked)."""
    _, type_size = gguf.GGML_QUANT_SIZES[qtype]
    blocks = rng.integers(0, 256, size=(n_blocks, type_size), dtype=np.uint8)
    # Offsets of the half-precision fields in each block layout.
    half_fields = {
        T.Q8_0: [0], T.Q4_0: [0], T.Q4_1: [0, 2], T.Q5_0: [0], T.Q5_1: [0, 2],
        T.Q2_K: [80, 82], T.Q3_K: [108], T.Q4_K: [0, 2], T.Q5_K: [0, 2], T.Q6_K: [208],
    }[qtype]
    for offset in half_fields:
        halves = random_halves(n_blocks)
        blocks[:, offset:offset + 2] = halves.view(np.uint8).reshape(n_blocks, 2)
    if infinite:
        offset = half_fields[0]
        blocks[-1, offset:offset + 2] = np.array([np.inf], dtype=np.float16).view(np.uint8)
    return blocks


def quantized(qtype, shape):
    """gguf.quants.quantize of random normals (a few outliers), as the writer's uint8 byte array."""
    data = rng.standard_normal(shape).astype(np.float32)
    data.flat[rng.integers(0, data.size, size=max(1, data.size // 50))] *= 8
    return gguf.quants.quantize(data, qtype)


def raw_tensor(qtype, shape, infinite=False):
    """A uint8 array of random blocks with numpy shape `shape` (in elements)."""
    block_size, type_size = gguf.GGML_QUANT_SIZES[qtype]
    n_blocks = int(np.prod(shape)) // block_size
    blocks = raw_blocks(qtype, n_blocks, infinite)
    return blocks.reshape(gguf.quants.quant_shape_to_byte_shape(shape, qtype))


def float_specials(dtype):
    return np.array([0.0, -0.0, np.inf, -np.inf, 1.0, -2.5, 6.0e-8, 1.0e-40], dtype=np.float32).astype(dtype)


def types_tensors():
    tensors = []
    f32 = rng.standard_normal((3, 5)).astype(np.float32)
    f32.flat[:8] = float_specials(np.float32)
    tensors.append(("plain.f32", f32, None))
    f16 = (rng.standard_normal((2, 3, 7)) * 100).astype(np.float16)
    f16.flat[:8] = float_specials(np.float16)
    nan_bits = np.array([0x7C01, 0xFE00, 0x7E55, 0x0001, 0x83FF], dtype=np.uint16).view(np.float16)
    f16.flat[8:13] = nan_bits  # NaN payloads (signalling and quiet), subnormals: widened exactly
    tensors.append(("plain.f16", f16, None))
    bf16_bits = rng.integers(0, 65536, size=(4, 9), dtype=np.uint16)  # every pattern, NaNs included
    tensors.append(("plain.bf16", bf16_bits.view(np.uint8).reshape(4, 18), T.BF16))
    tensors.append(("vector.f32", rng.standard_normal(11).astype(np.float32), None))
    for qtype in (T.Q8_0, T.Q4_0, T.Q4_1, T.Q5_0, T.Q5_1):
        name = qtype.name.lower()
        tensors.append((f"{name}.quantized", quantized(qtype, (3, 64)), qtype))
        tensors.append((f"{name}.raw", raw_tensor(qtype, (5, 32), infinite=True), qtype))
    tensors.append(("q8_0.raw4d", raw_tensor(T.Q8_0, (1, 2, 3, 32)), T.Q8_0))
    tensors.append(("q4_0.raw3d", raw_tensor(T.Q4_0, (2, 1, 96)), T.Q4_0))
    tensors.append(("q4_1.vector", raw_tensor(T.Q4_1, (64,)), T.Q4_1))
    for qtype in (T.Q2_K, T.Q3_K, T.Q4_K, T.Q5_K, T.Q6_K):
        name = qtype.name.lower()
        tensors.append((f"{name}.raw", raw_tensor(qtype, (3, 256), infinite=True), qtype))
        tensors.append((f"{name}.wide", raw_tensor(qtype, (1, 512)), qtype))
    tensors.append(("q6_k.vector", raw_tensor(T.Q6_K, (256,)), T.Q6_K))
    tensors.append(("empty.q4_k", np.zeros((0, 144), dtype=np.uint8), T.Q4_K))
    tensors.append(("refused.q8_1", rng.integers(0, 256, size=(1, 40), dtype=np.uint8), T.Q8_1))
    tensors.append(("refused.i8", rng.integers(-128, 128, size=(2, 3), dtype=np.int8), None))
    return tensors


def metadata_tensors():
    return [
        ("odd.f16", (rng.standard_normal(3) * 4).astype(np.float16), None),
        ("odd.q8_0", raw_tensor(T.Q8_0, (1, 32)), T.Q8_0),
        ("odd.bf16", rng.integers(0, 65536, size=5, dtype=np.uint16).view(np.uint8), T.BF16),
        ("odd.q5_1", raw_tensor(T.Q5_1, (2, 32)), T.Q5_1),
        ("odd.q6_k", raw_tensor(T.Q6_K, (1, 256)), T.Q6_K),
    ]


def add_all_metadata(writer):
    writer.add_uint8("test.uint8", 255)
    writer.add_int8("test.int8", -128)
    writer.add_uint16("test.uint16", 65535)
    writer.add_int16("test.int16", -32768)
    writer.add_uint32("test.uint32", 4294967295)
    writer.add_int32("test.int32", -2147483648)
    writer.add_uint64("test.uint64", 18446744073709551615)
    writer.add_int64("test.int64", -9223372036854775808)
    writer.add_float32("test.float32", 0.1)
    writer.add_float64("test.float64", -1.0e300)
    writer.add_bool("test.true", True)
    writer.add_bool("test.false", False)
    writer.add_string("test.string", "héllo, 世界 🦙\n\ttab")
    arrays = [
        ("test.array.uint8", [0, 1, 255], V.UINT8),
        ("test.array.int8", [-128, 0, 127], V.INT8),
        ("test.array.uint16", [0, 65535], V.UINT16),
        ("test.array.int16", [-32768, 32767], V.INT16),
        ("test.array.uint32", [4294967295, 7], V.UINT32),
        ("test.array.int32", [-2147483648, 2147483647, 0], V.INT32),
        ("test.array.uint64", [18446744073709551615, 1], V.UINT64),
        ("test.array.int64", [-9223372036854775808, 9223372036854775807], V.INT64),
        ("test.array.float32", [0.5, -0.25, 1.0e-45], V.FLOAT32),
        ("test.array.float64", [3.141592653589793, -0.0], V.FLOAT64),
        ("test.array.bool", [True, False, True], V.BOOL),
        ("test.array.string", ["a", "", "Ġthe", "<|endoftext|>"], V.STRING),
    ]
    for key, values, sub_type in arrays:
        writer.add_key_value(key, values, V.ARRAY, sub_type=sub_type)
    writer.add_array("test.array.nested", [[1, 2], [3]])                      # int32 inside
    writer.add_array("test.array.nested.strings", [["x"], ["y", "z"]])
    writer.add_array("test.array.nested3", [[[1.5]], [[2.5, 3.5], [4.5]]])     # float32 inside


def write(path, tensors, alignment=None, metadata=None):
    writer = gguf.GGUFWriter(path, arch="test")
    if alignment is not None:
        writer.add_custom_alignment(alignment)
    if metadata is not None:
        metadata(writer)
    for name, array, raw_dtype in tensors:
        writer.add_tensor(name, array, raw_dtype=raw_dtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def main():
    warnings.simplefilter("ignore", RuntimeWarning)  # inf × 0 in the infinite-scale blocks
    os.makedirs(OUT, exist_ok=True)
    manifest = {
        "gguf_version": gguf.__version__ if hasattr(gguf, "__version__") else "unknown",
        "numpy_version": np.__version__,
        "quant_sizes": {t.name: list(gguf.GGML_QUANT_SIZES[t]) for t in T if t in gguf.GGML_QUANT_SIZES},
        "files": {},
    }
    expected = []
    offset = 0
    fixtures = [
        ("types.gguf", types_tensors(), 64, None),
        ("metadata.gguf", metadata_tensors(), 1, add_all_metadata),
    ]
    for filename, tensors, alignment, metadata in fixtures:
        path = os.path.join(OUT, filename)
        write(path, tensors, alignment, metadata)
        reader = gguf.GGUFReader(path)
        entries = []
        for t in reader.tensors:
            entry = {
                "name": t.name,
                "type": t.tensor_type.name,
                "shape": [int(x) for x in reversed(t.shape.tolist())],
                "bytes": int(t.n_bytes),
                "offset": int(t.data_offset - reader.data_offset),
                "expected": None,
            }
            try:
                if int(np.prod(entry["shape"])) == 0 and gguf.GGML_QUANT_SIZES[t.tensor_type][0] == 256:
                    values = np.zeros(0, dtype=np.float32)  # gguf-py cannot reshape an empty k-quant tensor
                else:
                    values = gguf.quants.dequantize(t.data, t.tensor_type)
            except NotImplementedError:
                values = None
            if values is not None:
                values = np.ascontiguousarray(values, dtype=np.float32).reshape(-1)
                assert values.size == int(np.prod(entry["shape"])), t.name
                entry["expected"] = offset
                expected.append(values.astype("<f4").tobytes())
                offset += values.size
            entries.append(entry)
        manifest["files"][filename] = {"data_offset": int(reader.data_offset), "tensors": entries}
    with open(os.path.join(OUT, "expected.bin"), "wb") as f:
        f.write(b"".join(expected))
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(os.path.join(OUT, name))} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
