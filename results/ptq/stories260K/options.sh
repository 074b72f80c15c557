#!/usr/bin/env bash
# stories260K: the PTQ options added after ptq.md was recorded (GPTQ activation order, AWQ on o_proj
# and --awq-clip, SmoothQuant's α search) beside the variants they change. Calibrated on Austen
# (128 windows of 512), evaluated on the whole TinyStories sample; prints one Markdown row per run:
# | name | scheme | rule | options | perplexity |.
# Usage (repository root): results/ptq/stories260K/options.sh [fouroversix binary] > options-table.md
set -euo pipefail
bin=${1:-.build/release/fouroversix}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {
    local name=$1 scheme=$2 rule=$3
    shift 3
    "$bin" quantize Models/stories260K --calibration-text Data/austen.txt --scheme "$scheme" --rule "$rule" \
        -o "$work/$name" "$@" > /dev/null 2>&1
    # eval takes a W4A4 checkpoint as written: NVFP4 inputs at the stored input scales, its rule.
    local ppl
    ppl=$("$bin" eval "$work/$name" --text Data/tinystories-sample.txt --json 2> /dev/null \
        | python3 -c 'import json, sys; print("%.4f" % json.load(sys.stdin)["perplexity"])')
    echo "| $name | $scheme | $rule | $* | $ppl |"
}
for rule in static_6 mse; do
    run "rtn-$rule" w4a16 $rule --method rtn
    run "gptq-$rule" w4a16 $rule --method gptq
    run "gptq-act-order-$rule" w4a16 $rule --method gptq --gptq-act-order
    run "awq-$rule" w4a16 $rule --method awq
    run "awq-clip-$rule" w4a16 $rule --method awq --awq-clip
done
for rule in static_6 mse; do
    run "rtn-$rule-w4a4" w4a4 $rule --method rtn
    run "smoothquant-$rule-w4a4" w4a4 $rule --method smoothquant
    run "smoothquant-search-$rule-w4a4" w4a4 $rule --method smoothquant --smoothquant-alpha search
    run "awq-clip-$rule-w4a4" w4a4 $rule --method awq --awq-clip
done
