#!/usr/bin/python3
"""Compare the engine's CPU convolutions and whole networks with PyTorch on this machine.

Runs the Java LayerTable and NetworkTiming (JSON output) in a subprocess, times the same convolution shapes
(forward, backward-data, backward-weight, via aten.convolution_backward) and the same generator / critic
forward+backward in PyTorch with the same thread count, and prints per-shape tables with time ratios
(java / torch: < 1 means the engine is faster). Timings are best-of-N after warm-up; check the load first. For the
whole networks the best process CPU time (core-ms over all threads) is reported too: on a loaded machine it is
steadier than the wall clock.

Usage: /usr/bin/python3 bench/compare_pytorch.py [--threads 2] [--quick] [--only SUBSTR] [--critic-stride 0|1|2]
                                                [--skip-layers] [--skip-nets] [--nets generator,critic1,critic2]
       /usr/bin/python3 bench/compare_pytorch.py --step [--threads 2] [--box 28 --width 16 --critic-width 32
                                                --critic-stride 2 --batch 1 --loss wasserstein|wgan-gp --steps 10
                                                --warmup 3 | --cb3d --volumes 64] [--json OUT]
           PyTorch's side of `cryoetgan-cli time-step` alone (bench/torch_step.py; bench/step_table.sh runs both).
Needs bench/target/benchmarks.jar (./mvnw -pl engine,nn,bench -am package -DskipTests) and python3-torch.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "target", "benchmarks.jar")


def java(cls, args, threads):
    cmd = ["java", "--add-modules", "jdk.incubator.vector", "-Xmx12g", "-XX:+UseParallelGC",
           f"-Dcryoetgan.threads={threads}", "-cp", JAR, cls] + args
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def best_of(fn, budget, min_runs=3, max_runs=20):
    warm_until = time.perf_counter() + budget / 2
    fn()
    while time.perf_counter() < warm_until:
        fn()
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or (len(times) < max_runs and time.perf_counter() - start < budget):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[0], times[len(times) // 2]


def torch_layer(geo, budget):
    cin, cout = geo["cin"], geo["cout"]
    x = torch.randn(1, cin, *geo["in"])
    w = torch.randn(cout, cin, *geo["k"])
    s, p, d = geo["s"], geo["p"], geo["d"]
    y = F.conv3d(x, w, None, s, p, d)
    gy = torch.randn_like(y)
    bw = torch.ops.aten.convolution_backward
    return {
        "fwd": best_of(lambda: F.conv3d(x, w, None, s, p, d), budget),
        "bwdData": best_of(lambda: bw(gy, x, w, None, s, p, d, False, [0, 0, 0], 1, [True, False, False]), budget),
        "bwdWeight": best_of(lambda: bw(gy, x, w, None, s, p, d, False, [0, 0, 0], 1, [False, True, False]), budget),
    }


def generator_net(device="cpu"):
    """The generator's parameters and forward function (any batch; the noise channel is drawn per call)."""
    g = torch.Generator(device=device).manual_seed(7)

    def conv(cout, cin, k):
        return (torch.randn(cout, cin, k, k, k, generator=g, device=device) / (cin * k ** 3) ** 0.5).requires_grad_(), \
               (torch.randn(cout, generator=g, device=device) * 0.01).requires_grad_()

    c1, d1, d2 = conv(32, 1, 7), conv(64, 32, 3), conv(128, 64, 3)
    res = [conv(128, 128, 3) for _ in range(12)]
    u1, u2 = conv(129, 64, 3), conv(64, 32, 3)  # transposed: C_in x C_out x k^3 (bias sized C_out below)
    u1 = (u1[0], torch.zeros(64, requires_grad=True, device=device))
    u2 = (u2[0], torch.zeros(32, requires_grad=True, device=device))
    c2 = conv(1, 32, 7)
    params = [t for pair in [c1, d1, d2, *res, u1, u2, c2] for t in pair]
    norm = lambda t: F.instance_norm(t, eps=1e-5)
    refl = lambda t, q: F.pad(t, (q,) * 6, mode="reflect")

    def forward(x):
        h = norm(F.conv3d(refl(x, 3), *c1)).relu()
        h = norm(F.conv3d(h, *d1, stride=2, padding=1)).relu()
        h = norm(F.conv3d(h, *d2, stride=2, padding=1)).relu()
        for i in range(0, 12, 2):
            r = norm(F.conv3d(refl(h, 1), *res[i])).relu()
            r = norm(F.conv3d(refl(r, 1), *res[i + 1]))
            h = h + r
        h = torch.cat([h, torch.randn(h.shape[0], 1, *h.shape[2:], device=device)], 1)
        h = norm(F.conv_transpose3d(h, *u1, stride=2, padding=1, output_padding=1)).relu()
        h = norm(F.conv_transpose3d(h, *u2, stride=2, padding=1, output_padding=1)).relu()
        return torch.tanh(F.conv3d(refl(h, 3), *c2))

    return params, forward


