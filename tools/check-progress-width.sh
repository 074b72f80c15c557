#!/usr/bin/env bash
# The progress display in a real terminal: runs `fouroversix quantize` in tmux panes of 40, 80
# and 200 columns (stderr on the terminal, the report to a file) and checks, from the bytes the
# program wrote (pipe-pane), that a bar was drawn, that no update is wider than the terminal
# minus one column, and, from the screen and its scrollback, that no bar is left behind (nothing
# wrapped, the bar was erased at the end). Needs tmux (apt-get install -y tmux) and a built
# .build/debug/fouroversix (or FOUROVERSIX=path). Exit status 0 when all three widths pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${FOUROVERSIX:-$root/.build/debug/fouroversix}
command -v tmux >/dev/null || { echo "tmux is missing (apt-get install -y tmux)" >&2; exit 2; }
[ -x "$bin" ] || { echo "$bin is missing (swift build)" >&2; exit 2; }
work=$(mktemp -d)
socket="fouroversix-progress-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
failed=0
for cols in 40 80 200; do
    tmux -L "$socket" -f /dev/null new-session -d -s "w$cols" -x "$cols" -y 30 "bash --norc --noprofile"
    tmux -L "$socket" set-option -t "w$cols" status off >/dev/null
    tmux -L "$socket" pipe-pane -t "w$cols" -o "cat > '$work/raw$cols'"
    tmux -L "$socket" send-keys -t "w$cols" \
        "stty cols $cols; FOUROVERSIX_HOME='$root' '$bin' quantize -o '$work/q$cols' > '$work/report$cols'; echo finished-\$?" Enter
    for _ in $(seq 1 600); do
        if tmux -L "$socket" capture-pane -p -t "w$cols" | grep -q '^finished-'; then break; fi
        sleep 0.1
    done
    screen=$(tmux -L "$socket" capture-pane -p -S - -t "w$cols")
    tmux -L "$socket" kill-session -t "w$cols"
    status=$(printf '%s\n' "$screen" | sed -n 's/^finished-\([0-9]*\).*/\1/p')
    widest=$(python3 - "$work/raw$cols" <<'PY'
import re, sys
raw = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
raw = re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '\r', raw)           # escape sequences end a segment
bars = [s for s in re.split(r'[\r\n]', raw) if '█' in s or '░' in s]
print(max((len(s) for s in bars), default=-1))
PY
)
    left=$(printf '%s\n' "$screen" | grep -c '[█░]' || true)
    if [ "$status" != 0 ]; then
        echo "$cols columns: fouroversix quantize failed (status '$status')"; failed=1
    elif [ "$widest" -lt 0 ]; then
        echo "$cols columns: no progress bar was drawn"; failed=1
    elif [ "$widest" -gt $((cols - 1)) ]; then
        echo "$cols columns: an update is $widest characters wide"; failed=1
    elif [ "$left" -ne 0 ]; then
        echo "$cols columns: $left line(s) with a bar left on the screen"; failed=1
    else
        echo "$cols columns: ok (widest update $widest characters, nothing left on the screen)"
    fi
done
exit $failed
