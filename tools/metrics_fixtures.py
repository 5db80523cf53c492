#!/usr/bin/env python3
"""Regenerate the reference values used by the metrics tests (gan/src/test/resources/metrics/).

Run with Debian's Python, which has the packaged libraries:

    apt-get install -y python3-skimage python3-scipy python3-numpy python3-mpmath
    /usr/bin/python3 tools/metrics_fixtures.py

Written with scikit-image 0.19.3, SciPy 1.10.1 and NumPy 1.24.2 (Debian 12).

Independent references:
  * SSIM: skimage.metrics.structural_similarity itself (uniform 7^3 window by default;
    gaussian_weights=True for the 11^3, sigma 1.5 window), full=True for the map.
  * PRDC: a NumPy transcription of the formulas of Naeem et al. 2020 as the `prdc` package
    computes them (k-th neighbour radius = (k+1)-th smallest distance including the point
    itself, strict <). Distances computed exactly (differences, not the Gram trick).
  * FID: the pytorch-fid recipe with scipy.linalg.sqrtm on the product of the covariances, and an
    exact value from 40-digit mpmath: Tr sqrtm(S1 S2) = nuclear norm of Xc Yc^T / sqrt((n-1)(m-1)).
    (For singular covariances SciPy's sqrtm is off by ~2e-7 here: sqrt of round-off eigenvalues.)
  * Inception Score: the original (improved-GAN) recipe: splits [i*N//s, (i+1)*N//s),
    exp(mean KL(p(y|x) || p(y))) per split, mean and population std over the splits.
  * Wasserstein-1 between intensity samples: scipy.stats.wasserstein_distance.
  * Radial power spectrum: numpy.fft.fftn, |F|^2 / N averaged over shells round(|k|).

Every input is rounded to float32 before the reference is computed (the Java side reads
float32 volumes), then the reference is computed in float64.
"""
import os
import sys

import mpmath
import numpy as np
import scipy.linalg
import scipy.ndimage
import scipy.stats
from skimage.metrics import structural_similarity

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "gan", "src", "test", "resources", "metrics")


def write_volume(name, vol):
    """Raw little-endian float32, x fastest (numpy C order of a (nz, ny, nx) array)."""
    vol.astype("<f4").tofile(os.path.join(OUT, name))


def write_matrix(name, m):
    """Text: 'rows cols' then one row per line, values printed with 17 significant digits."""
    m = np.atleast_2d(m)
    with open(os.path.join(OUT, name), "w") as f:
        f.write("%d %d\n" % m.shape)
        for row in m:
            f.write(" ".join("%.17g" % v for v in row) + "\n")


def smooth_random(rng, shape, sigma):
    v = scipy.ndimage.gaussian_filter(rng.standard_normal(shape), sigma, mode="wrap")
    return (v / v.std()).astype(np.float32)


# ---------------------------------------------------------------- SSIM
def ssim_fixtures(rng, expected):
    # Non-cubic shape checks the axis order: numpy (nz, ny, nx) C order == x fastest.
    a = smooth_random(rng, (12, 14, 16), 1.5)
    b = (a + 0.5 * rng.standard_normal(a.shape)).astype(np.float32)
    write_volume("ssim_a_12x14x16.f32", a)
    write_volume("ssim_b_12x14x16.f32", b)
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    rng_ab = float(max(a64.max(), b64.max()) - min(a64.min(), b64.min()))
    expected["ssim.uniform7.range4"] = structural_similarity(a64, b64, data_range=4.0)
    expected["ssim.uniform7.range_joint"] = structural_similarity(a64, b64, data_range=rng_ab)
    expected["ssim.uniform5.range4"] = structural_similarity(a64, b64, data_range=4.0, win_size=5)
    expected["ssim.uniform7.population.range4"] = structural_similarity(
        a64, b64, data_range=4.0, use_sample_covariance=False)
    _, smap = structural_similarity(a64, b64, data_range=4.0, full=True)
    write_volume("ssim_map_uniform7_range4_12x14x16.f32", smap)  # float32 is plenty for a map check

    c = smooth_random(rng, (16, 16, 16), 2.0)
    d = (0.8 * c + 0.3 + 0.4 * rng.standard_normal(c.shape)).astype(np.float32)
    write_volume("ssim_c_16.f32", c)
    write_volume("ssim_d_16.f32", d)
    c64, d64 = c.astype(np.float64), d.astype(np.float64)
    expected["ssim.gaussian.sample.range6"] = structural_similarity(
        c64, d64, data_range=6.0, gaussian_weights=True)
    expected["ssim.gaussian.population.range6"] = structural_similarity(
        c64, d64, data_range=6.0, gaussian_weights=True, use_sample_covariance=False)
    expected["ssim.uniform7.range6.cd"] = structural_similarity(c64, d64, data_range=6.0)