def critic_net(stride, device="cpu"):
    """The critic's parameters and forward function."""
    g = torch.Generator(device=device).manual_seed(7)

    def conv(cout, cin):
        return (torch.randn(cout, cin, 4, 4, 4, generator=g, device=device) / (cin * 64) ** 0.5).requires_grad_(), \
               (torch.randn(cout, generator=g, device=device) * 0.01).requires_grad_()

    a, b, c, d = conv(64, 1), conv(128, 64), conv(256, 128), conv(1, 256)
    norm = lambda t: F.instance_norm(t, eps=1e-5)

    def forward(x):
        h = F.leaky_relu(F.conv3d(x, *a, stride=stride, padding=1), 0.2)
        h = F.leaky_relu(norm(F.conv3d(h, *b, stride=stride, padding=1)), 0.2)
        h = F.leaky_relu(norm(F.conv3d(h, *c, stride=stride, padding=1)), 0.2)
        return F.conv3d(h, *d, padding=1)

    return [a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]], forward


def volumes(n, batch, device):
    return torch.randn(batch, 1, n, n, n, generator=torch.Generator(device=device).manual_seed(7), device=device)


def iteration(name, n, batch=1, device="cpu"):
    """One timed iteration, as NetworkTiming's: forward+backward of a network (loss = sum of the output), or one
    training step ('step': generator forward, the stride-2 critic on the generated and a real batch, WGAN loss
    mean D(fake) - mean D(real), backward through both, one Adam update of all parameters)."""
    x = volumes(n, batch, device)
    if name == "step":
        gp, gen = generator_net(device)
        dp, crit = critic_net(2, device)
        real = volumes(n, batch, device)
        opt = torch.optim.Adam(gp + dp, lr=1e-4)

        def step():
            opt.zero_grad()
            (crit(gen(x)).mean() - crit(real).mean()).backward()
            opt.step()

        return step
    _, net = generator_net(device) if name == "generator" else critic_net(1 if name == "critic1" else 2, device)
    return lambda: net(x).sum().backward()


def torch_net(name, n, runs, batch=1, device="cpu"):
    run = iteration(name, n, batch, device)
    sync = torch.cuda.synchronize if device.startswith("cuda") else (lambda: None)
    warm = 3 if name in ("critic1", "step") else 8
    times = []
    cpu = []
    for i in range(warm + runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        run()
        sync()
        if i >= warm:
            times.append((time.perf_counter() - t0) * 1e3)
            cpu.append((time.process_time() - c0) * 1e3)
    times.sort()
    return times[0], times[len(times) // 2], min(cpu)


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[:3]


def main():
    if "--step" in sys.argv[1:]:
        import torch_step
        sp = argparse.ArgumentParser()
        sp.add_argument("--step", action="store_true")
        sp.add_argument("--threads", type=int, default=2)
        torch_step.add_arguments(sp)
        sa = sp.parse_args()
        torch.set_num_threads(sa.threads)
        return torch_step.main(sa)
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--critic-stride", default="0")
    ap.add_argument("--skip-layers", action="store_true")
    ap.add_argument("--skip-nets", action="store_true")
    ap.add_argument("--nets", default="generator,critic1,critic2")
    ap.add_argument("--size", type=int, default=40)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    budget = 0.4 if a.quick else 2.0
    print(f"torch {torch.__version__}, {a.threads} threads; load average at start {' '.join(load())}")
    if not a.skip_layers:
        args = ["--json", "--threads", str(a.threads), "--critic-stride", a.critic_stride] + \
               (["--quick"] if a.quick else []) + (["--only", a.only] if a.only else [])
        rows = java("org.cryoetgan.bench.LayerTable", args, a.threads)
        print(f"(java layers done; load {' '.join(load())})")
        print(f"{'shape':34s} {'pass':9s} {'GFLOP':>7s} {'java ms':>9s} {'torch ms':>9s} {'java/torch':>10s}"
              f" {'java GF/s':>9s} {'torch GF/s':>10s}")
        cache = {}
        for r in rows:
            if "geometry" not in r:
                n = 1024
                a_ = torch.randn(n, n)
                b_ = torch.randn(n, n)
                t = best_of(lambda: a_ @ b_, budget)[0]
            else:
                key = json.dumps(r["geometry"], sort_keys=True)
                if key not in cache:
                    cache[key] = torch_layer(r["geometry"], budget)
                t = cache[key][r["pass"]][0]
            j = r["best_ms"]
            print(f"{r['name']:34s} {r['pass']:9s} {r['gflop']:7.3f} {j:9.2f} {t:9.2f} {j / t:10.2f}"
                  f" {r['gflop'] / j * 1e3:9.1f} {r['gflop'] / t * 1e3:10.1f}", flush=True)
    if not a.skip_nets:
        print(f"\nwhole networks at {a.size}^3, forward+backward (load {' '.join(load())})")
        print(f"{'net':10s} {'java best':>10s} {'java med':>9s} {'torch best':>10s} {'torch med':>9s} {'java/torch':>10s}"
              f" {'java cpu':>9s} {'torch cpu':>9s} {'cpu ratio':>9s}")
        for name in a.nets.split(","):
            j = java("org.cryoetgan.bench.NetworkTiming",
                     ["--json", "--net", name, "--size", str(a.size), "--runs", str(a.runs)], a.threads)[0]
            t = torch_net(name, a.size, min(a.runs, 3) if name == "critic1" else a.runs)
            print(f"{name:10s} {j['best_ms']:10.1f} {j['median_ms']:9.1f} {t[0]:10.1f} {t[1]:9.1f}"
                  f" {j['best_ms'] / t[0]:10.2f} {j['best_cpu_ms']:9.1f} {t[2]:9.1f} {j['best_cpu_ms'] / t[2]:9.2f}",
                  flush=True)
    print(f"load average at end {' '.join(load())}")


if __name__ == "__main__":
    sys.exit(main())
