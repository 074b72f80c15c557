#!/usr/bin/env bash
# On the GPU machine: compiles KernelSource.swift's CUDA source for sm_90 with nvcc (the NVRTC
# options: --fmad=false, C++17, BF16 input) and prints, for one kernel, its registers and the
# histogram of SASS opcodes (static count over the kernel's code, loops counted once).
# Usage: sass_histogram.sh KernelSource.swift KERNEL_NAME
set -euo pipefail
src=$1 kernel=$2 tmp=$(mktemp -d)
python3 - "$src" > "$tmp/k.cu" <<'PY'
import re, sys
print(re.search(r'static let cuda: String = #"""\n(.*?)\n"""#', open(sys.argv[1]).read(), re.S).group(1))
PY
nvcc -cubin -arch=sm_90 --fmad=false -std=c++17 -DFOS_DT=1 -Xptxas -v -o "$tmp/k.cubin" "$tmp/k.cu" 2>&1 \
    | grep -A1 "Compiling entry function '$kernel'" | tail -1 || true
cuobjdump -sass -fun "$kernel" "$tmp/k.cubin" > "$tmp/k.sass"
grep -E '^\s+/\*[0-9a-f]{4}\*/' "$tmp/k.sass" | sed -E 's/.*\*\/\s+(@!?U?P[0-9T] )?([A-Z0-9_]+)(\.[A-Z0-9_.]+)?.*/\2/' \
    | sort | uniq -c | sort -rn | head -40
echo "total: $(grep -cE '^\s+/\*[0-9a-f]{4}\*/' "$tmp/k.sass") instructions"
cp "$tmp/k.sass" "${OUT:-/tmp}/$(basename "$src" .swift)-$kernel.sass"
