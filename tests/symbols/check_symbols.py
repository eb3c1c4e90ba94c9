#!/usr/bin/python3
"""Every symbol the shared library exports starts with govinfo_, and every function the
public headers declare is exported."""
import os
import re
import subprocess
import sys

lib = sys.argv[1]
out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True,
                     text=True).stdout
exported = {line.split()[-1] for line in out.splitlines() if line.strip()}
stray = sorted(s for s in exported if not s.startswith("govinfo_"))

root = os.environ.get("GOVINFO_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
include = os.path.join(root, "include", "govinfo")
declared = set()
for name in os.listdir(include):
    if name.endswith(".h"):
        with open(os.path.join(include, name), encoding="utf-8") as f:
            declared |= set(re.findall(r"GOVINFO_API\s[^;(]*?\b(govinfo_\w+)\s*\(", f.read()))
missing = sorted(declared - exported)

if stray:
    print("exported without the govinfo_ prefix:", " ".join(stray))
if missing:
    print("declared GOVINFO_API but not exported:", " ".join(missing))
if not declared:
    print("found no GOVINFO_API declarations under", include)
print(f"{len(exported)} exported, {len(declared)} declared")
sys.exit(1 if stray or missing or not declared else 0)
