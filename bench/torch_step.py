"""PyTorch twins of `cryoetgan-cli time-step`: one full CycleWGAN training step and one CB3D classifier epoch.

The step mirrors gan/train/CycleWganTrainer.trainStep for the configuration of gan/timing/StepSettings: the
paper's generators (c7s1-w, d2w, d4w, 6 residual blocks, one noise channel, two stride-2 transposed convolutions,
c7s1-1 with tanh), critics of three 4^3 convolutions (stride 1 or 2, padding 1, instance norm on all but the first,
LeakyReLU 0.2) and a final 4^3 convolution to one channel, spectral norm on every critic convolution (one power
iteration per training forward), density noise 0.2, cycle weight 10, RMSProp lr 5e-4, Wasserstein loss with
weight clipping at 0.01 or WGAN-GP (weight 10, no clipping). As in the trainer (and CycleGAN's
set_requires_grad), the critics' weights need no gradient during the generator update. The epoch mirrors gan/timing/Cb3dEpochTimer:
CB3D with batch norm, base 64, fc 4096, Nesterov SGD (lr 0.005, momentum 0.9), batch 8, noise volumes.

Prints one JSON line per run, as StepTiming.toJson (peak memory as the process's maximum resident set size).
"""
import json
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def _block(*layers):
    return nn.Sequential(*layers)


class ResidualBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.body = _block(nn.ReflectionPad3d(1), nn.Conv3d(c, c, 3), nn.InstanceNorm3d(c), nn.ReLU(),
                           nn.ReflectionPad3d(1), nn.Conv3d(c, c, 3), nn.InstanceNorm3d(c))

    def forward(self, x):
        return x + self.body(x)


class Generator(nn.Module):
    def __init__(self, w, blocks=6, noise=1):
        super().__init__()
        self.noise = noise
        self.encoder = _block(nn.ReflectionPad3d(3), nn.Conv3d(1, w, 7), nn.InstanceNorm3d(w), nn.ReLU(),
                              nn.Conv3d(w, 2 * w, 3, 2, 1), nn.InstanceNorm3d(2 * w), nn.ReLU(),
                              nn.Conv3d(2 * w, 4 * w, 3, 2, 1), nn.InstanceNorm3d(4 * w), nn.ReLU(),
                              *[ResidualBlock(4 * w) for _ in range(blocks)])
        self.decoder = _block(nn.ConvTranspose3d(4 * w + noise, 2 * w, 3, 2, 1, 1), nn.InstanceNorm3d(2 * w),
                              nn.ReLU(), nn.ConvTranspose3d(2 * w, w, 3, 2, 1, 1), nn.InstanceNorm3d(w), nn.ReLU(),
                              nn.ReflectionPad3d(3), nn.Conv3d(w, 1, 7), nn.Tanh())

    def forward(self, x):
        h = self.encoder(x)
        h = torch.cat([h, torch.randn(h.shape[0], self.noise, *h.shape[2:])], 1)
        return self.decoder(h)


def critic(w, stride, layers=3):
    sn = nn.utils.spectral_norm
    mods, cin = [], 1
    for i in range(layers):
        cout = w << min(i, 3)
        mods.append(sn(nn.Conv3d(cin, cout, 4, stride, 1)))
        if i > 0:
            mods.append(nn.InstanceNorm3d(cout))
        mods.append(nn.LeakyReLU(0.2))
        cin = cout
    mods.append(sn(nn.Conv3d(cin, 1, 4, 1, 1)))
    return nn.Sequential(*mods)


def gradient_penalty(d, real, fake):
    eps = torch.rand(real.shape[0], 1, 1, 1, 1)
    mixed = (eps * (real - fake) + fake).requires_grad_(True)
    g, = torch.autograd.grad(d(mixed).sum(), mixed, create_graph=True)
    norms = (g.pow(2).flatten(1).sum(1) + 1e-12).sqrt()
    return (norms - 1).pow(2).mean()


