#!/usr/bin/python3
"""Interpolation fixtures from an independent implementation: scipy.ndimage.map_coordinates.

Usage: python3 tools/processing/make-interpolation-fixtures.py > src/core/analysis/processing/interpolation.fixtures.json
Needs Debian's python3-scipy and python3-numpy (apt-get install -y python3-scipy python3-numpy).

Each case is a small 3D image (x fastest, as Consilium stores volumes), its spacing and a target
spacing; the grid is IBSI's "align grid centres" (reference manual, section 2.4), written here
from the manual, not from Consilium's code: n_b = ceil(n_a s_a / s_b) points, origin
0.5 (n_a - 1 - (s_b / s_a)(n_b - 1)) in voxel units, step s_b / s_a. Values outside the image
continue the edge voxel (mode 'nearest', as IBSI recommends padding with boundary intensities).
Orders 0 (nearest), 1 (linear) and 3 (cubic B-spline, with scipy's prefilter).
"""
import json
import math
import sys

import numpy as np
from scipy import ndimage


def ibsi_axis(n, s_a, s_b):
    if s_a == s_b:
        return np.arange(n, dtype=float)
    n_b = math.ceil(round(n * s_a / s_b, 9))
    step = s_b / s_a
    origin = 0.5 * (n - 1 - step * (n_b - 1))
    return origin + step * np.arange(n_b)


def resample(image_zyx, spacing_xyz, target_xyz, order):
    nz, ny, nx = image_zyx.shape
    xs = ibsi_axis(nx, spacing_xyz[0], target_xyz[0])
    ys = ibsi_axis(ny, spacing_xyz[1], target_xyz[1])
    zs = ibsi_axis(nz, spacing_xyz[2], target_xyz[2])
    zz, yy, xx = np.meshgrid(zs, ys, xs, indexing="ij")
    out = ndimage.map_coordinates(
        image_zyx.astype(np.float64), [zz, yy, xx], order=order, mode="nearest"
    )
    return out, [len(xs), len(ys), len(zs)]


def compact(v):
    """Ten significant digits: far below the tests' 1e-5 tolerance, a third of the bytes."""
    return float("%.10g" % v)


def case(name, image_zyx, spacing, target):
    nz, ny, nx = image_zyx.shape
    outputs = {}
    for order, method in [(0, "nearest"), (1, "linear"), (3, "cubic")]:
        out, dims = resample(image_zyx, spacing, target, order)
        outputs[method] = {"dims": dims, "values": [compact(v) for v in out.ravel()]}
    return {
        "name": name,
        "dims": [nx, ny, nz],
        "spacingMm": spacing,
        "targetMm": target,
        "values": [float(v) for v in image_zyx.ravel()],
        "expected": outputs,
    }


def main():
    rng = np.random.default_rng(20240517)
    noise = rng.integers(-1000, 1500, size=(5, 6, 7)).astype(np.float64)
    z, y, x = np.mgrid[0:6, 0:7, 0:8]
    smooth = 100 * np.sin(0.7 * x) * np.cos(0.5 * y) + 40 * z + 3 * x * y
    # Values a 32-bit float holds exactly, as Consilium stores volumes: nearest then copies them.
    smooth = smooth.astype(np.float32).astype(np.float64)
    slab = rng.integers(0, 255, size=(1, 9, 8)).astype(np.float64)
    blob = np.zeros((5, 7, 7))
    blob[1:4, 2:5, 1:6] = 1
    blob[2, 3, 3] = 0
    cases = [
        case("noise, 3D upsampling 1x1x2 mm to 0.9 mm", noise, [1.0, 1.0, 2.0], [0.9, 0.9, 0.9]),
        case("noise, in-plane only 0.8 mm to 1.3 mm", noise, [0.8, 0.8, 2.5], [1.3, 1.1, 2.5]),
        case("smooth, 3D downsampling to 2 mm", smooth, [0.9, 1.1, 1.5], [2.0, 2.0, 2.0]),
        case("one slice, 3 mm to 2 mm in plane", slab, [3.0, 3.0, 5.0], [2.0, 2.0, 5.0]),
        case("mask, 3 mm slices to 2 mm", blob, [2.0, 2.0, 3.0], [1.4, 1.4, 2.0]),
    ]
    json.dump({"source": "scipy.ndimage.map_coordinates " + __import__("scipy").__version__ + ", mode nearest", "cases": cases}, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
