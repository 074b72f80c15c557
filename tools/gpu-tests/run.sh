#!/usr/bin/env bash
# Runs on the GPU machine, from the repository root, with .gpu/ from tools/gpu-tests/build.sh:
# the GPU parity suite (Tests/CUDABackendTests, every case bit for bit against the scalar
# reference), then optionally the benchmark. Prints one line to record in docs/cuda.md:
#   | date | build commit | GPU, driver | tests passed/failed | seconds |
# Usage: tools/gpu-tests/run.sh [--bench] [filter]   (default filter CUDABackendTests)
# With $OUT set (the device tool), the full log and the benchmark table are written there.
set -uo pipefail
bench=0
if [ "${1:-}" = "--bench" ]; then bench=1; shift; fi
filter=${1:-CUDABackendTests}
out=${OUT:-/tmp/gpu-tests}
mkdir -p "$out" /tmp/sl
tar xJf .gpu/swiftlibs.tar.xz -C /tmp/sl
export LD_LIBRARY_PATH=/tmp/sl${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
gpu=$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | head -1)
start=$(date +%s)
.gpu/FourOverSixPackageTests.xctest --testing-library swift-testing --filter "$filter" > "$out/gpu-tests.log" 2>&1
status=$?
seconds=$(( $(date +%s) - start ))
grep -E "^(CUDA|GPU)|✘|failed|passed after" "$out/gpu-tests.log" | tail -40
summary=$(grep -E "Test run with [0-9]+ tests" "$out/gpu-tests.log" | tail -1)
echo
echo "| $(date -u +%Y-%m-%d) | $(cut -d' ' -f1 .gpu/BUILD) | ${gpu:-no GPU} | ${summary:-no summary (exit $status)} | ${seconds} s |"
if [ $bench = 1 ]; then
    FOUROVERSIX_CUDA_BENCH=1 FOUROVERSIX_CUDA_BENCH_OUT="$out/bench.md" \
        .gpu/FourOverSixPackageTests.xctest --testing-library swift-testing --filter CUDABenchmarkRun \
        > "$out/bench.log" 2>&1
    cat "$out/bench.md" 2>/dev/null || tail -20 "$out/bench.log"
fi
exit $status
