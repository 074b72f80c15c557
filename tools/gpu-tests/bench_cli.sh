#!/usr/bin/env bash
# Runs on the GPU machine from the repository root with .gpu/fouroversix.gz (tools/gpu-tests/build.sh):
# `bench quantize --device cuda` on BF16 8192² for every rule and option, one JSON line each into
# $OUT/bench-cli.jsonl, and a table (G el/s: quantize only, with the amax pass, the amax pass,
# dequantize to BF16) on stdout; the JSON's keys are printed once so a missing one shows.
set -uo pipefail
out=${OUT:-/tmp/gpu-bench}
mkdir -p "$out"
gunzip -c .gpu/fouroversix.gz > /tmp/fouroversix && chmod +x /tmp/fouroversix
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,clocks.max.mem --format=csv,noheader | tee "$out/gpu.txt"
: > "$out/bench-cli.jsonl"
for cfg in "nvfp4 static_6" "nvfp4 mse" "nvfp4 mae" "nvfp4 abs_max" "nvfp4 static_6 --rht" "nvfp4 static_6 --transpose" \
           "nvfp4 static_6 --block-2d" "nvfp4 static_6 --stochastic" "nvfp4 mse --rht" "nvfp4 mse --transpose" \
           "nvfp4 mse --block-2d" "nvfp4 mse --stochastic" "nvfp4 mse --stochastic --unbiased" "mxfp4 static_6" "nvint4 static_6"; do
    set -- $cfg
    f=$1; r=$2; shift 2
    /tmp/fouroversix bench quantize --device cuda --rows 8192 --cols 8192 --dtype bf16 --repeats 20 \
        --format "$f" --rule "$r" "$@" --json >> "$out/bench-cli.jsonl" 2>> "$out/bench-cli.err" || echo "failed: $cfg" >> "$out/bench-cli.err"
done
python3 - "$out/bench-cli.jsonl" <<'PY'
import json, sys
first = True
for line in open(sys.argv[1]):
    d = json.loads(line)
    if first: print('keys:', ' '.join(d)); first = False
    opts = " ".join(k for k in ("rht", "transpose", "block_2d", "stochastic", "unbiased") if d.get(k))
    g = lambda k: d.get(k, {}).get("g_elements_per_s")
    print(f"| {d['format']} {d['rule']} {opts} | {g('quantize')} | {g('quantize_with_amax')} | {g('amax')} | {g('dequantize_bf16')} |")
PY
