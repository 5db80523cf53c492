#!/usr/bin/env python3
"""Summarise a tools/gpu/check.sh run: reads OUT/steps/ and writes OUT/check.json and OUT/timings.md.

check.json: the steps (command, exit code or 'skipped'/'dry', seconds, last lines), the libraries found, the
kit, the `info` lines, the parity suite's counts, and the timing rows (engine with cuDNN, engine with its own
kernels, PyTorch; best milliseconds and the ratios to PyTorch). timings.md: the same rows as a Markdown table.
Usage: python3 tools/gpu/report.py OUT [--dry 0|1] [--kit DIR] [--seconds S]
"""
import argparse
import glob
import json
import os
import re

CONFIGS = {"timing-cudnn": "cudnn", "timing-own-kernels": "own", "timing-torch": "torch",
           "timing-cpu-engine": "engine_cpu", "timing-cpu-torch": "torch_cpu"}
COUNT = re.compile(r"\[\s*(\d+) (tests|containers) (\w+)\s*\]")


def read(path, default=""):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return default


def steps(out):
    result = []
    for cmd in sorted(glob.glob(os.path.join(out, "steps", "*.cmd"))):
        base = cmd[:-4]
        rc = read(base + ".rc", "?").strip()
        log = read(base + ".log")
        result.append({"name": os.path.basename(base).split("-", 1)[1], "command": read(cmd).strip(),
                       "status": int(rc) if rc.lstrip("-").isdigit() else rc,
                       "seconds": int(read(base + ".secs", "0").strip() or 0),
                       "log": log, "tail": log.splitlines()[-30:]})
    return result


def json_lines(text):
    rows = []
    for line in text.splitlines():
        if line.startswith("{"):
            try:
                rows.append(json.loads(line))
            except ValueError:
                pass
    return rows


def timings(all_steps):
    rows = {}
    about = {}
    for s in all_steps:
        config = CONFIGS.get(s["name"])
        if config is None:
            continue
        for r in json_lines(s["log"]):
            if "net" not in r:
                about[config] = r
                continue
            key = (r["net"], r["size"], r["batch"])
            rows.setdefault(key, {"net": r["net"], "size": r["size"], "batch": r["batch"]})[config + "_ms"] = \
                r["best_ms"]
            about.setdefault(config, {"device": r.get("device")})
    for row in rows.values():
        for engine in ("cudnn", "own", "engine_cpu"):
            torch = row.get(("torch_cpu" if engine == "engine_cpu" else "torch") + "_ms")
            if engine + "_ms" in row and torch:
                row[engine + "_over_torch"] = round(row[engine + "_ms"] / torch, 2)
    return list(rows.values()), about


def markdown(rows):
    cols = [("own_ms", "own kernels ms"), ("cudnn_ms", "cuDNN ms"), ("torch_ms", "PyTorch ms"),
            ("own_over_torch", "own / PyTorch"), ("cudnn_over_torch", "cuDNN / PyTorch"),
            ("engine_cpu_ms", "CPU engine ms"), ("torch_cpu_ms", "CPU PyTorch ms")]
    cols = [c for c in cols if any(c[0] in r for r in rows)]
    lines = ["| network | size | batch | " + " | ".join(c[1] for c in cols) + " |",
             "|---|---|---|" + "---|" * len(cols)]
    for r in sorted(rows, key=lambda r: (r["batch"], r["size"], r["net"])):
        lines.append(f"| {r['net']} | {r['size']}³ | {r['batch']} | "
                     + " | ".join(str(r.get(c[0], "–")) for c in cols) + " |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--dry", default="0")
    ap.add_argument("--kit", default="")
    ap.add_argument("--seconds", type=int, default=0)
    a = ap.parse_args()
    all_steps = steps(a.out)
    by_name = {s["name"]: s for s in all_steps}
    libraries = {}
    for line in by_name.get("libraries", {}).get("log", "").splitlines():
        m = re.match(r"library (\S+): (.*)", line)
        if m:
            libraries[m.group(1)] = m.group(2).split() if m.group(2) != "not found" else []
    parity = {f"{kind} {what}": int(n) for n, kind, what in COUNT.findall(by_name.get("parity-suite", {}).get("log", ""))}
    rows, about = timings(all_steps)
    report = {
        "dry": a.dry == "1",
        "seconds": a.seconds,
        "kit": read(os.path.join(a.kit, "kit.txt")).splitlines() if a.kit else [],
        "libraries": libraries,
        "info": by_name.get("info", {}).get("log", "").splitlines(),
        "parity_suite": parity,
        "timings": rows,
        "timing_setups": about,
        "steps": [{k: v for k, v in s.items() if k != "log"} for s in all_steps],
    }
    with open(os.path.join(a.out, "check.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    table = markdown(rows) if rows else "(no timings)\n"
    with open(os.path.join(a.out, "timings.md"), "w", encoding="utf-8") as f:
        f.write(table)
    print("== summary")
    for s in all_steps:
        print(f"  {s['name']:28s} {str(s['status']):8s} {s['seconds']:4d}s")
    if parity:
        print("  parity suite: " + ", ".join(f"{k} {v}" for k, v in parity.items() if v))
    print(table, end="")
    print(f"wrote {os.path.join(a.out, 'check.json')} and timings.md")


if __name__ == "__main__":
    main()
