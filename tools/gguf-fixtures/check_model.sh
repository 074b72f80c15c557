#!/bin/sh
# check_model.sh MODEL.gguf [TEXT...] — checks that GGUFFile dequantizes a whole real model
# bit-identically with gguf-py (pip install gguf numpy) and, for each TEXT, that Tokenizer(gguf:) gives
# the ids of transformers' GGUF tokenizer (pip install transformers tokenizers). Builds check_model.swift
# against the modules it needs with swiftc -O (no package changes), runs both halves, compares outputs.
# Example (SmolLM2-135M-Instruct, see issue 13 / the README for the download commands):
#   tools/gguf-fixtures/check_model.sh /tmp/smol/SmolLM2-135M-Instruct.Q4_1.gguf \
#       Tests/TokenizersTests/Fixtures/austen-slice.txt Tests/TokenizersTests/Fixtures/tinystories-sample.txt
set -eu
model=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for module in BlockFormats JSONText SafeTensors GGUF Tokenizers; do
    swiftc -O -parse-as-library -emit-library -static -module-name "$module" -I "$work" \
        -emit-module -emit-module-path "$work/$module.swiftmodule" \
        -o "$work/lib$module.a" "$root"/Sources/"$module"/*.swift
done
swiftc -O -I "$work" -L "$work" -lTokenizers -lGGUF -lSafeTensors -lJSONText -lBlockFormats \
    -o "$work/check_model" "$root/tools/gguf-fixtures/check_model.swift"
"$work/check_model" "$model" "$@" > "$work/swift.txt"
python3 "$root/tools/gguf-fixtures/check_model.py" "$model" "$@" > "$work/python.txt"
if cmp -s "$work/swift.txt" "$work/python.txt"; then
    echo "identical: $(grep -vc '^ids ' "$work/swift.txt") tensors, $(grep -c '^ids ' "$work/swift.txt") texts"
    grep '^ids ' "$work/swift.txt" || true
else
    diff "$work/swift.txt" "$work/python.txt" | head -20
    exit 1
fi
