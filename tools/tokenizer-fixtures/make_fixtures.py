#!/usr/bin/env python3
"""Generates the reference fixtures of Tests/TokenizersTests with the Hugging Face `tokenizers` library.

Everything the Swift tests compare against comes from here: token ids of whole files and of tricky
strings, and decoded text, produced by `tokenizers` (pip install tokenizers; tested with 0.23.3).
The Swift tests never run Python; they read the files this script writes into
Tests/TokenizersTests/Fixtures/.

Tokenizers covered (one folder each under Fixtures/, holding tokenizer.json):
  stories260K           the bundled Llama-style model (Metaspace prepend_scheme=first, split=false,
                        byte_fallback, merges as [a, b] pairs), copied verbatim with tokenizer_config.json
  stories260K-legacy    the same vocabulary in the older Llama 2 layout: normalizer
                        Sequence[Prepend "▁", Replace " "→"▁"], no pre-tokenizer, merges as "a b" strings
  stories260K-split     Metaspace prepend_scheme=always, split=true, ignore_merges=true,
                        decoder Sequence[ByteFallback, Metaspace]
  bytelevel             a GPT-2 style byte-level BPE (vocab 2000) trained here on a slice of austen.txt
  bytelevel-prefix      the same model with ByteLevel add_prefix_space=true
  llama3style           a byte-level BPE (vocab 1000) with the Llama 3 pre-tokenizer
                        Sequence[Split(regex, isolated), ByteLevel(use_regex=false)], an NFC normalizer,
                        and added tokens with lstrip / rstrip / single_word / normalized options
  llama3style-regex     llama3style with the pattern written "(?:...)", so the Swift side must run it
                        through its general regex engine instead of the hand-written Llama 3 scanner
  bytelevel-regex       bytelevel with Split(GPT-2 pattern as "(?:...)") + ByteLevel(use_regex=false)
  misc-bert             BPE with unk (no byte fallback, fuse_unk=false), continuing_subword_prefix "##",
                        NFD + StripAccents + Lowercase, BertPreTokenizer, no decoder
  misc-suffix           BPE with unk (fuse_unk=true), end_of_word_suffix "</w>", NFKC + Strip +
                        Replace(regex), WhitespaceSplit + Digits + Punctuation(contiguous), BPEDecoder
  misc-split            Split(" ", merged_with_previous) + Split(regex, merged_with_next) +
                        Split(regex, removed, invert) + CharDelimiterSplit + Whitespace + Digits(individual),
                        Lowercase + Prepend + Replace, decoder Sequence[Replace, Strip]

Run from anywhere:  python3 tools/tokenizer-fixtures/make_fixtures.py

Everything is deterministic except the misc-bert and misc-suffix trainings: with a subword prefix or
suffix the `tokenizers` trainer orders equal-count symbols by hash-map iteration, so their vocabularies
(and expected ids) change from run to run. Each run writes a self-consistent set, so just commit it.
"""

import json
import random
import shutil
import struct
from pathlib import Path

import tokenizers
from tokenizers import (AddedToken, Regex, Tokenizer, decoders, models, normalizers,
                        pre_tokenizers, trainers)

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
FIX = REPO / "Tests" / "TokenizersTests" / "Fixtures"

LLAMA3_PATTERN = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}"
                  r"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+")


def write_ids(path: Path, ids):
    path.write_bytes(struct.pack("<%di" % len(ids), *ids))