def step_runner(a):
    torch.manual_seed(1)
    g_ds, g_sd = Generator(a.width), Generator(a.width)
    d_a, d_b = critic(a.critic_width, a.critic_stride), critic(a.critic_width, a.critic_stride)
    gp = a.loss == "wgan-gp"
    opt_g = torch.optim.RMSprop(list(g_ds.parameters()) + list(g_sd.parameters()), lr=5e-4, alpha=0.99, eps=1e-8)
    d_params = list(d_a.parameters()) + list(d_b.parameters())
    opt_d = torch.optim.RMSprop(d_params, lr=5e-4, alpha=0.99, eps=1e-8)
    vols_d = torch.randn(8, 1, a.box, a.box, a.box)
    vols_s = torch.randn(8, 1, a.box, a.box, a.box)
    counter = [0]

    def batch(v):
        i = [(counter[0] * a.batch + b) % v.shape[0] for b in range(a.batch)]
        return v[i].clone()

    def step():
        real_d = batch(vols_d)
        real_d = real_d + 0.2 * torch.randn_like(real_d)
        real_s = batch(vols_s)
        counter[0] += 1
        for p in d_params:
            p.requires_grad_(False)
        opt_g.zero_grad()
        fake_s = g_ds(real_d)
        rec_d = g_sd(fake_s)
        fake_d = g_sd(real_s)
        rec_s = g_ds(fake_d)
        adv_a = -d_a(fake_s).mean()
        adv_b = -d_b(fake_d).mean()
        cyc_d = (rec_d - real_d).abs().mean()
        cyc_s = (rec_s - real_s).abs().mean()
        loss_g = adv_a + adv_b + (cyc_d + cyc_s) * 10
        [t.item() for t in (loss_g, adv_a, adv_b, cyc_d, cyc_s)]
        loss_g.backward()
        for p in d_params:
            p.requires_grad_(True)
        opt_g.step()
        opt_d.zero_grad()
        fs, fd = fake_s.detach(), fake_d.detach()
        on_real_s, on_fake_s, on_real_d, on_fake_d = d_a(real_s), d_a(fs), d_b(real_d), d_b(fd)
        loss_a = on_fake_s.mean() - on_real_s.mean()
        loss_b = on_fake_d.mean() - on_real_d.mean()
        [t.item() for t in (loss_a, loss_b, on_real_s.mean() - on_fake_s.mean(), on_real_d.mean() - on_fake_d.mean())]
        loss_d = loss_a + loss_b
        if gp:
            gp_a, gp_b = gradient_penalty(d_a, real_s, fs), gradient_penalty(d_b, real_d, fd)
            [t.item() for t in (gp_a, gp_b)]
            loss_d = loss_d + (gp_a + gp_b) * 10
        loss_d.backward()
        opt_d.step()
        if not gp:
            with torch.no_grad():
                for p in d_params:
                    p.clamp_(-0.01, 0.01)

    label = f"step box={a.box} width={a.width} critic={a.critic_width} s{a.critic_stride} b{a.batch} {a.loss}"
    return label, step


def cb3d(box, classes=2, base=64, fc=4096):
    mods, cin, size = [], 1, box
    for mult, convs in [(1, 1), (2, 1), (4, 2), (8, 2), (8, 2)]:
        for _ in range(convs):
            mods += [nn.Conv3d(cin, mult * base, 3, 1, 1, bias=False), nn.BatchNorm3d(mult * base), nn.ReLU()]
            cin = mult * base
        if size >= 2:
            mods.append(nn.MaxPool3d(2, 2))
            size //= 2
    return nn.Sequential(*mods, nn.Flatten(), nn.Linear(cin * size ** 3, fc), nn.ReLU(), nn.Dropout(0.0),
                         nn.Linear(fc, fc), nn.ReLU(), nn.Dropout(0.0), nn.Linear(fc, classes))


def epoch_runner(a):
    torch.manual_seed(1)
    net = cb3d(a.box)
    net.train()
    opt = torch.optim.SGD(net.parameters(), lr=0.005, momentum=0.9, nesterov=True)
    vols = torch.randn(a.volumes, 1, a.box, a.box, a.box)
    labels = torch.arange(a.volumes) % 2
    batch = a.batch or 8

    def epoch():
        order = torch.randperm(a.volumes)
        for s in range(0, a.volumes, batch):
            idx = order[s:s + batch]
            logits = net(vols[idx])
            loss = F.cross_entropy(logits, labels[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss.item()
            logits.argmax(1).tolist()

    return f"cb3d epoch box={a.box} n={a.volumes} b{batch}", epoch


def run(a):
    """Runs a.warmup + a.steps repetitions of the step (or, with a.cb3d, the epoch); returns the JSON object."""
    label, fn = (epoch_runner if a.cb3d else step_runner)(a)
    for _ in range(a.warmup):
        fn()
    ms = []
    for _ in range(a.steps):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1e3)
    s = sorted(ms)
    n = len(s)
    median = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"label": label, "median_ms": median, "max_ms": max(ms), "ms": ms, "peak_rss_bytes": rss,
            "torch": torch.__version__, "threads": torch.get_num_threads()}


def add_arguments(ap):
    ap.add_argument("--box", type=int, default=28)
    ap.add_argument("--width", type=int, default=16)
    ap.add_argument("--critic-width", type=int, default=32)
    ap.add_argument("--critic-stride", type=int, default=2)
    ap.add_argument("--batch", type=int, default=None)
    ap.add_argument("--loss", default="wasserstein", choices=["wasserstein", "wgan-gp"])
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--cb3d", action="store_true")
    ap.add_argument("--volumes", type=int, default=64)
    ap.add_argument("--json", help="append the JSON line to this file")


def main(a):
    if a.batch is None and not a.cb3d:
        a.batch = 1
    r = run(a)
    line = json.dumps(r)
    print(line, flush=True)
    if a.json:
        with open(a.json, "a") as f:
            f.write(line + "\n")
