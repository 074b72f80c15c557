#!/usr/bin/env python3
"""Expected ids of encode(text, add_special_tokens=True) under many special-token definitions.

Writes Tests/TokenizersTests/Fixtures/special-tokens.json. Each case names a base fixture folder
(tokenizer.json already in Fixtures/), an override of its `post_processor` (or "keep"), and the
tokenizer_config.json to put beside it (or none). The script materializes each case in a temporary
folder exactly as the Swift test does, loads it with transformers' AutoTokenizer and records its ids;
where no tokenizer_config.json is used it also checks that the `tokenizers` library itself gives the
same ids.

The rule recorded is transformers 4.x's (4.57.1): Llama-style tokenizer classes (Llama, CodeLlama,
Gemma, Cohere, GPT-NeoX) rebuild the post-processor from add_bos_token / add_eos_token (their
class defaults when the config omits them); every other class uses tokenizer.json's post_processor.
transformers 5.x (checked with 5.25.0) keeps tokenizer.json's post_processor even for those classes,
so the two differ only for the cases marked "flags-override" below, where the files contradict each
other; for consistent files (every published model we know) they agree.

pip install --target /tmp/tf4 transformers==4.57.1 tokenizers==0.22.1 "huggingface_hub<1.0"
PYTHONPATH=/tmp/tf4 python3 tools/tokenizer-fixtures/make_special_token_fixtures.py
"""

import json
import shutil
import tempfile
from pathlib import Path

import tokenizers
import transformers
from transformers import AutoTokenizer, PreTrainedTokenizerFast

REPO = Path(__file__).resolve().parents[2]
FIX = REPO / "Tests" / "TokenizersTests" / "Fixtures"

TEXTS = ["Once upon a time, there was a little girl.", "", "Hello\n\nworld  ", "<s>x</s>"]


def template(single, special_tokens):
    return {"type": "TemplateProcessing", "single": single, "pair": single + [{"Sequence": {"id": "B", "type_id": 1}}],
            "special_tokens": special_tokens}


def special(token):
    return {"SpecialToken": {"id": token, "type_id": 0}}


SEQ_A = {"Sequence": {"id": "A", "type_id": 0}}
BYTE_LEVEL = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False}

