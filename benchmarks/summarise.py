#!/usr/bin/env python3
"""Median throughput per cell and implementation from side_by_side.sh output, with the
Swift/PyTorch ratio of the medians and the per-round ratios (runs that ran back to back).

Says under the table which environment variables the PyTorch runs had (`bench_env`, set for
both sides; `torch_env` in a few earlier files, set for PyTorch alone; neither in files
written before side_by_side.sh recorded it, which ran PyTorch as installed), and stops if a
file mixes two, since their PyTorch medians would not measure one thing."""
import json
import statistics
import sys
from collections import defaultdict

path = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results.jsonl"
runs = defaultdict(list)  # (cell, mode, impl) -> [(round, value)]
torch_environments = set()
for line in open(path):
    record = json.loads(line)
    if record["impl"] == "torch":
        torch_environments.add(record.get("bench_env", record.get("torch_env", "")))
    for mode in ("train", "infer"):
        key = f"{mode}_windows_per_s"
        if key in record and record.get("mode", mode) == mode:
            runs[(record["cell"], mode, record["impl"])].append((record["round"], record[key]))

if len(torch_environments) > 1:
    sys.exit(f"{path}: PyTorch ran with different environments "
             f"{sorted(torch_environments)}; summarise them from separate files")

print("| cell | mode | PyTorch median | Swift median | ratio of medians | ratio per round |")
print("|---|---|---:|---:|---:|---|")
for cell in ("lstm", "gru", "rnn"):
    for mode in ("train", "infer"):
        torch_runs = dict(runs[(cell, mode, "torch")])
        swift_runs = dict(runs[(cell, mode, "swift")])
        if not torch_runs or not swift_runs:
            continue
        torch_median = statistics.median(torch_runs.values())
        swift_median = statistics.median(swift_runs.values())
        per_round = [f"{swift_runs[r] / torch_runs[r]:.2f}"
                     for r in sorted(torch_runs) if r in swift_runs]
        print(f"| {cell} | {mode} | {torch_median:,.0f} | {swift_median:,.0f} | "
              f"{swift_median / torch_median:.2f}x | {', '.join(per_round)} |")

environment = next(iter(torch_environments), "")
print(f"\nPyTorch environment: {environment or 'as installed (no variables set)'}")
