#!/usr/bin/env python3
"""Checks the module layering that docs/architecture.md describes, from Package.swift itself.

For every source module: the modules it imports (any `import X` in Sources/<module>/) must be
exactly the package modules Package.swift declares as its dependencies — no undeclared import
(SwiftPM on Linux lets a module import a dependency's dependencies) and no declared dependency it
does not use. Prints each module's computed layer (1 + the highest layer it depends on) and exits
1 on any mismatch. Needs only the Swift toolchain and python3:

    python3 tools/check-architecture.py
"""

import functools
import json
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parents[1]
package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout)
deps = {}
paths = {}
for target in package["targets"]:
    if target["type"] not in ("regular", "executable"):
        continue
    names = []
    for d in target["dependencies"]:
        for kind in ("byName", "target"):
            if kind in d:
                names.append(d[kind][0])
    deps[target["name"]] = names
    paths[target["name"]] = root / (target.get("path") or f"Sources/{target['name']}")


@functools.lru_cache(None)
def layer(name):
    below = [d for d in deps[name] if d in deps]
    return 0 if not below else 1 + max(layer(d) for d in below)


failures = 0
pattern = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+|public\s+)?import\s+(\w+)", re.M)
for name in sorted(deps, key=lambda n: (layer(n), n)):
    imported = set()
    for source in paths[name].rglob("*.swift"):
        imported.update(m for m in pattern.findall(source.read_text()) if m in deps)
    declared = {d for d in deps[name] if d in deps}
    undeclared, unused = sorted(imported - declared), sorted(declared - imported)
    line = f"{layer(name)}  {name:24s} {', '.join(sorted(declared)) or '-'}"
    if undeclared or unused:
        failures += 1
        line += f"\n   imports undeclared: {undeclared or '-'}; declared but unused: {unused or '-'}"
    print(line)
sys.exit(1 if failures else 0)
