#!/usr/bin/python3
"""Peer timings for bench/standardize.bench.ts: scipy.ndimage resampling of the same CT.

Usage: standardize_peer.py <raw float32 volume> <nx> <ny> <nz> <sx> <sy> <sz> <target mm>
A timing server, so the bench can interleave its runs with scipy's round by round (on a shared
machine whose speed drifts, separate runs of each side are not comparable). It loads the volume
(x fastest) and prints {"ready": true, "scipy": version, "dims": [...]} (or {"skipped": reason}
when numpy or scipy is missing); then for each line on stdin:
  "run <order>"          resamples to the target isotropic spacing on IBSI's centred grid with
                         scipy.ndimage.affine_transform (map_coordinates' interpolation without a
                         3 x N coordinate array), mode 'nearest', and prints {"ms": ...};
  "diff <order> <raw>"   prints {"maxAbsDiff": ...} between that raw float32 result and scipy's.
An empty line or EOF ends it.
"""
import json
import math
import sys
import time


def main():
    try:
        import numpy as np
        import scipy
        from scipy import ndimage
    except ImportError:
        print(json.dumps({"skipped": "install Debian's python3-scipy and python3-numpy"}), flush=True)
        return
    raw, nx, ny, nz, sx, sy, sz, target = sys.argv[1:9]
    n = [int(nz), int(ny), int(nx)]
    spacing = [float(sz), float(sy), float(sx)]
    t = float(target)
    vol = np.fromfile(raw, dtype=np.float32).reshape(n)
    shape = [math.ceil(round(n[a] * spacing[a] / t, 9)) for a in range(3)]
    step = [t / spacing[a] for a in range(3)]
    origin = [0.5 * (n[a] - 1 - step[a] * (shape[a] - 1)) for a in range(3)]
    print(json.dumps({"ready": True, "scipy": scipy.__version__, "dims": shape[::-1]}), flush=True)
    last = {}

    def resample(order):
        return ndimage.affine_transform(
            vol, step, offset=origin, output_shape=shape, order=order, mode="nearest",
            output=np.float32,
        )

    for line in sys.stdin:
        words = line.split()
        if not words:
            break
        order = int(words[1])
        if words[0] == "run":
            last.pop(order, None)
            t0 = time.perf_counter()
            last[order] = resample(order)
            print(json.dumps({"ms": (time.perf_counter() - t0) * 1000}), flush=True)
        elif words[0] == "diff":
            ours = np.fromfile(words[2], dtype=np.float32).reshape(shape)
            diff = np.max(np.abs(ours.astype(np.float64) - last[order]))
            print(json.dumps({"maxAbsDiff": float(diff)}), flush=True)


if __name__ == "__main__":
    main()
