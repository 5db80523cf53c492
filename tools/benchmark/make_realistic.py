#!/usr/bin/python3
"""Builds the realistic benchmark data set: clean density maps (domain D) and subtomograms made with RELION (S).

The subtomograms come from third-party software, independent of the project's own simulator: for each particle a
sharp specimen map (8 Å, random orientation and a small shift, sometimes a faint neighbour near the edge) in a box
twice the subtomogram size is projected with `relion_project --ctf` over a tilt series (±60° every 3°, 300 kV,
Cs 2.7 mm, 7% amplitude contrast, a random defocus per particle), Gaussian noise is added to the projections at a
random SNR (signal variance / noise variance of the tilt images), `relion_reconstruct` rebuilds the volume without
CTF correction, and its centre is cropped, so noise fills the corners as in a subtomogram cut from a tomogram.
D holds 20 Å maps of the same classes from other random orientations (`density`).

    /usr/bin/python3 tools/benchmark/make_realistic.py --out data/realistic28          # 7 classes, 28³ at 9.4 Å
    /usr/bin/python3 tools/benchmark/make_realistic.py --out data/realistic40 --box 40

Writes OUT/D, OUT/S-train and OUT/S-test (MRC volumes and a labels.csv each, read by `train`, `classifier`,
`evaluate` and `benchmark`), and OUT/stats.json (missing-wedge power ratio, measured SNR of the reconstructions
against noise-free ones, parameter ranges). Deterministic from --seed. Needs relion (Debian `relion`),
python3-numpy and python3-mrcfile, and the built CLI jar.
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

import mrcfile
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VOLTAGE_KV, CS_MM, AMPLITUDE_CONTRAST = 300, 2.7, 0.07


def parse_range(text, name):
    parts = [float(p) for p in text.split(":")]
    if len(parts) == 1:
        parts = parts * 2
    if len(parts) != 2 or parts[0] > parts[1] or not all(np.isfinite(parts)):
        sys.exit(f"--{name}: expected MIN:MAX with MIN <= MAX, got '{text}'")
    return parts


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stdout[-2000:]}")
    return p.stdout


def density(jar, out, per_model, box, voxel, resolution, seed, max_shift=0.0):
    """Maps of the seven bundled models (`density --demo all`; gan/src/main/resources/org/cryoetgan/gan/demo/)."""
    cmd = ["java", "-jar", jar, "density", "--demo", "all", "--per-model", str(per_model),
           "--box", str(box), "--voxel", str(voxel), "--resolution", str(resolution), "--seed", str(seed),
           "--out", out]
    if max_shift > 0:
        cmd += ["--max-shift", str(max_shift)]
    run(cmd)
    with open(os.path.join(out, "labels.csv"), newline="") as f:
        return list(csv.DictReader(f))


def read(path):
    with mrcfile.open(path, permissive=True) as m:
        return np.asarray(m.data, dtype=np.float32).copy()


def write(path, data, voxel, dtype=np.float32):
    """Writes an MRC file: mode 2 (float32) or, with dtype float16, mode 12; gzipped when the name ends in .gz."""
    with mrcfile.new(path, overwrite=True, compression="gzip" if path.endswith(".gz") else None) as m:
        m.set_data(np.ascontiguousarray(data, dtype=dtype))
        m.voxel_size = voxel


def star(path, image_size, voxel, tilts, defocus_a, images=None):
    rows = ["data_optics", "loop_", "_rlnOpticsGroup #1", "_rlnOpticsGroupName #2", "_rlnVoltage #3",
            "_rlnSphericalAberration #4", "_rlnAmplitudeContrast #5", "_rlnImagePixelSize #6", "_rlnImageSize #7",
            "_rlnImageDimensionality #8",
            f"1 opticsGroup1 {VOLTAGE_KV} {CS_MM} {AMPLITUDE_CONTRAST} {voxel} {image_size} 2", "",
            "data_particles", "loop_", "_rlnAngleRot #1", "_rlnAngleTilt #2", "_rlnAnglePsi #3",
            "_rlnOriginXAngst #4", "_rlnOriginYAngst #5", "_rlnDefocusU #6", "_rlnDefocusV #7",
            "_rlnDefocusAngle #8", "_rlnOpticsGroup #9"]
    if images:
        rows.append("_rlnImageName #10")
    for i, t in enumerate(tilts):
        row = f"0 {t:.3f} 0 0 0 {defocus_a:.1f} {defocus_a:.1f} 0 1"
        rows.append(row + (f" {i + 1:06d}@{images}" if images else ""))
    with open(path, "w") as f:
        f.write("\n".join(rows) + "\n")


def reconstruct(work, stack, voxel, tilts, defocus_a, name):
    n = stack.shape[-1]
    write(os.path.join(work, name + ".mrcs"), stack, voxel)
    star(os.path.join(work, name + ".star"), n, voxel, tilts, defocus_a, images=name + ".mrcs")
    run(["relion_reconstruct", "--i", name + ".star", "--o", name + ".mrc", "--angpix", str(voxel)], cwd=work)
    return read(os.path.join(work, name + ".mrc"))


def crop(v, box):
    n = v.shape[0]
    a = (n - box) // 2
    return v[a:a + box, a:a + box, a:a + box]


def particle(job):
    """Makes one subtomogram; returns its label row extras and, when asked, the noise-free reconstruction SNR."""
    work = tempfile.mkdtemp(prefix="realistic-")
    try:
        rng = np.random.default_rng(job["seed"])
        spec = read(job["spec"])
        neighbour = None
        if job["neighbour"] is not None:
            other = read(job["neighbour"])
            n = spec.shape[0]
            direction = rng.normal(size=3)
            direction /= np.linalg.norm(direction)
            offset = np.round(direction * (job["box"] / 2 + rng.uniform(1, 5))).astype(int)
            shifted = np.zeros_like(other)
            src = [slice(max(0, -o), n - max(0, o)) for o in offset]
            dst = [slice(max(0, o), n - max(0, -o)) for o in offset]
            shifted[tuple(dst)] = other[tuple(src)]
            weight = rng.uniform(0.3, 0.6)
            spec = spec + weight * shifted
            neighbour = (weight, offset.tolist())
        write(os.path.join(work, "spec.mrc"), spec, job["voxel"])
        star(os.path.join(work, "ang.star"), spec.shape[0], job["voxel"], job["tilts"], job["defocus_a"])
        run(["relion_project", "--i", "spec.mrc", "--o", "proj", "--ctf", "--angpix", str(job["voxel"]),
             "--ang", "ang.star"], cwd=work)
        clean = read(os.path.join(work, "proj.mrcs")).astype(np.float64)
        noise_std = np.sqrt(clean.var() / job["snr"])
        noisy = clean + rng.normal(0.0, noise_std, clean.shape)
        volume = crop(reconstruct(work, noisy, job["voxel"], job["tilts"], job["defocus_a"], "noisy"), job["box"])
        write(job["out"], volume, job["voxel"], np.float16 if job["float16"] else np.float32)
        result = {"noise_std": float(noise_std), "neighbour": neighbour}
        if job["check"]:
            ref = crop(reconstruct(work, clean, job["voxel"], job["tilts"], job["defocus_a"], "clean"), job["box"])
            result["volume_snr"] = float(ref.var() / (volume - ref).var())
            result["wedge_ratio"] = wedge_ratio(volume - ref)
            result["wedge_ratio_signal"] = wedge_ratio(ref)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def wedge_ratio(v, tilt_max=60.0):
    """Mean Fourier power inside the missing wedge (tilts about y, beam along z) over the power outside it."""
    n = v.shape[0]
    power = np.abs(np.fft.fftshift(np.fft.fftn(v))) ** 2
    k = np.arange(n) - n // 2
    kz, ky, kx = np.meshgrid(k, k, k, indexing="ij")
    radius = np.sqrt(kx ** 2 + ky ** 2 + kz ** 2)
    band = (radius > 2) & (radius < n // 2)
    # Sampled directions make an angle of at most tilt_max with the x axis in the x–z plane; the wedge is the rest.
    slope = np.tan(np.radians(tilt_max))
    inside = band & (np.abs(kz) > np.abs(kx) * slope + 1)
    outside = band & (np.abs(kz) < np.abs(kx) * slope - 1)
    return float(power[inside].mean() / power[outside].mean())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="output folder (must not exist or be empty, unless --overwrite)")
    ap.add_argument("--overwrite", action="store_true")
    ap.add_argument("--box", type=int, default=28)
    ap.add_argument("--voxel", type=float, default=9.4)
    ap.add_argument("--train", type=int, default=100, help="S-train subtomograms per class")
    ap.add_argument("--test", type=int, default=50, help="S-test subtomograms per class")
    ap.add_argument("--density", type=int, default=100, help="D maps per class")
    ap.add_argument("--snr", default="0.3:0.7")
    ap.add_argument("--defocus", default="3:5", help="underfocus range in µm")
    ap.add_argument("--neighbours", type=float, default=0.2, help="fraction of particles with a faint neighbour")
    ap.add_argument("--specimen-resolution", type=float, default=8.0)
    ap.add_argument("--map-resolution", type=float, default=20.0)
    ap.add_argument("--check", type=int, default=20, help="particles whose noise-free reconstruction is measured")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--float16", action="store_true", help="write the subtomograms as MRC mode 12 (half precision)")
    ap.add_argument("--gzip", action="store_true", help="write the subtomograms gzipped (.mrc.gz)")
    ap.add_argument("--jar", default=os.path.join(ROOT, "cli", "target", "cryoetgan-cli.jar"))
    a = ap.parse_args()
    snr = parse_range(a.snr, "snr")
    defocus = parse_range(a.defocus, "defocus")
    if a.box < 8 or a.box % 4:
        sys.exit(f"--box: must be a multiple of 4 and at least 8, got {a.box}")
    for name in ("train", "test", "density", "jobs"):
        if getattr(a, name) < 1:
            sys.exit(f"--{name}: must be at least 1, got {getattr(a, name)}")
    if not 0 <= a.neighbours <= 1 or snr[0] <= 0 or defocus[0] <= 0:
        sys.exit("--neighbours must be in [0, 1], --snr and --defocus positive")
    if not os.path.exists(a.jar):
        sys.exit(f"{a.jar}: no CLI jar (build it: ./mvnw -B -ntp -DskipTests package)")
    for tool in ("relion_project", "relion_reconstruct"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool}: not found (install the Debian package relion)")
    if os.path.exists(a.out) and os.listdir(a.out):
        if not a.overwrite:
            sys.exit(f"{a.out}: exists and is not empty (use --overwrite)")
        shutil.rmtree(a.out)
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    density(a.jar, os.path.join(a.out, "D"), a.density, a.box, a.voxel, a.map_resolution, a.seed)
    specimens = os.path.join(a.out, "specimens")
    spec_rows = density(a.jar, specimens, a.train + a.test, 2 * a.box, a.voxel, a.specimen_resolution,
                        a.seed + 1000003, max_shift=2 * a.voxel)
    rng = np.random.default_rng(a.seed)
    tilts = [float(t) for t in np.arange(-60, 60.001, 3)]
    jobs, rows = [], []
    per_class = {}
    for i, row in enumerate(spec_rows):
        j = per_class.get(row["label"], 0)
        per_class[row["label"]] = j + 1
        split = "S-train" if j < a.train else "S-test"
        os.makedirs(os.path.join(a.out, split), exist_ok=True)
        name = f"{row['label']}_{j:04d}.mrc" + (".gz" if a.gzip else "")
        other = int(rng.integers(len(spec_rows))) if rng.random() < a.neighbours else None
        job = {"spec": os.path.join(specimens, row["file"]), "out": os.path.join(a.out, split, name),
               "neighbour": None if other is None or other == i else os.path.join(specimens, spec_rows[other]["file"]),
               "snr": float(rng.uniform(*snr)), "defocus_a": float(rng.uniform(*defocus)) * 1e4,
               "tilts": tilts, "voxel": a.voxel, "box": a.box, "seed": int(rng.integers(2 ** 62)), "float16": a.float16,
               "check": i % max(1, len(spec_rows) // max(a.check, 1)) == 0 if a.check > 0 else False}
        jobs.append(job)
        rows.append((split, name, row, job))
    results = []
    with ProcessPoolExecutor(max_workers=a.jobs) as pool:
        for k, res in enumerate(pool.map(particle, jobs, chunksize=4)):
            results.append(res)
            if (k + 1) % 50 == 0 or k + 1 == len(jobs):
                print(f"{k + 1}/{len(jobs)} subtomograms, {time.time() - t0:.0f} s", flush=True)
    columns = ["file", "label", "class", "source", "rot", "tilt", "psi", "shift_x_A", "shift_y_A", "shift_z_A",
               "snr", "defocus_um", "neighbour_weight"]
    for split in ("S-train", "S-test"):
        with open(os.path.join(a.out, split, "labels.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(columns)
            for (s, name, row, job), res in zip(rows, results):
                if s == split:
                    w.writerow([name, row["label"], row["class"], row["source"], row["rot"], row["tilt"], row["psi"],
                                row["shift_x_A"], row["shift_y_A"], row["shift_z_A"], f"{job['snr']:.4f}",
                                f"{job['defocus_a'] / 1e4:.4f}",
                                f"{res['neighbour'][0]:.3f}" if res["neighbour"] else "0"])
    checked = [r for r in results if "volume_snr" in r]
    stats = {
        "classes": sorted(per_class), "box": a.box, "voxel_A": a.voxel, "seed": a.seed,
        "map_resolution_A": a.map_resolution, "specimen_resolution_A": a.specimen_resolution,
        "subtomogram_mode": 12 if a.float16 else 2,
        "counts": {"D": a.density * len(per_class), "S-train": a.train * len(per_class),
                   "S-test": a.test * len(per_class)},
        "tilt_series_deg": [tilts[0], tilts[-1], 3.0], "snr_range": snr, "defocus_um_range": defocus,
        "neighbour_fraction": float(np.mean([r["neighbour"] is not None for r in results])),
        "checked_particles": len(checked),
        "projection_snr_mean": float(np.mean([j["snr"] for j in jobs])),
        "volume_snr_mean": float(np.mean([r["volume_snr"] for r in checked])) if checked else None,
        "noise_wedge_power_ratio": float(np.mean([r["wedge_ratio"] for r in checked])) if checked else None,
        "signal_wedge_power_ratio": float(np.mean([r["wedge_ratio_signal"] for r in checked])) if checked else None,
        "minutes": (time.time() - t0) / 60,
    }
    with open(os.path.join(a.out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=2)
    shutil.rmtree(specimens)
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