# ---------------------------------------------------------------- PRDC
def pairwise(x, y):
    return np.sqrt(((x[:, None, :] - y[None, :, :]) ** 2).sum(-1))


def kth_radius(x, k):
    d = pairwise(x, x)
    idx = np.argpartition(d, k, axis=-1)[..., :k + 1]  # k+1 smallest, self included
    return np.take_along_axis(d, idx, axis=-1).max(axis=-1)


def prdc(real, fake, k):
    r_real = kth_radius(real, k)
    r_fake = kth_radius(fake, k)
    d_rf = pairwise(real, fake)
    inside_real = d_rf < r_real[:, None]
    precision = inside_real.any(axis=0).mean()
    recall = (d_rf < r_fake[None, :]).any(axis=1).mean()
    density = inside_real.sum(axis=0).mean() / k
    coverage = (d_rf.min(axis=1) < r_real).mean()
    return precision, recall, density, coverage


def prdc_fixtures(rng, expected):
    real = rng.standard_normal((60, 8)).astype(np.float32).astype(np.float64)
    fake = (rng.standard_normal((50, 8)) * 1.2 + 0.3).astype(np.float32).astype(np.float64)
    write_matrix("prdc_real_60x8.txt", real)
    write_matrix("prdc_fake_50x8.txt", fake)
    for k in (5, 3):
        p, r, de, c = prdc(real, fake, k)
        expected["prdc.k%d.precision" % k] = p
        expected["prdc.k%d.recall" % k] = r
        expected["prdc.k%d.density" % k] = de
        expected["prdc.k%d.coverage" % k] = c
    # Raw voxels: 30 real and 25 fake volumes of 6^3, flattened.
    rv = np.stack([smooth_random(rng, (6, 6, 6), 1.0).ravel() for _ in range(30)])
    fv = np.stack([(smooth_random(rng, (6, 6, 6), 0.6) * 1.3 + 0.2).ravel() for _ in range(25)])
    rv, fv = rv.astype(np.float32), fv.astype(np.float32)
    write_volume("prdc_voxels_real_30x216.f32", rv)
    write_volume("prdc_voxels_fake_25x216.f32", fv)
    p, r, de, c = prdc(rv.astype(np.float64), fv.astype(np.float64), 5)
    expected["prdc.voxels.k5.precision"] = p
    expected["prdc.voxels.k5.recall"] = r
    expected["prdc.voxels.k5.density"] = de
    expected["prdc.voxels.k5.coverage"] = c


# ---------------------------------------------------------------- FID
def fid_pytorch_recipe(x, y, eps=1e-6):
    mu1, mu2 = x.mean(0), y.mean(0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    diff = mu1 - mu2
    covmean, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
    if not np.isfinite(covmean).all():
        off = np.eye(s1.shape[0]) * eps
        covmean = scipy.linalg.sqrtm((s1 + off).dot(s2 + off))
    if np.iscomplexobj(covmean):
        if not np.allclose(np.diagonal(covmean).imag, 0, atol=1e-3):
            raise ValueError("imaginary component %g" % np.max(np.abs(covmean.imag)))
        covmean = covmean.real
    return diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean), s1, s2


def fid_exact(x, y):
    mpmath.mp.dps = 40
    xc, yc = x - x.mean(0), y - y.mean(0)
    n1, n2 = len(x) - 1, len(y) - 1
    X, Y = mpmath.matrix(xc.tolist()), mpmath.matrix(yc.tolist())
    nuclear = sum(mpmath.svd_r(X * Y.T, compute_uv=False))
    mean_term = mpmath.fsum((mpmath.mpf(a) - mpmath.mpf(b)) ** 2 for a, b in zip(x.mean(0), y.mean(0)))
    traces = mpmath.fsum(mpmath.mpf(v) ** 2 for v in xc.ravel()) / n1 + \
        mpmath.fsum(mpmath.mpf(v) ** 2 for v in yc.ravel()) / n2
    return mean_term + traces - 2 * nuclear / mpmath.sqrt(n1 * n2)


