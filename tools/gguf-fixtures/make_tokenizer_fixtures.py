#!/usr/bin/env python3
"""Generates the GGUF tokenizer fixtures of Tests/TokenizersTests/Fixtures/gguf with gguf-py and transformers.

Each fixture is a tensor-less GGUF file holding only `tokenizer.ggml.*` metadata, and beside it what
transformers' own GGUF path (`PreTrainedTokenizerFast.from_pretrained(dir, gguf_file=name)`, transformers
5.x) builds from it: `<name>.tokenizer.json` (the backend tokenizer, `to_str()`), and in expected.json the
ids of a stress string and of two whole texts (austen-slice.txt, tinystories-sample.txt; count and FNV-1a
64 of the ids as little-endian int32 bytes), ids with special tokens, and the bos / eos ids.

  gpt2-smollm      byte-level BPE (the first 1000 tokens of Fixtures/bytelevel and their merges) with control
                   tokens, a user-defined token, a control token outside the byte alphabet (skipped), a
                   token with a raw space (respelled), pre "smollm", add_bos_token false (as SmolLM2)
  gpt2-llama-bpe   the same vocabulary, pre "llama-bpe" (Llama 3 regex), add_bos_token true
  gpt2-qwen2       pre "qwen2", add_eos_token true, no unk / pad
  gpt2-default     pre "default", no flags
  llama-spm        SentencePiece BPE from Fixtures/stories260K (512 tokens, byte fallback), scores and
                   no merges (transformers recovers them), add_bos_token absent (so true)

transformers' GGUF reader imports torch only for tensors; without torch installed a stub module stands
in while it is imported (tokenizers need no tensors). Run: pip install gguf numpy transformers tokenizers;
python3 tools/gguf-fixtures/make_tokenizer_fixtures.py (tested with transformers 5.25.0, tokenizers 0.23.3).
"""

import json
import os
import sys
import types

import gguf
from gguf import GGUFValueType as V
from transformers import PreTrainedTokenizerFast
from transformers.utils import is_torch_available

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "Tests", "TokenizersTests", "Fixtures")
OUT = os.path.join(FIXTURES, "gguf")

STRESS = (
    "Hello world! IT'S 2026-12-05, 1234 12345 + 678 = 13023, hello,world.\n\n  Indented\tand tabbed   lines ...\r\n"
    "Ünïcödé: café, naïve, 日本語のテキスト, Ελληνικά, русский, العربية, 🦙🚀 emoji, ZWJ 👩‍👩‍👧.\n"
    "<|im_start|>user\nhi<|im_end|> <think>x</think> <|endoftext|>a b<s></s>\u00a0\u2003end "
)


def load_transformers(path):
    """transformers' GGUF tokenizer for `path`, loaded with a torch stub if torch is missing."""
    is_torch_available()
    if "torch" not in sys.modules and not is_torch_available():
        class Anything:  # what the reader's annotations and defaults ask of torch at import time
            def __getattr__(self, name):
                return Anything()

            def __call__(self, *args, **kwargs):
                return Anything()

        stub = types.ModuleType("torch")
        stub.__path__ = []
        stub.__getattr__ = lambda name: Anything()
        sys.modules["torch"] = stub
        try:
            import transformers.integrations.gguf.reader  # noqa: F401 (imported once, with the stub)
        finally:
            del sys.modules["torch"]
    directory, name = os.path.split(os.path.abspath(path))
    return PreTrainedTokenizerFast.from_pretrained(directory, gguf_file=name)


def fnv1a64(ids):
    h = 0xCBF29CE484222325
    for i in ids:
        for b in int(i).to_bytes(4, "little", signed=True):
            h ^= b
            h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def bytelevel_tokens(limit=1000):
    j = json.load(open(os.path.join(FIXTURES, "bytelevel", "tokenizer.json")))
    vocab = sorted(j["model"]["vocab"].items(), key=lambda kv: kv[1])[:limit]
    tokens = [t for t, _ in vocab]
    keep = set(tokens)
    merges = [f"{a} {b}" for a, b in j["model"]["merges"] if a in keep and b in keep and a + b in keep]
    types_ = [3 if t == "<|endoftext|>" else 1 for t in tokens]
    # Merges that cross GPT-2's pieces but not Llama 3's (or the other way round), ranked first, so
    # that the pre-tokenizers give different ids: "1234" (groups of three digits vs all digits vs
    # single digits), "IT'S" (case-insensitive contractions), ",word", "\n\n " (newline runs).
    crafted = [("1", "2"), ("3", "4"), ("12", "3"), ("'", "S"), (",", "w"), ("Ċ", "Ġ")]
    merges = [f"{a} {b}" for a, b in crafted] + merges
    extra = [(a + b, 1) for a, b in crafted if a + b not in keep]
    extra += [("<|im_start|>", 3), ("<|im_end|>", 3), ("<think>", 4), ("</think>", 4), ("<|ctrl x|>", 3), ("a b", 1)]
    for t, ty in extra:
        tokens.append(t)
        types_.append(ty)
    return tokens, types_, merges


