#!/usr/bin/python3
"""The markdown table of bench/step_table.sh from the JSON lines of `time-step` (ours) and torch_step.py (torch).

Rows are matched by label; with several rounds of a configuration the medians are taken over all of its runs.
The fraction of the fp32 peak counts the convolution FLOPs of one step (forward, backward-data and
backward-weight, as the engine's ProfilingBackend counts them; PyTorch does the same convolutions) over the
median time. PEAK_GFLOPS (environment) is the machine's fp32 peak; the default, 236.8, is 2 cores x 32 FLOP per
cycle (two 256-bit FMA pipes, as Zen 4 runs AVX-512) x 3.7 GHz.
Usage: step_table.py ours.jsonl torch.jsonl
"""
import json
import os
import statistics
import sys


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                rows.setdefault(r["label"], []).append(r)
    return rows


def main(ours_path, torch_path):
    peak = float(os.environ.get("PEAK_GFLOPS", "236.8"))
    ours, torch = load(ours_path), load(torch_path)
    print("| config | ours median | ours max/median | torch median | torch max/median | ours/torch"
          " | ours peak heap | torch peak RSS | ours % fp32 peak | torch % fp32 peak |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, runs in ours.items():
        o_ms = [m for r in runs for m in r["ms"]]
        o_med = statistics.median(o_ms)
        flops = runs[0]["conv_flops"]
        heap = max(r["peak_heap_bytes"] for r in runs)
        t_runs = torch.get(label)
        if t_runs:
            t_ms = [m for r in t_runs for m in r["ms"]]
            t_med = statistics.median(t_ms)
            rss = max(r["peak_rss_bytes"] for r in t_runs)
            t_cols = (f"{t_med / 1e3:.2f} s | {max(t_ms) / t_med:.2f} | {o_med / t_med:.2f} | {heap / 1e6:.0f} MB"
                      f" | {rss / 1e6:.0f} MB | {100 * flops / (o_med * 1e6) / peak:.1f} |"
                      f" {100 * flops / (t_med * 1e6) / peak:.1f} |")
        else:
            t_cols = (f"— | — | — | {heap / 1e6:.0f} MB | — | {100 * flops / (o_med * 1e6) / peak:.1f} | — |")
        print(f"| {label} | {o_med / 1e3:.2f} s | {max(o_ms) / o_med:.2f} | {t_cols}")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
