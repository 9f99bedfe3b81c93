#!/usr/bin/python3
"""Peer timings for bench/analysis.bench.ts: OpenCV and scikit-image on the same raw images.

Usage: analysis_peers.py <raw> <int16|uint16> <width> <height> <canny_low> <canny_high>
A timing server, so the bench can interleave its own runs with ours round by round (on a shared
VM whose speed drifts over seconds, separate runs of each side are not comparable). It prints
one JSON line of setup facts ({"ready": ..., "edge_pixels": ..., "contrast_mean": ...}, or
{"skipped": reason}), then for each line "<kernel> <threads> <repeat>" on stdin runs that kernel
repeat times and prints the last run's time in ms; an empty line or EOF ends it. Kernels: gaussian-5x5,
sobel-magnitude, canny (OpenCV; threads 1 or more), glcm-32 (scikit-image; threads ignored).
The grey levels for GLCM are read from <raw>.levels (uint8, 0-based, 32 levels), written by the
bench, so both sides count exactly the same matrix.
"""
import json
import os
import shutil
import subprocess
import sys
import time


def ensure_packages():
    try:
        import cv2  # noqa: F401
        import skimage  # noqa: F401
        return None
    except ImportError:
        pass
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(
            ["apt-get", "install", "-y", "python3-opencv", "python3-skimage"],
            check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        try:
            import cv2  # noqa: F401
            import skimage  # noqa: F401
            return None
        except ImportError:
            pass
    return "install Debian's python3-opencv and python3-skimage (apt-get install -y python3-opencv python3-skimage)"


def main():
    raw, dtype, width, height, low, high = sys.argv[1:7]
    width, height, low, high = int(width), int(height), float(low), float(high)
    missing = ensure_packages()
    if missing:
        print(json.dumps({"skipped": missing}), flush=True)
        return
    import numpy as np
    import cv2
    from skimage.feature import graycomatrix, graycoprops

    img = np.fromfile(raw, dtype=np.int16 if dtype == "int16" else np.uint16).reshape(height, width)
    f32 = img.astype(np.float32)
    i16 = img.astype(np.int16)
    levels = np.fromfile(raw + ".levels", dtype=np.uint8).reshape(height, width)

    def gaussian():
        cv2.GaussianBlur(f32, (5, 5), 0)

    def sobel():
        dx = cv2.Sobel(f32, cv2.CV_32F, 1, 0, ksize=3)
        dy = cv2.Sobel(f32, cv2.CV_32F, 0, 1, ksize=3)
        cv2.magnitude(dx, dy)

    def canny():
        dx = cv2.Sobel(i16, cv2.CV_16S, 1, 0, ksize=3)
        dy = cv2.Sobel(i16, cv2.CV_16S, 0, 1, ksize=3)
        return cv2.Canny(dx, dy, low, high, L2gradient=True)

    angles = [0, np.pi / 4, np.pi / 2, 3 * np.pi / 4]
    props = ["contrast", "dissimilarity", "homogeneity", "energy", "correlation", "ASM"]

    def glcm():
        m = graycomatrix(levels, [1], angles, levels=32, symmetric=True, normed=True)
        return [graycoprops(m, p) for p in props]

    kernels = {"gaussian-5x5": gaussian, "sobel-magnitude": sobel, "canny": canny, "glcm-32": glcm}
    print(json.dumps({"ready": True, "default_threads": cv2.getNumThreads(),
                      "edge_pixels": int(np.count_nonzero(canny())),
                      "contrast_mean": round(float(glcm()[0].mean()), 6)}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        kernel, threads, repeat = line.split()
        cv2.setNumThreads(int(threads))
        fn = kernels[kernel]
        for _ in range(int(repeat)):
            t0 = time.perf_counter()
            fn()
            ms = (time.perf_counter() - t0) * 1000
        print(round(ms, 4), flush=True)


if __name__ == "__main__":
    main()
