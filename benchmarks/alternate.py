#!/usr/bin/env python3
"""A/B timing of walkforward builds: runs `bench train` of each binary in turn, round after
round, and prints the median, fastest and slowest training throughput of each. Alternating
keeps the shared host's slow and quiet spells from favouring one build.

    python3 benchmarks/alternate.py ROUNDS BINARY[@VAR=VALUE,...] ...

The shape defaults to one core's share of the default benchmark (one thread, batch 32,
2048 samples, 4 epochs); CELL, THREADS, BATCH and SAMPLES in the environment change it.
`@VAR=VALUE` after a binary sets environment variables for that binary's runs only.
Copy the build under test somewhere first, e.g. `cp .build/release/walkforward /tmp/wf-a`.
"""
import json
import os
import statistics
import subprocess
import sys


def run(binary, extra_env):
    env = dict(os.environ, **extra_env)
    command = [
        binary, "bench", "train",
        "--cell", env.get("CELL", "lstm"),
        "--threads", env.get("THREADS", "1"),
        "--batch", env.get("BATCH", "32"),
        "--samples", env.get("SAMPLES", "2048"),
        "--epochs", "4",
    ]
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return json.loads(output.stdout)["train_windows_per_s"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    builds = []
    for argument in sys.argv[2:]:
        binary, _, settings = argument.partition("@")
        extra_env = dict(item.split("=", 1) for item in settings.split(",") if item)
        builds.append((argument, binary, extra_env))
    results = {argument: [] for argument, _, _ in builds}
    for _ in range(rounds):
        for argument, binary, extra_env in builds:
            results[argument].append(run(binary, extra_env))
    for argument, values in results.items():
        print(f"{argument:40s} median {statistics.median(values):8.0f}  "
              f"max {max(values):8.0f}  min {min(values):8.0f}  windows/s")


if __name__ == "__main__":
    main()
