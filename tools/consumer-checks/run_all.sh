#!/bin/bash
# Consumer checks of fouroversix's NVFP4 checkpoints (results: docs/export-consumer-checks.md).
# Usage: tools/consumer-checks/run_all.sh BINARY WORK_DIR [VENV]
#   BINARY   a release build of fouroversix (swift build -c release)
#   WORK_DIR scratch folder for the checkpoints (outside the repository)
#   VENV     Python virtual environment with torch, compressed-tensors, transformers
#            (default /work/scratch/venv); see docs/export-consumer-checks.md for the setup.
# Optional: VLLM_SRC (unpacked vllm wheel) and VLLM_DEPS (its pure-Python imports) to parse
# the configs with vLLM's own classes (check_vllm_configs.py).
set -euo pipefail
B=$(realpath "$1"); W=$2; VENV=${3:-/work/scratch/venv}
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
STORIES=$ROOT/Models/stories260K
MINILM=${MINILM:-$ROOT/../shared/models/all-MiniLM-L6-v2}
[ -d "$MINILM" ] || MINILM=/work/shared/models/all-MiniLM-L6-v2
. "$VENV/bin/activate"
mkdir -p "$W"
python -c 'import torch, transformers, compressed_tensors; print("torch", torch.__version__, "| transformers", transformers.__version__, "| compressed-tensors", compressed_tensors.__version__)'
for m in stories:$STORIES minilm:$MINILM; do
  tag=${m%%:*}; dir=${m#*:}
  "$B" quantize "$dir" -o "$W/$tag-ct" --convention compressed-tensors --overwrite > "$W/$tag-ct.log"
  "$B" quantize "$dir" -o "$W/$tag-mo" --convention modelopt --overwrite > "$W/$tag-mo.log"
  "$B" dequantize "$W/$tag-ct" -o "$W/$tag-ct-f32" --dtype f32 --overwrite
  "$B" dequantize "$W/$tag-mo" -o "$W/$tag-mo-f32" --dtype f32 --overwrite
  cmp "$W/$tag-ct-f32/model.safetensors" "$W/$tag-mo-f32/model.safetensors" && echo "$tag: both conventions dequantize to identical bytes"
  echo "== (1) compressed-tensors decompression: $tag"
  python "$HERE/check_compressed_tensors.py" "$W/$tag-ct" "$W/$tag-ct-f32" --json "$W/$tag-ct-check.json" || true
done
echo "== (2) transformers: stories260K (causal LM)"
python "$HERE/check_transformers.py" "$STORIES" "$W/stories-ct" "$W/stories-ct-f32" 2>&1 | grep -v -i "warn\|it/s\]" || true
echo "== (2) transformers: all-MiniLM-L6-v2 (BERT encoder)"
python "$HERE/check_transformers_bert.py" "$MINILM" "$W/minilm-ct" 2>&1 | grep -v -i "warn\|it/s\]" || true
if [ -n "${VLLM_SRC:-}" ]; then
  echo "== (3) vLLM's own config classes (VLLM_SRC=$VLLM_SRC, VLLM_DEPS=$VLLM_DEPS)"
  for t in stories minilm; do
    python "$HERE/check_vllm_configs.py" "$VLLM_SRC" "$VLLM_DEPS" "$W/$t-ct" "$W/$t-mo" 2>&1 \
      | grep -v -i "warn\|vllm._C\|triton\|package was not found" || true
  done
fi
echo "== (3) config keys vs vLLM / TensorRT-LLM loader rules"
python "$HERE/check_config_keys.py" "$W/stories-ct" "$W/stories-mo" || true
python "$HERE/check_config_keys.py" "$W/minilm-ct" "$W/minilm-mo" || true
