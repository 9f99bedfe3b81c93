#!/usr/bin/python3
"""Peer timings for bench/filters.bench.ts: scipy.ndimage and PyWavelets on the same volume.

Usage: filters_peer.py <raw float32 volume, x fastest> <nx> <ny> <nz> <sx> <sy> <sz> <repeats>
Prints one JSON line per filter with the median wall time in ms of `repeats` runs and the median
CPU time (cpuMs: what the process ran, the fair figure on a machine shared with other work) and the
fastest run (bestMs: the least disturbed by other work), each on one thread (scipy.ndimage is single-threaded; the BLAS/OpenMP pools are held to one thread), and the
response's checksum (sum of |values|) so the bench can see both sides computed the same thing:
  mean    uniform_filter, size 15, mode 'reflect' (IBSI mirror)
  log     gaussian_laplace, sigma 3 mm in voxels per axis, truncate 4, mode 'reflect'
  laws    convolve with the 5x5x5 E5L5S5 kernel (5x5 E5L5 on a slice, normalised), mode 'reflect'
  wavelet swtn(db2, level 1): all 8 bands, 4 on a slice (PyWavelets gives no single band)
{"skipped": reason} when numpy, scipy or pywt is missing.
"""
import json
import os
import sys
import time

for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"


def main():
    try:
        import numpy as np
        import scipy
        from scipy import ndimage
    except ImportError:
        print(json.dumps({"skipped": "install Debian's python3-scipy and python3-numpy"}), flush=True)
        return
    try:
        import pywt
    except ImportError:
        pywt = None
    raw, nx, ny, nz, sx, sy, sz, repeats = sys.argv[1:9]
    shape = (int(nz), int(ny), int(nx))
    spacing = (float(sz), float(sy), float(sx))
    vol = np.fromfile(raw, dtype=np.float32).reshape(shape)
    reps = int(repeats)

    def timed(name, fn, note):
        times = []
        cpu = []
        out = None
        for _ in range(reps):
            c0 = time.process_time()
            t0 = time.perf_counter()
            out = fn()
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        times.sort()
        cpu.sort()
        total = float(np.sum(np.abs(out), dtype=np.float64))
        print(json.dumps({"filter": name, "ms": times[len(times) // 2], "bestMs": times[0],
                          "cpuMs": cpu[len(cpu) // 2], "peer": note,
                          "scipy": scipy.__version__, "sum": total}), flush=True)

    if shape[0] == 1:  # one slice: the 2D filters on the plane
        vol = vol[0]
        spacing = spacing[1:]
    timed("mean", lambda: ndimage.uniform_filter(vol, size=15, mode="reflect"), "scipy.ndimage.uniform_filter")
    sig = [3.0 / s for s in spacing]
    timed("log", lambda: ndimage.gaussian_laplace(vol, sigma=sig, truncate=4.0, mode="reflect"),
          "scipy.ndimage.gaussian_laplace")
    e5 = np.array([-1, -2, 0, 2, 1]) / np.sqrt(10)
    l5 = np.array([1, 4, 6, 4, 1]) / np.sqrt(70)
    s5 = np.array([-1, 0, 2, 0, -1]) / np.sqrt(6)
    if vol.ndim == 3:
        k = np.einsum("k,j,i->kji", s5, l5, e5).astype(np.float32)  # z, y, x: E5L5S5
    else:
        k = np.einsum("j,i->ji", l5, e5).astype(np.float32)  # y, x: E5L5
    timed("laws", lambda: ndimage.convolve(vol, k, mode="reflect"), f"scipy.ndimage.convolve ({'x'.join(['5'] * vol.ndim)})")
    if pywt is None:
        print(json.dumps({"filter": "wavelet", "skipped": "install Debian's python3-pywt"}), flush=True)
    else:
        bands = 2 ** vol.ndim
        # the band the bench's figure is for: LHL (x, y, z) is "ada" in numpy's (z, y, x) order
        band = "ada" if vol.ndim == 3 else "da"
        timed("wavelet", lambda: pywt.swtn(vol, "db2", level=1, trim_approx=False)[0][band],
              f"pywt.swtn db2 level 1, {bands} bands (PyWavelets {pywt.__version__})")


main()
