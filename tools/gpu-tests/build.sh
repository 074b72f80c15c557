#!/usr/bin/env bash
# Builds what the GPU machine runs (it has the NVIDIA driver and NVRTC but no Swift toolchain)
# into .gpu/ at the repository root (git-ignored):
#   .gpu/FourOverSixPackageTests.xctest  the release test bundle (stripped)
#   .gpu/swiftlibs.tar.xz                the Swift runtime libraries it links (Swift Testing has no
#                                        static library, so the bundle cannot use --static-swift-stdlib)
#   .gpu/fouroversix.gz                  the static CLI (bench quantize --device cuda, quantize-tensors)
#   .gpu/BUILD                           commit (with "+dirty" when the tree has changes) and date
# Then tools/gpu-tests/run.sh runs the GPU suite there (see docs/cuda.md, "Running the GPU tests").
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
# The suites use @testable imports (-enable-testing); a scratch path of their own keeps the
# static CLI's release build in .build untouched.
swift build -c release --build-tests -Xswiftc -enable-testing --scratch-path .build-gpu
swift build -c release --static-swift-stdlib --product fouroversix
# .gpu/ref (the reference package for reference_triton_bench.py, copied by hand) is kept.
rm -rf .gpu/lib .gpu/FourOverSixPackageTests.xctest .gpu/swiftlibs.tar.xz .gpu/fouroversix.gz .gpu/BUILD
mkdir -p .gpu/lib
cp "$(swift build -c release --scratch-path .build-gpu --show-bin-path)/FourOverSixPackageTests.xctest" .gpu/
strip .gpu/FourOverSixPackageTests.xctest
bin=$(swift build -c release --show-bin-path)
ldd .gpu/FourOverSixPackageTests.xctest | awk '/swift/ {print $3}' | xargs -I{} cp {} .gpu/lib/
tar cJf .gpu/swiftlibs.tar.xz -C .gpu/lib . && rm -r .gpu/lib
strip -o .gpu/fouroversix "$bin/fouroversix" && gzip -9 .gpu/fouroversix
commit=$(git rev-parse --short=12 HEAD)
git diff --quiet HEAD -- Sources Tests Package.swift || commit="$commit+dirty"
printf '%s %s\n' "$commit" "$(date -u +%Y-%m-%dT%H:%MZ)" > .gpu/BUILD
du -sh .gpu/*