def save(tok: Tokenizer, name: str, config=None):
    d = FIX / name
    d.mkdir(parents=True, exist_ok=True)
    tok.save(str(d / "tokenizer.json"))
    if config is not None:
        (d / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")
    return Tokenizer.from_file(str(d / "tokenizer.json"))


def tricky_strings():
    fixed = [
        "", " ", "  ", "   ", "\n", "\n\n", "\t", " \t \n ", "Zoo", "Hello world", " Hello world",
        "  leading two", "trailing two  ", "multiple   spaces    here", "a\nb\n\nc", "tab\tseparated\tvalues",
        "line one\r\nline two\r\n", "Once upon a time, there was a little girl named Lily.",
        "\"Hi!\" she said. 'Don't go,' he replied.",
        "It's, I'm, you're, we've, they'll, he'd, IT'S, I'M, YOU'RE, can't, won't",
        "'s 't 're 've 'm 'll 'd '", "123 4567 89012 3.14159 1,000,000 2024-01-31 0x1F",
        "Numbers: ١٢٣ ² ½ Ⅻ ４２", "!!! ??? ... --- *** ((( ))) [[[ ]]] {{{ }}} @#$%^&*_+=|\\/<>~`",
        "<s>", "</s>", "<unk>", "<s>hello", "hello <s> world</s>", " <s> x", "<s><s></s>", "a<s>b</s>c<unk>d",
        "<|endoftext|>", "one<|endoftext|>two", " <|endoftext|> ", "<|begin_of_text|>Hi<|eot_id|>  \n next",
        "café naïve résumé Ångström", "cafe\u0301 nai\u0308ve", "Ελληνικά Русский עברית العربية हिन्दी",
        "中文字符和日本語のテキスト 한국어", "emoji 😀👍🏽 👩‍👩‍👧 🇫🇷 ❤️", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛 𐍈",
        "vertical\x0btab\x0cfeed\x1cfs\x85nel \n\x0b\n", "\u00a0nbsp\u00a0and\u3000ideographic\u2003em\u2028line\u2029para\u0085nel",
        "zero\u200bwidth\u200djoiner\ufeffbom", "control\x00\x01\x07\x1b\x7f chars", "\ufffd replacement \ufffd",
        "▁meta▁space ▁", "▁", "▁▁x", "â€™ mojibake â€œquotedâ€\x9d", "private \ue000\U000f0000 use",
        "Mr. Darcy and Mr. Bingley", "[MASK] word [MASK]word x [MASK]", "a  [MASK]  b",
        "ſtraße ﬁne Ǆ", "it'ſ IT'S he'LL we'Ve x'D", "\r", " \r\n\r\n ", "x" * 300, "ab" * 200, " " * 50 + "end",
    ]
    pools = [
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), list("0123456789"),
        [" ", " ", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u3000", "\u2003", "\u0085"],
        list(".,;:!?'\"-()[]{}<>/\\@#$%^&*_+=|~`"), ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'LL"],
        list("éèêëàâäîïôöùûüçñßÅøæ"), ["e\u0301", "a\u0308", "\u0301", "\u0327"], list("中文日本語한국어テキスト"),
        ["😀", "👍🏽", "👩\u200d👩\u200d👧", "🇫🇷", "❤️", "🤖"], list("ΕλληνικάРусскийעבריתالعربيةहिन्दी"),
        list("١٢٣²½Ⅻ４"), ["<s>", "</s>", "<unk>", "<|endoftext|>", "<|eot_id|>", "[MASK]", " Mr. Darcy"],
        ["▁", "\x00", "\x7f", "\ufffd", "\u200b", "\ufeff", "𝔘", "𐍈", "\ue000"],
        ["the", " the", "and", " of", " to", "ing", "tion", " Emma", " Lily", "once upon a time"],
    ]
    rng = random.Random(20240601)
    fuzz = []
    for _ in range(400):
        n = rng.randint(0, 30)
        parts = []
        for _ in range(n):
            pool = pools[rng.choice([0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13])]
            parts.append(rng.choice(pool))
        fuzz.append("".join(parts))
    return fixed + fuzz


def random_id_sequences(vocab_size, count, rng):
    out = []
    for _ in range(count):
        n = rng.randint(1, 24)
        seq = []
        for _ in range(n):
            r = rng.random()
            if r < 0.15:
                seq.append(rng.randint(0, min(vocab_size, 8) - 1))  # special / first ids
            elif r < 0.45 and vocab_size >= 259:
                seq.append(rng.randint(3, 258))  # byte tokens (for byte-fallback vocabularies)
            else:
                seq.append(rng.randint(0, vocab_size - 1))
        out.append(seq)
    return out


def main():
    print("tokenizers", tokenizers.__version__)
    if FIX.exists():
        for p in FIX.iterdir():
            if p.is_dir():
                shutil.rmtree(p)
            elif p.name != ".gitkeep":
                p.unlink()
    FIX.mkdir(parents=True, exist_ok=True)

    story_text = (SHARED / "data" / "tinystories-sample.txt").read_bytes()
    (FIX / "tinystories-sample.txt").write_bytes(story_text)
    story_text = story_text.decode("utf-8")
    austen = (SHARED / "data" / "austen.txt").read_text(encoding="utf-8")
    # Training slice: the first ~1 MB (Emma). Comparison slice: 48 KB from Pride and Prejudice,
    # which the trainer never saw.
    train_lines = austen[:1_000_000].splitlines()
    start = austen.index("It is a truth universally acknowledged")
    austen_slice = austen[start:start + 48_000]
    (FIX / "austen-slice.txt").write_text(austen_slice, encoding="utf-8")

    toks = {}
    configs = {}

    # 1. stories260K, verbatim.
    src = SHARED / "models" / "stories260K"
    (FIX / "stories260K").mkdir()
    shutil.copy(src / "tokenizer.json", FIX / "stories260K" / "tokenizer.json")
    shutil.copy(src / "tokenizer_config.json", FIX / "stories260K" / "tokenizer_config.json")
    toks["stories260K"] = Tokenizer.from_file(str(FIX / "stories260K" / "tokenizer.json"))
    configs["stories260K"] = json.loads((src / "tokenizer_config.json").read_text())
    base = json.loads((src / "tokenizer.json").read_text(encoding="utf-8"))

    # 2. legacy Llama 2 layout (normalizer instead of pre-tokenizer, merges as strings).
    legacy = json.loads(json.dumps(base))
    legacy["normalizer"] = {"type": "Sequence", "normalizers": [
        {"type": "Prepend", "prepend": "▁"},
        {"type": "Replace", "pattern": {"String": " "}, "content": "▁"}]}
    legacy["pre_tokenizer"] = None
    legacy["model"]["merges"] = [a + " " + b for a, b in legacy["model"]["merges"]]
    (FIX / "stories260K-legacy").mkdir()
    (FIX / "stories260K-legacy" / "tokenizer.json").write_text(
        json.dumps(legacy, ensure_ascii=False, indent=2), encoding="utf-8")
    toks["stories260K-legacy"] = Tokenizer.from_file(str(FIX / "stories260K-legacy" / "tokenizer.json"))

    # 3. Metaspace split=true, prepend always, ignore_merges, Metaspace decoder.
    split = json.loads(json.dumps(base))
    split["pre_tokenizer"] = {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True}
    split["decoder"] = {"type": "Sequence", "decoders": [
        {"type": "ByteFallback"}, {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True}]}
    split["model"]["ignore_merges"] = True
    (FIX / "stories260K-split").mkdir()
    (FIX / "stories260K-split" / "tokenizer.json").write_text(
        json.dumps(split, ensure_ascii=False), encoding="utf-8")
    toks["stories260K-split"] = Tokenizer.from_file(str(FIX / "stories260K-split" / "tokenizer.json"))

    # 4. GPT-2 style byte-level BPE trained on Emma.
    bl = Tokenizer(models.BPE())
    bl.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bl.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=2000, special_tokens=["<|endoftext|>"], show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    bl.train_from_iterator(train_lines, trainer)
    toks["bytelevel"] = save(bl, "bytelevel")
    bl.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=True)
    toks["bytelevel-prefix"] = save(bl, "bytelevel-prefix", {"bos_token": None, "eos_token": "<|endoftext|>"})
    configs["bytelevel-prefix"] = {"bos_token": None, "eos_token": "<|endoftext|>"}

    # 5. Llama 3 style pre-tokenizer with a regex Split, NFC, and added tokens with options.
    l3 = Tokenizer(models.BPE(ignore_merges=True))
    l3.normalizer = normalizers.NFC()
    l3.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(LLAMA3_PATTERN), behavior="isolated", invert=False),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    l3.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=1000, special_tokens=["<|begin_of_text|>", "<|end_of_text|>"],
                                  show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    l3.train_from_iterator(train_lines, trainer)
    l3.add_special_tokens([AddedToken("<|eot_id|>", special=True, rstrip=True, normalized=False)])
    l3.add_tokens([AddedToken(" Mr. Darcy", normalized=True),
                   AddedToken("[MASK]", lstrip=True, single_word=True, normalized=False),
                   AddedToken("café", normalized=True)])
    cfg = {"bos_token": {"content": "<|begin_of_text|>", "special": True, "__type": "AddedToken"},
           "eos_token": "<|eot_id|>"}
    toks["llama3style"] = save(l3, "llama3style", cfg)
    configs["llama3style"] = cfg

    # The same two tokenizers with their split pattern spelled differently (same meaning).
    GPT2_PATTERN = r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"
    l3r = json.loads(l3.to_str())
    l3r["pre_tokenizer"]["pretokenizers"][0]["pattern"]["Regex"] = "(?:" + LLAMA3_PATTERN + ")"
    (FIX / "llama3style-regex").mkdir()
    (FIX / "llama3style-regex" / "tokenizer.json").write_text(json.dumps(l3r), encoding="utf-8")
    toks["llama3style-regex"] = Tokenizer.from_file(str(FIX / "llama3style-regex" / "tokenizer.json"))
    blr = json.loads(toks["bytelevel"].to_str())
    blr["pre_tokenizer"] = {"type": "Sequence", "pretokenizers": [
        {"type": "Split", "pattern": {"Regex": "(?:" + GPT2_PATTERN + ")"}, "behavior": "Isolated", "invert": False},
        {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False}]}
    (FIX / "bytelevel-regex").mkdir()
    (FIX / "bytelevel-regex" / "tokenizer.json").write_text(json.dumps(blr), encoding="utf-8")
    toks["bytelevel-regex"] = Tokenizer.from_file(str(FIX / "bytelevel-regex" / "tokenizer.json"))

    # 6. Components that the Llama / GPT-2 families do not use, each trained small on Emma.
    mb = Tokenizer(models.BPE(unk_token="[UNK]", continuing_subword_prefix="##", fuse_unk=False))
    mb.normalizer = normalizers.Sequence([normalizers.NFD(), normalizers.StripAccents(), normalizers.Lowercase()])
    mb.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=["[UNK]", "[CLS]", "[SEP]"],
                                  continuing_subword_prefix="##", show_progress=False)
    mb.train_from_iterator(train_lines, trainer)
    toks["misc-bert"] = save(mb, "misc-bert")

    ms = Tokenizer(models.BPE(unk_token="<unk>", end_of_word_suffix="</w>", fuse_unk=True))
    ms.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Strip(),
                                          normalizers.Replace(Regex(r"[0-9]{4,}"), "####")])
    ms.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Digits(),
                                                pre_tokenizers.Punctuation(behavior="contiguous")])
    ms.decoder = decoders.BPEDecoder(suffix="</w>")
    trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=["<unk>", "<s>", "</s>"],
                                  end_of_word_suffix="</w>", show_progress=False)
    ms.train_from_iterator(train_lines, trainer)
    toks["misc-suffix"] = save(ms, "misc-suffix")

    mx = Tokenizer(models.BPE(byte_fallback=True))
    mx.normalizer = normalizers.Sequence([normalizers.Lowercase(), normalizers.Prepend(">"),
                                          normalizers.Replace("e", "E")])
    mx.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(" ", behavior="merged_with_previous"),
        pre_tokenizers.Split(Regex(r"\d+|\p{P}"), behavior="merged_with_next"),
        pre_tokenizers.Split(Regex(r"[^\s]+"), behavior="removed", invert=True),
        pre_tokenizers.CharDelimiterSplit("q"), pre_tokenizers.Whitespace(),
        pre_tokenizers.Digits(individual_digits=True)])
    mx.decoder = decoders.Sequence([decoders.Replace("E", "e"), decoders.ByteFallback(),
                                    decoders.Strip(content=">", left=1, right=0)])
    trainer = trainers.BpeTrainer(vocab_size=700, special_tokens=["<unk>"] + [f"<0x{b:02X}>" for b in range(256)],
                                  show_progress=False)
    mx.train_from_iterator(train_lines, trainer)
    toks["misc-split"] = save(mx, "misc-split")

    # 7. Files the loader must refuse, with the reason it must give.
    err = FIX / "errors"
    err.mkdir()
    (err / "bad.json").write_text('{"version": "1.0", "model": {"type": "BPE", "vocab": {"a": 0,}}}')
    wp = Tokenizer(models.WordPiece({"[UNK]": 0, "a": 1, "##b": 2}, unk_token="[UNK]"))
    (err / "wordpiece.json").write_text(wp.to_str())
    ug = Tokenizer(models.Unigram([("<unk>", 0.0), ("a", -1.0), ("b", -2.0)], 0, False))
    (err / "unigram.json").write_text(ug.to_str())
    nmt = json.loads(toks["bytelevel"].to_str())
    nmt["normalizer"] = {"type": "Nmt"}
    (err / "nmt-normalizer.json").write_text(json.dumps(nmt))
    badmerge = json.loads(toks["bytelevel"].to_str())
    badmerge["model"]["merges"].append(["Ġ", "notatoken"])
    (err / "bad-merge.json").write_text(json.dumps(badmerge))

    # --- expectations -----------------------------------------------------------------------
    def special_id(tok, cfg, key, fallbacks):
        if cfg is not None and key in cfg:
            v = cfg[key]
            if v is None:
                return None
            if isinstance(v, dict):
                v = v["content"]
            return tok.token_to_id(v)
        for f in fallbacks:
            if tok.token_to_id(f) is not None:
                return tok.token_to_id(f)
        return None

    meta = {}
    for name, tok in toks.items():
        cfg = configs.get(name)
        meta[name] = {
            "vocabularySize": tok.get_vocab_size(with_added_tokens=True),
            "bos": special_id(tok, cfg, "bos_token", ["<s>", "<|endoftext|>"]),
            "eos": special_id(tok, cfg, "eos_token", ["</s>", "<|endoftext|>"]),
            "tokens": {str(i): tok.id_to_token(i) for i in range(0, tok.get_vocab_size(), 37)},
        }

    strings = tricky_strings()
    cases = []
    total_ids = 0
    for name, tok in toks.items():
        for s in strings:
            ids = tok.encode(s, add_special_tokens=False).ids
            total_ids += len(ids)
            cases.append({"tokenizer": name, "text": s, "ids": ids,
                          "decoded": tok.decode(ids, skip_special_tokens=True),
                          "decodedWithSpecial": tok.decode(ids, skip_special_tokens=False)})

    rng = random.Random(7)
    decode_cases = []
    for name, tok in toks.items():
        for ids in random_id_sequences(tok.get_vocab_size(), 150, rng):
            decode_cases.append({"tokenizer": name, "ids": ids,
                                 "decoded": tok.decode(ids, skip_special_tokens=True),
                                 "decodedWithSpecial": tok.decode(ids, skip_special_tokens=False)})

    files = []

    def add_file(name, text_file, text, ids_file):
        ids = toks[name].encode(text, add_special_tokens=False).ids
        write_ids(FIX / ids_file, ids)
        decoded = toks[name].decode(ids)
        entry = {"tokenizer": name, "text": text_file, "ids": ids_file, "count": len(ids),
                 "decodeEqualsText": decoded == text}
        if decoded != text:
            (FIX / (ids_file + ".decoded.txt")).write_text(decoded, encoding="utf-8")
            entry["decoded"] = ids_file + ".decoded.txt"
        files.append(entry)
        return len(ids)

    n_file = 0
    n_file += add_file("stories260K", "tinystories-sample.txt", story_text, "stories260K-tinystories.i32")
    n_file += add_file("stories260K-legacy", "tinystories-sample.txt", story_text, "stories260K-legacy-tinystories.i32")
    n_file += add_file("stories260K-split", "tinystories-sample.txt", story_text, "stories260K-split-tinystories.i32")
    n_file += add_file("bytelevel", "austen-slice.txt", austen_slice, "bytelevel-austen.i32")
    n_file += add_file("bytelevel-prefix", "austen-slice.txt", austen_slice, "bytelevel-prefix-austen.i32")
    n_file += add_file("llama3style", "austen-slice.txt", austen_slice, "llama3style-austen.i32")
    n_file += add_file("llama3style-regex", "austen-slice.txt", austen_slice, "llama3style-regex-austen.i32")
    n_file += add_file("bytelevel-regex", "austen-slice.txt", austen_slice, "bytelevel-regex-austen.i32")
    n_file += add_file("bytelevel", "tinystories-sample.txt", story_text, "bytelevel-tinystories.i32")
    for name in ["misc-bert", "misc-suffix", "misc-split"]:
        n_file += add_file(name, "austen-slice.txt", austen_slice, name + "-austen.i32")

    zoo = toks["stories260K"].encode("Zoo").ids  # with the post-processor: BOS first
    assert zoo == [1, 410, 469, 347], zoo

    out = {"generator": "tools/tokenizer-fixtures/make_fixtures.py",
           "tokenizersVersion": tokenizers.__version__,
           "tokenizers": meta, "cases": cases, "decodeCases": decode_cases, "files": files}
    (FIX / "expected.json").write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n",
                                      encoding="utf-8")
    print(f"{len(cases)} string cases ({total_ids} ids), {len(decode_cases)} decode cases, "
          f"{len(files)} whole-file cases ({n_file} ids)")


if __name__ == "__main__":
    main()
