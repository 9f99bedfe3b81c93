#!/usr/bin/python3
"""Peer timings for bench/analysis.bench.ts: OpenCV and scikit-image on the same raw images.

Usage: analysis_peers.py <raw> <int16|uint16> <width> <height> <label> <canny_low> <canny_high>
Prints one JSON line per kernel and implementation, in the shape the TypeScript bench prints.
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


def timings(fn, repeats):
    """(median, min) in ms; on a shared machine the minimum is the steadier figure."""
    for _ in range(3):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2], times[0]


def main():
    raw, dtype, width, height, label, low, high = sys.argv[1:8]
    width, height, low, high = int(width), int(height), float(low), float(high)
    missing = ensure_packages()
    if missing:
        print(json.dumps({"bench": "analysis", "impl": "opencv", "skipped": missing}))
        return
    import numpy as np
    import cv2
    from skimage.feature import graycomatrix, graycoprops

    img = np.fromfile(raw, dtype=np.int16 if dtype == "int16" else np.uint16).reshape(height, width)
    f32 = img.astype(np.float32)
    i16 = img.astype(np.int16)
    levels = np.fromfile(raw + ".levels", dtype=np.uint8).reshape(height, width)
    mpix = width * height / 1e6
    repeats = 15 if mpix < 1 else 7

    def emit(kernel, impl, t, **extra):
        ms, best = t
        print(json.dumps({"bench": "analysis", "kernel": kernel, "image": label, "impl": impl,
                          "median_ms": round(ms, 3), "min_ms": round(best, 3),
                          "mpix_s": round(mpix / (ms / 1000), 1), **extra}),
              flush=True)

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

    default_threads = cv2.getNumThreads()
    for threads in (1, default_threads):
        cv2.setNumThreads(threads)
        for kernel, fn in (("gaussian-5x5", gaussian), ("sobel-magnitude", sobel), ("canny", canny)):
            fn()
            emit(kernel, "opencv", timings(fn, repeats), threads=threads,
                 **({"edge_pixels": int(np.count_nonzero(canny()))} if kernel == "canny" else {}))
        if default_threads == 1:
            break

    angles = [0, np.pi / 4, np.pi / 2, 3 * np.pi / 4]
    props = ["contrast", "dissimilarity", "homogeneity", "energy", "correlation", "ASM"]

    def glcm():
        m = graycomatrix(levels, [1], angles, levels=32, symmetric=True, normed=True)
        return [graycoprops(m, p) for p in props]

    glcm()
    contrast = float(glcm()[0].mean())
    emit("glcm-32", "skimage", timings(glcm, repeats), threads=1, contrast_mean=round(contrast, 6))


if __name__ == "__main__":
    main()
