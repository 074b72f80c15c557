#!/usr/bin/env bash
# On the GPU machine: Nsight Compute profiles of the quantization kernels that
# tools/cuda-kernel-lab/lab.py launches (BF16 8192², one launch each, `--clock-control none`),
# one report per configuration in $OUT/ncu-<name>.txt and the headline metrics on stdout:
# duration, DRAM and SM throughput, issue slots busy, executed instructions, registers,
# occupancy, L1/L2 hit rates, the global load/store sector efficiency and the ALU / FMA / LSU
# pipes' utilization (the ALU pipe issues a warp instruction every other cycle).
# Usage: tools/gpu-tests/profile.sh [KernelSource.swift] ["config name" ...]
set -uo pipefail
src=${1:-Sources/CUDABackend/KernelSource.swift}
shift || true
out=${OUT:-/tmp/gpu-profile}
mkdir -p "$out"
[ $# -gt 0 ] || set -- "static_6" "mse" "static_6 transpose" "static_6 2d" "mse 2d"
# -k is a regular expression (the name as a prefix), so that a configuration whose kernel has a
# `_bands` variant profiles the one lab.py launches.
for name in "$@"; do
    kernel=$(python3 - "$name" <<'PY'
import re, sys
text = open("tools/cuda-kernel-lab/lab.py").read()
for m in re.finditer(r'\("([^"]+)", "(fos_[a-z0-9_]+)"', text):
    if m.group(1) == sys.argv[1]:
        print(m.group(2))
PY
)
    [ -n "$kernel" ] || { echo "$name: no such lab configuration"; continue; }
    file="$out/ncu-${name// /-}.txt"
    ncu --clock-control none --section SpeedOfLight --section InstructionStats --section WarpStateStats \
        --section Occupancy --section MemoryWorkloadAnalysis --section MemoryWorkloadAnalysis_Tables \
        --section LaunchStats --metrics sm__pipe_alu_cycles_active.avg.pct_of_peak_sustained_active,sm__pipe_fma_cycles_active.avg.pct_of_peak_sustained_active,sm__pipe_fmaheavy_cycles_active.avg.pct_of_peak_sustained_active,sm__inst_executed_pipe_lsu.avg.pct_of_peak_sustained_active,smsp__sass_average_data_bytes_per_sector_mem_global_op_ld.pct,smsp__sass_average_data_bytes_per_sector_mem_global_op_st.pct \
        -k "regex:^$kernel" -c 1 python3 tools/cuda-kernel-lab/lab.py "$src" --only "^$name\$" --repeats 1 > "$file" 2>&1
    echo "== $name ($kernel)"
    grep -E "^ +(Duration|DRAM Throughput|Compute \(SM\) Throughput|Issue Slots Busy|Executed Instructions |Registers Per Thread|Achieved Occupancy|L1/TEX Hit Rate|L2 Hit Rate|Warp Cycles Per Issued Instruction|Issued Ipc Active|smsp__sass_average|sm__pipe|sm__inst_executed_pipe)" "$file"
done
