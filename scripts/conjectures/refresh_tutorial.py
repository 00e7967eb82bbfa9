#!/usr/bin/env python3
"""Re-runs every example of docs/conjecture-tutorial.md and pastes the real output into its console blocks.

Usage: scripts/conjectures/refresh_tutorial.py [ATTEST]   (default .build/debug/attest)
Each ```toml block is saved under the name given by the nearest preceding "Save this as `NAME`"; each ```console
block whose first line is "$ attest ARGS" is replaced by that line and the command's standard output, run in the
folder of the saved files. Tests/AttestCommandsTests/ConjectureTutorialTests.swift checks the result.
"""
import os, re, subprocess, sys, tempfile

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
attest = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/debug/attest"))
path = os.path.join(root, "docs/conjecture-tutorial.md")
lines = open(path, encoding="utf-8").read().split("\n")
folder = tempfile.mkdtemp(prefix="attest-tutorial-")
out, i, name = [], 0, None
while i < len(lines):
    line = lines[i]
    m = re.search(r"Save this as `([^`]+)`", line)
    if m: name = m.group(1)
    if line.startswith("```toml") or line.startswith("```console"):
        body, j = [], i + 1
        while not lines[j].startswith("```"): body.append(lines[j]); j += 1
        if line.startswith("```toml") and name:
            open(os.path.join(folder, name), "w", encoding="utf-8").write("\n".join(body) + "\n"); name = None
        elif line.startswith("```console") and body and body[0].startswith("$ attest "):
            run = subprocess.run([attest] + body[0][len("$ attest "):].split(" "), cwd=folder,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            printed = run.stdout.rstrip("\n").split("\n")
            body = [body[0]] + printed
            print(f"{body[0]}: exit {run.returncode}, {len(printed)} lines")
        out += [line] + body + [lines[j]]
        i = j + 1
        continue
    out.append(line)
    i += 1
open(path, "w", encoding="utf-8").write("\n".join(out))
