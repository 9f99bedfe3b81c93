#!/usr/bin/python3
"""Mesh volume and area fixtures from an independent implementation: scikit-image's marching cubes.

Usage: python3 tools/morphology/make-mesh-fixtures.py > src/core/analysis/morphology/mesh.fixtures.json
Needs Debian's python3-skimage, python3-scipy, python3-numpy and python3-pydicom; the two real
CT cases read ../shared/data/dicom (only the thresholded mask goes into the fixture).

Each case is a binary mask (x fastest, as Consilium stores volumes; run-length coded: lengths
of alternating runs of 0 and 1, starting with 0) and its voxel spacing in mm (x, y, z). The
mesh is made as IBSI's reference implementations make it: the mask padded with one layer of
zeros, held as an array [z, y, x] with spacing (z, y, x), through
skimage.measure.marching_cubes(level=0.5, method='lorensen'); volume = |sum over faces of
det(v0, v1, v2)| / 6, area = half the sum of |(v1 - v0) x (v2 - v0)| (skimage.measure.mesh_surface_area's
formula, in float64). The shape features follow
IBSI's formulas (reference manual, chapter 3.1); the convex hull densities and the maximum 3D
diameter take scipy.spatial.ConvexHull (Qhull) of the mesh's vertices.
"""
import json
import math
import sys

import numpy as np
import pydicom
from scipy import ndimage
from scipy.spatial import ConvexHull
from scipy.spatial.distance import pdist
from skimage import measure

DICOM = "../shared/data/dicom/"


def rle(mask_zyx):
    flat = mask_zyx.astype(np.uint8).ravel()  # C order: x fastest
    runs = []
    current, n = 0, 0
    for v in flat:
        if v == current:
            n += 1
        else:
            runs.append(n)
            current, n = int(v), 1
    runs.append(n)
    return runs


def mesh(mask_zyx, spacing_xyz):
    padded = np.pad(mask_zyx.astype(np.float64), 1)
    sx, sy, sz = spacing_xyz
    verts, faces, _, _ = measure.marching_cubes(
        padded, 0.5, spacing=(sz, sy, sx), method="lorensen"
    )
    t = verts[faces].astype(np.float64)
    dets = np.einsum("ij,ij->i", t[:, 0], np.cross(t[:, 1], t[:, 2]))
    volume = abs(math.fsum(dets)) / 6
    # mesh_surface_area's own sum, in float64 (it stays in float32 where the spacing is 1).
    cross = np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0])
    area = math.fsum(np.sqrt((cross ** 2).sum(1))) / 2
    hull = ConvexHull(verts.astype(np.float64))
    diameter = float(pdist(verts[hull.vertices].astype(np.float64)).max())
    return volume, area, hull.volume, hull.area, diameter


def case(name, mask_zyx, spacing_xyz, note):
    mask_zyx = mask_zyx.astype(bool)
    nz, ny, nx = mask_zyx.shape
    v, a, hull_volume, hull_area, diameter = mesh(mask_zyx, spacing_xyz)
    sphere = (36 * math.pi * v * v) ** (1 / 3)
    return {
        "name": name,
        "note": note,
        "dims": [nx, ny, nz],
        "spacingMm": list(spacing_xyz),
        "voxels": int(mask_zyx.sum()),
        "runs": rle(mask_zyx),
        "volumeMm3": v,
        "areaMm2": a,
        "compactness1": v / (math.sqrt(math.pi) * a ** 1.5),
        "compactness2": 36 * math.pi * v * v / a ** 3,
        "sphericalDisproportion": a / sphere,
        "sphericity": sphere / a,
        "asphericity": a / sphere - 1,
        "maxDiameterMm": diameter,
        "volumeDensityHull": v / hull_volume,
        "areaDensityHull": a / hull_area,
    }


def grid(dims_xyz):
    nx, ny, nz = dims_xyz
    return np.meshgrid(np.arange(nz), np.arange(ny), np.arange(nx), indexing="ij")


def ellipsoid(dims_xyz, spacing, centre, semi_mm, rotation=np.eye(3)):
    z, y, x = grid(dims_xyz)
    p = np.stack([(x - centre[0]) * spacing[0], (y - centre[1]) * spacing[1], (z - centre[2]) * spacing[2]], -1)
    q = p @ rotation.T
    return sum((q[..., k] / semi_mm[k]) ** 2 for k in range(3)) <= 1


def rotation(ax, ay):
    cx, sx, cy, sy = math.cos(ax), math.sin(ax), math.cos(ay), math.sin(ay)
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    return ry @ rx