def write_gguf(path, model, tokens, types_, pre=None, merges=None, scores=None, ids=None, flags=None):
    writer = gguf.GGUFWriter(path, arch="llama")
    writer.add_string("tokenizer.ggml.model", model)
    if pre is not None:
        writer.add_string("tokenizer.ggml.pre", pre)
    writer.add_key_value("tokenizer.ggml.tokens", tokens, V.ARRAY, sub_type=V.STRING)
    writer.add_key_value("tokenizer.ggml.token_type", types_, V.ARRAY, sub_type=V.INT32)
    if merges is not None:
        writer.add_key_value("tokenizer.ggml.merges", merges, V.ARRAY, sub_type=V.STRING)
    if scores is not None:
        writer.add_key_value("tokenizer.ggml.scores", scores, V.ARRAY, sub_type=V.FLOAT32)
    for key, value in (ids or {}).items():
        writer.add_uint32(f"tokenizer.ggml.{key}", value)
    for key, value in (flags or {}).items():
        writer.add_bool(f"tokenizer.ggml.{key}", value)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def main():
    os.makedirs(OUT, exist_ok=True)
    tokens, types_, merges = bytelevel_tokens()
    index = {t: i for i, t in enumerate(tokens)}
    fixtures = {
        "gpt2-smollm": dict(model="gpt2", pre="smollm", merges=merges,
                            ids={"bos_token_id": index["<|im_start|>"], "eos_token_id": index["<|im_end|>"],
                                 "unknown_token_id": index["<|endoftext|>"], "padding_token_id": index["<|im_end|>"]},
                            flags={"add_bos_token": False}),
        "gpt2-llama-bpe": dict(model="gpt2", pre="llama-bpe", merges=merges,
                               ids={"bos_token_id": index["<|endoftext|>"], "eos_token_id": index["<|im_end|>"]},
                               flags={"add_bos_token": True}),
        "gpt2-qwen2": dict(model="gpt2", pre="qwen2", merges=merges,
                           ids={"bos_token_id": index["<|im_start|>"], "eos_token_id": index["<|endoftext|>"]},
                           flags={"add_bos_token": False, "add_eos_token": True}),
        "gpt2-default": dict(model="gpt2", pre="default", merges=merges,
                             ids={"eos_token_id": index["<|endoftext|>"]}),
    }
    spm = json.load(open(os.path.join(FIXTURES, "stories260K", "tokenizer.json")))
    spm_tokens = [t for t, _ in sorted(spm["model"]["vocab"].items(), key=lambda kv: kv[1])]
    spm_types = [2 if t == "<unk>" else 3 if t in ("<s>", "</s>") else 6 if t.startswith("<0x") else 1 for t in spm_tokens]
    spm_scores = [0.0 if ty != 1 else -float(i) for i, ty in enumerate(spm_types)]
    spm_tokens.append("<think>")
    spm_types.append(4)
    spm_scores.append(0.0)

    expected = {"transformers": __import__("transformers").__version__, "stress": STRESS, "fixtures": {}}
    texts = {name: open(os.path.join(FIXTURES, name), encoding="utf-8", newline="").read()
             for name in ("austen-slice.txt", "tinystories-sample.txt")}
    jobs = [(name, spec["model"], tokens, types_, spec) for name, spec in fixtures.items()]
    jobs.append(("llama-spm", "llama", spm_tokens, spm_types,
                 dict(scores=spm_scores, ids={"bos_token_id": 1, "eos_token_id": 2, "unknown_token_id": 0})))
    for name, model, toks, tys, spec in jobs:
        path = os.path.join(OUT, name + ".gguf")
        write_gguf(path, model, toks, tys, pre=spec.get("pre"), merges=spec.get("merges"), scores=spec.get("scores"),
                   ids=spec.get("ids"), flags=spec.get("flags"))
        tok = load_transformers(path)
        backend = tok.backend_tokenizer
        with open(os.path.join(OUT, name + ".tokenizer.json"), "w", encoding="utf-8") as f:
            f.write(backend.to_str())
        entry = {
            "stress": backend.encode(STRESS, add_special_tokens=False).ids,
            "stressWithSpecialTokens": tok(STRESS)["input_ids"],
            "bos": tok.bos_token_id,
            "eos": tok.eos_token_id,
            "decodedStress": backend.decode(backend.encode(STRESS, add_special_tokens=False).ids, skip_special_tokens=False),
            "texts": {},
        }
        for text_name, text in texts.items():
            ids = backend.encode(text, add_special_tokens=False).ids
            entry["texts"][text_name] = {"count": len(ids), "fnv1a64": fnv1a64(ids)}
        expected["fixtures"][name] = entry
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    for name in sorted(os.listdir(OUT)):
        print(f"{name}: {os.path.getsize(os.path.join(OUT, name))} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