CASES = [
    # SentencePiece Llama: the template adds <s>; the config says so too.
    {"name": "llama-template-and-config", "base": "stories260K", "post_processor": "keep", "config": "keep"},
    # The template alone (no tokenizer_config.json).
    {"name": "llama-template-only", "base": "stories260K", "post_processor": "keep", "config": None},
    # flags-override: add_bos_token false in a Llama config rebuilds the template without <s>.
    {"name": "llama-config-no-bos", "base": "stories260K", "post_processor": "keep",
     "config": {"tokenizer_class": "LlamaTokenizer", "bos_token": "<s>", "eos_token": "</s>", "add_bos_token": False}},
    # add_eos_token: true adds </s> after the text, BOS stays (add_bos_token given true).
    {"name": "llama-config-bos-eos", "base": "stories260K", "post_processor": "keep",
     "config": {"tokenizer_class": "LlamaTokenizer", "bos_token": "<s>", "eos_token": "</s>", "add_bos_token": True,
                "add_eos_token": True}},
    # add_eos_token alone: add_bos_token keeps the Llama class default (true).
    {"name": "llama-config-eos-only", "base": "stories260K", "post_processor": "keep",
     "config": {"tokenizer_class": "LlamaTokenizer", "bos_token": "<s>", "eos_token": "</s>", "add_eos_token": True}},
    # flags-override: GPT-NeoX's class defaults (no BOS, no EOS) replace a template that adds <s>.
    {"name": "neox-class-defaults", "base": "stories260K", "post_processor": "keep",
     "config": {"tokenizer_class": "GPTNeoXTokenizer", "bos_token": "<s>", "eos_token": "</s>"}},
    # A Llama config without a post-processor: the class default adds <s>.
    {"name": "llama-class-no-post-processor", "base": "stories260K", "post_processor": None,
     "config": {"tokenizer_class": "LlamaTokenizerFast", "bos_token": "<s>", "eos_token": "</s>"}},
    # A non-Llama class keeps the template even when the config says add_bos_token false.
    {"name": "gpt2-class-keeps-template", "base": "stories260K", "post_processor": "keep",
     "config": {"tokenizer_class": "GPT2Tokenizer", "bos_token": "<s>", "eos_token": "</s>", "add_bos_token": False}},
    # No post-processor and no config: nothing is added.
    {"name": "llama-no-post-processor", "base": "stories260K", "post_processor": None, "config": None},
    # GPT-2-style byte-level BPE (SmolLM, Qwen): a bos_token is named but nothing adds it.
    {"name": "gpt2-bos-named-not-added", "base": "bytelevel", "post_processor": None,
     "config": {"tokenizer_class": "GPT2Tokenizer", "bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>"}},
    # GPT-2's own tokenizer.json: a ByteLevel post-processor, which adds no ids.
    {"name": "gpt2-byte-level-processor", "base": "bytelevel", "post_processor": BYTE_LEVEL, "config": None},
    # A template with a special token on both sides, one of them two ids long.
    {"name": "template-both-sides", "base": "bytelevel",
     "post_processor": template([special("<|endoftext|>"), SEQ_A, special("[END]")],
                                {"<|endoftext|>": {"id": "<|endoftext|>", "ids": [0], "tokens": ["<|endoftext|>"]},
                                 "[END]": {"id": "[END]", "ids": [7, 9], "tokens": ["(", "*"]}}),
     "config": None},
    # Llama 3: Sequence[ByteLevel, TemplateProcessing(<|begin_of_text|> $A)].
    {"name": "llama3-sequence", "base": "llama3style",
     "post_processor": {"type": "Sequence", "processors": [
         BYTE_LEVEL,
         template([special("<|begin_of_text|>"), SEQ_A],
                  {"<|begin_of_text|>": {"id": "<|begin_of_text|>", "ids": [0], "tokens": ["<|begin_of_text|>"]}})]},
     "config": {"tokenizer_class": "PreTrainedTokenizerFast", "bos_token": "<|begin_of_text|>",
                "eos_token": "<|eot_id|>"}},
    # BERT: [CLS] text [SEP].
    {"name": "bert-processing", "base": "misc-bert",
     "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]}, "config": None},
    # RoBERTa: <s> text </s> (single sequence).
    {"name": "roberta-processing", "base": "bytelevel",
     "post_processor": {"type": "RobertaProcessing", "sep": ["</s>", 5], "cls": ["<s>", 4],
                        "trim_offsets": True, "add_prefix_space": False}, "config": None},
]


def materialize(case, folder: Path):
    base = FIX / case["base"]
    tok = json.loads((base / "tokenizer.json").read_text())
    if case["post_processor"] != "keep":
        tok["post_processor"] = case["post_processor"]
    (folder / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False))
    config = case["config"]
    if config == "keep":
        src = base / "tokenizer_config.json"
        if src.exists():
            shutil.copy(src, folder / "tokenizer_config.json")
    elif config is not None:
        (folder / "tokenizer_config.json").write_text(json.dumps(config))


def main():
    out = []
    for case in CASES:
        with tempfile.TemporaryDirectory() as d:
            folder = Path(d)
            materialize(case, folder)
            if (folder / "tokenizer_config.json").exists():
                hf = AutoTokenizer.from_pretrained(str(folder))
            else:  # a bare tokenizer.json: what transformers wraps it in
                hf = PreTrainedTokenizerFast(tokenizer_file=str(folder / "tokenizer.json"))
            ids = [hf(text)["input_ids"] for text in TEXTS]
            plain = [hf(text, add_special_tokens=False)["input_ids"] for text in TEXTS]
            if not (folder / "tokenizer_config.json").exists():
                raw = tokenizers.Tokenizer.from_file(str(folder / "tokenizer.json"))
                assert [raw.encode(t, add_special_tokens=True).ids for t in TEXTS] == ids, case["name"]
        out.append({"name": case["name"], "base": case["base"], "postProcessor": case["post_processor"],
                    "config": case["config"], "texts": TEXTS, "ids": ids, "idsWithoutSpecial": plain})
        print(f"{case['name']:28s} {ids[0][:3]} … {ids[0][-2:]}")
    doc = {"generator": "tools/tokenizer-fixtures/make_special_token_fixtures.py",
           "transformersVersion": transformers.__version__, "tokenizersVersion": tokenizers.__version__, "cases": out}
    (FIX / "special-tokens.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