def handles_and_holes():
    dims = (30, 28, 14)
    z, y, x = grid(dims)
    # A torus (a handle) lying in the xy plane.
    r = np.hypot(x - 9.5, y - 13.2)
    torus = (r - 6.3) ** 2 + ((z - 6.4) * 1.5) ** 2 <= 2.4 ** 2
    # A ball with a closed cavity (a hole inside) and a tunnel through it along z.
    d = np.sqrt((x - 22.1) ** 2 + (y - 13.7) ** 2 + ((z - 6.6) * 1.5) ** 2)
    shell = (d <= 6.2) & (d >= 3.1)
    tunnel = np.hypot(x - 23.4, y - 10.2) <= 1.3
    return torus | (shell & ~tunnel)


def random_blobs(seed, dims, sigma, level):
    rng = np.random.default_rng(seed)
    nx, ny, nz = dims
    noise = rng.standard_normal((nz, ny, nx))
    smooth = ndimage.gaussian_filter(noise, sigma)
    return smooth > level * smooth.std()


def hu(ds):
    return ds.pixel_array.astype(np.float64) * float(getattr(ds, "RescaleSlope", 1)) + float(
        getattr(ds, "RescaleIntercept", 0)
    )


def largest_component(mask):
    labels, n = ndimage.label(mask)  # 6-connectivity in 3D, 4 in 2D
    if n == 0:
        raise SystemExit("empty mask")
    sizes = ndimage.sum(mask, labels, range(1, n + 1))
    return labels == (1 + int(np.argmax(sizes)))


def ct_humerus():
    """Bone of the humeral head in one real CT slice (HU >= 200 in a crop), holes kept."""
    ds = pydicom.dcmread(DICOM + "ct_reference_uncompressed.dcm")
    img = hu(ds)[270:380, 405:505]
    m = largest_component(img >= 200)[None, :, :]
    s = float(ds.PixelSpacing[1]), float(ds.PixelSpacing[0]), float(ds.SliceThickness)
    return m, s


def ect_ventricles():
    """The lateral ventricles in a real two-frame Enhanced CT (dark CSF in a crop of the brain)."""
    ds = pydicom.dcmread(DICOM + "pd_eCT_Supplemental.dcm")
    img = ds.pixel_array.astype(np.float64)[:, 120:330, 170:290]
    brain = img > 0
    m = largest_component((img < 1000) & ndimage.binary_erosion(brain, structure=np.ones((1, 3, 3)), iterations=3))
    pm = ds.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0]
    s = float(pm.PixelSpacing[1]), float(pm.PixelSpacing[0]), float(pm.SliceThickness)
    return m, s


def main():
    cases = [
        case(
            "ellipsoid-anisotropic",
            ellipsoid((20, 26, 11), (0.8, 0.6, 2.0), (9.3, 12.6, 5.2), (6.1, 6.9, 9.1)),
            (0.8, 0.6, 2.0),
            "ellipsoid, axes along x, y, z, anisotropic spacing",
        ),
        case(
            "ellipsoid-tilted",
            ellipsoid((26, 24, 13), (1.367188, 1.367188, 2.5), (12.4, 11.1, 6.3), (15.5, 9.0, 6.0), rotation(0.5, 0.8)),
            (1.367188, 1.367188, 2.5),
            "ellipsoid rotated about x and y, CT-like spacing",
        ),
        case(
            "handles-and-holes",
            handles_and_holes(),
            (0.9, 0.9, 1.5),
            "a torus beside a ball with an inner cavity and a tunnel",
        ),
        case("random-blobs", random_blobs(7, (28, 24, 20), 1.6, 0.3), (0.7, 0.9, 1.1), "smoothed noise above a level"),
        case(
            "random-voxels",
            np.random.default_rng(11).random((14, 14, 14)) < 0.5,
            (1.0, 1.0, 1.0),
            "independent voxels, each inside with probability 1/2: every cube configuration",
        ),
    ]
    m, s = ct_humerus()
    cases.append(case("ct-humeral-head", m, s, "real CT slice (ct_reference_uncompressed.dcm), HU >= 200"))
    m, s = ect_ventricles()
    cases.append(case("ect-ventricles", m, s, "real two-frame Enhanced CT (pd_eCT_Supplemental.dcm), CSF"))
    out = {
        "source": "skimage %s measure.marching_cubes(method='lorensen'), zero-padded" % __import__("skimage").__version__,
        "cases": cases,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


main()
