#!/usr/bin/env bash
# The written formatting rule, checked (README "Code format"): `swift format lint` (shipped with
# the Swift 6.3 toolchain) with the repository's .swift-format (lines at most 120 columns, 4-space
# indentation, swift-format's layout otherwise; the rules switched off there are the project's
# deliberate style), plus a plain count of the lines longer than 120 characters: swift-format
# reports only the lines its own layout could break, not a long string literal or comment.
# Lines that swift-format itself skips are skipped here too: a file marked
# `// swift-format-ignore-file`, and the multi-line string literal of a declaration marked
# `// swift-format-ignore` (the CUDA source in Sources/CUDABackend/KernelSource.swift).
#
#   tools/check-format.sh              # the whole tree (Sources, Tests, Package.swift): every finding
#                                      # (file:line:column: warning: [Rule] ...), then a summary
#   tools/check-format.sh --summary    # the same, counts only
#   tools/check-format.sh PATH...      # only these files or folders
#
# Exit status 0 when there is no finding, 1 when there is any, 2 when swift-format is missing.
# Formatting a file: swift format format --in-place --configuration .swift-format FILE
set -euo pipefail
cd "$(dirname "$0")/.."

summary=false
if [[ "${1:-}" == "--summary" ]]; then summary=true; shift; fi
if [[ $# -gt 0 ]]; then
    mapfile -t files < <(find "$@" -name '*.swift' -type f | sort)
else
    mapfile -t files < <({ find Sources Tests -name '*.swift' -type f; echo Package.swift; } | sort)
fi
if [[ ${#files[@]} -eq 0 ]]; then echo "no Swift files to check" >&2; exit 2; fi
swift format --version > /dev/null 2>&1 || { echo "swift format is missing (Swift 6.3 toolchain)" >&2; exit 2; }

lint=$(swift format lint --configuration .swift-format --parallel "${files[@]}" 2>&1 || true)
# Characters, not bytes: UTF-8 continuation bytes are not counted (mawk has no multibyte length).
long=$(LC_ALL=C awk '
    FNR == 1 { skipping = 0; armed = 0; whole = 0 }
    /^[ \t]*\/\/ swift-format-ignore-file/ { whole = 1 }
    whole { next }
    skipping { if ($0 ~ /^[ \t]*"""/) skipping = 0; next }
    armed && $0 !~ /^[ \t]*(\/\/|@)/ { armed = 0; if ($0 ~ /"""#*[ \t]*$/) { skipping = 1 } }
    /^[ \t]*\/\/ swift-format-ignore[ \t]*$/ { armed = 1 }
    { s = $0; gsub(/[\200-\277]/, "", s) }
    length(s) > 120 { printf "%s:%d:121: warning: [LineWidth] %d characters (at most 120)\n", FILENAME, FNR, length(s) }
' "${files[@]}")
findings=$(printf '%s\n%s\n' "$lint" "$long" | grep -E '(^|: )(warning|error): ' || true)

if ! $summary && [[ -n "$findings" ]]; then printf '%s\n' "$findings"; fi
count() { grep -c -E "$1" <<<"$findings" || true; }
total=$(count '.')
echo "checked ${#files[@]} files: $total findings ($(count '\[LineWidth\]') lines longer than 120 characters)"
if [[ "$total" -gt 0 ]]; then
    sed -E 's/^(.*: )?(warning|error): (\[[A-Za-z]+\])?.*$/\3/; s/^$/[error]/' <<<"$findings" | sort | uniq -c | sort -rn
fi
[[ "$total" -eq 0 ]]