def fid_fixtures(rng, expected):
    a = rng.standard_normal((50, 6))
    mix = rng.standard_normal((6, 6)) * 0.5 + np.eye(6)
    x = (a @ mix).astype(np.float32).astype(np.float64)
    y = (rng.standard_normal((40, 6)) * 0.8 + 0.5).astype(np.float32).astype(np.float64)
    write_matrix("fid_x_50x6.txt", x)
    write_matrix("fid_y_40x6.txt", y)
    fid, s1, s2 = fid_pytorch_recipe(x, y)
    expected["fid.full_rank"] = fid
    expected["fid.full_rank.exact"] = fid_exact(x, y)
    write_matrix("fid_sqrtm_product_6x6.txt", np.real(scipy.linalg.sqrtm(s1 @ s2)))
    # Rank-deficient covariances (fewer samples than features), as with 4096-d CNN features.
    xr = rng.standard_normal((12, 20)).astype(np.float32).astype(np.float64)
    yr = (rng.standard_normal((15, 20)) + 0.2).astype(np.float32).astype(np.float64)
    write_matrix("fid_xr_12x20.txt", xr)
    write_matrix("fid_yr_15x20.txt", yr)
    expected["fid.rank_deficient"] = fid_pytorch_recipe(xr, yr)[0]
    expected["fid.rank_deficient.exact"] = fid_exact(xr, yr)


# ---------------------------------------------------------------- Inception Score
def inception_score(p, splits):
    n = p.shape[0]
    scores = []
    for i in range(splits):
        part = p[i * n // splits:(i + 1) * n // splits]
        py = part.mean(0)
        kl = part * (np.log(part) - np.log(py))
        scores.append(np.exp(kl.sum(1).mean()))
    return np.mean(scores), np.std(scores)


def is_fixtures(rng, expected):
    logits = rng.standard_normal((53, 5)) * 2.0
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    write_matrix("is_probs_53x5.txt", p)
    m, s = inception_score(p, 10)
    expected["is.splits10.mean"] = m
    expected["is.splits10.std"] = s
    m, s = inception_score(p, 3)
    expected["is.splits3.mean"] = m
    expected["is.splits3.std"] = s


# ---------------------------------------------------------------- intensity and spectrum
def intensity_fixtures(rng, expected):
    u = rng.standard_normal(300).astype(np.float32)
    v = (rng.exponential(1.0, 211) - 0.5).astype(np.float32)
    write_matrix("w1_u_300.txt", u.astype(np.float64)[None, :])
    write_matrix("w1_v_211.txt", v.astype(np.float64)[None, :])
    expected["w1.uv"] = scipy.stats.wasserstein_distance(u.astype(np.float64), v.astype(np.float64))


def spectrum_fixtures(rng, expected):
    vol = smooth_random(rng, (8, 10, 12), 1.0)
    write_volume("rps_8x10x12.f32", vol)
    f = np.fft.fftn(vol.astype(np.float64))
    power = np.abs(f) ** 2 / vol.size
    nz, ny, nx = vol.shape
    kz, ky, kx = np.meshgrid(np.fft.fftfreq(nz), np.fft.fftfreq(ny), np.fft.fftfreq(nx), indexing="ij")
    nmax = max(vol.shape)
    shell = np.rint(np.sqrt(kx ** 2 + ky ** 2 + kz ** 2) * nmax).astype(int)
    nbins = nmax // 2 + 1
    keep = shell < nbins
    sums = np.bincount(shell[keep], weights=power[keep], minlength=nbins)
    counts = np.bincount(shell[keep], minlength=nbins)
    write_matrix("rps_8x10x12_expected.txt", np.stack([sums / counts, counts]))


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240611)
    expected = {}
    ssim_fixtures(rng, expected)
    prdc_fixtures(rng, expected)
    fid_fixtures(rng, expected)
    is_fixtures(rng, expected)
    intensity_fixtures(rng, expected)
    spectrum_fixtures(rng, expected)
    with open(os.path.join(OUT, "expected.properties"), "w") as f:
        f.write("# Generated by tools/metrics_fixtures.py; do not edit by hand.\n")
        for key in sorted(expected):
            f.write("%s=%.17g\n" % (key, float(expected[key])))
    for key in sorted(expected):
        print("%-40s %.17g" % (key, float(expected[key])), file=sys.stderr)


if __name__ == "__main__":
    main()
