#!/usr/bin/python3
"""Writes the mask-import fixtures: a small CT series with an RTSTRUCT, a binary (1-bit) SEG, a
fractional SEG and NIfTI label maps on its grid, plus the masks each should give, computed here
independently of Consilium (pydicom writes the files; numpy and matplotlib's point-in-polygon test
on voxel centres give the expected masks).

    /usr/bin/python3 tools/masks/make_mask_fixtures.py

Needs Debian's python3-pydicom, python3-nibabel, python3-numpy, python3-matplotlib. Outputs
src/core/masks/fixtures/: ct/slice*.dcm, rtstruct.dcm, seg_binary.dcm, seg_fractional.dcm,
labels.nii.gz, labels_flipped.nii, image.nii.gz and expected.json (each mask as numpy.packbits
with bitorder little of the voxels in x-fastest, then y, then z order, as base64).

The grid is deliberately awkward: 30 columns x 29 rows (a 1-bit frame is not a whole number of
bytes), different row and column spacing, in-plane rotation of 20 degrees, slices written to disk
out of order, SEG frames stored out of order.
"""
import base64
import json
import os

import nibabel as nib
import numpy as np
import pydicom
from matplotlib.path import Path
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixel_data_handlers.numpy_handler import pack_bits
from pydicom.sequence import Sequence

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "core", "masks", "fixtures")

NX, NY, NZ = 30, 29, 8  # columns, rows, slices
ROW_SPACING, COL_SPACING = 0.8, 0.7  # PixelSpacing = [row spacing (along y), column spacing (along x)]
SLICE_GAP = 2.5
THETA = np.deg2rad(20.0)


def ds_str(v):
    """A decimal string as DICOM DS holds it (at most 16 characters)."""
    s = f"{v:.6f}".rstrip("0").rstrip(".")
    if s == "-0":
        s = "0"
    assert len(s) <= 16, s
    return s


# Geometry as written (the floats parsed back from the DS strings, so expected = what is on disk).
R = np.array([float(ds_str(np.cos(THETA))), float(ds_str(np.sin(THETA))), 0.0])
C = np.array([float(ds_str(-np.sin(THETA))), float(ds_str(np.cos(THETA))), 0.0])
N = np.cross(R, C)
ORIGIN0 = np.array([-12.3, -15.1, 40.0])
ORIGINS = [np.array([float(ds_str(x)) for x in ORIGIN0 + k * SLICE_GAP * N]) for k in range(NZ)]

UID = "2.25.3141592653589793238462643383279"
STUDY_UID = UID + ".1"
CT_SERIES_UID = UID + ".2"
FOR_UID = UID + ".3"
RT_SERIES_UID = UID + ".4"
SEG_SERIES_UID = UID + ".5"
FRAC_SERIES_UID = UID + ".6"
CT_SOP = [f"{UID}.10.{k + 1}" for k in range(NZ)]
CT_CLASS = "1.2.840.10008.5.1.4.1.1.2"
RT_CLASS = "1.2.840.10008.5.1.4.1.1.481.3"
SEG_CLASS = "1.2.840.10008.5.1.4.1.1.66.4"

rng = np.random.default_rng(20240611)


def base_dataset(sop_class, sop_uid, series_uid, modality):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
    meta.ImplementationClassUID = UID + ".99"
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = STUDY_UID
    ds.SeriesInstanceUID = series_uid
    ds.FrameOfReferenceUID = FOR_UID
    ds.Modality = modality
    ds.PatientName = "Mask^Fixture"
    ds.PatientID = "MASKS"
    ds.StudyDate = "20240611"
    return ds


def save(ds, name):
    path = os.path.join(OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)


def code(value, scheme, meaning):
    c = Dataset()
    c.CodeValue = value
    c.CodingSchemeDesignator = scheme
    c.CodeMeaning = meaning
    return c


# ---- CT series ---------------------------------------------------------------------------------
def write_ct():
    hu = rng.integers(-200, 300, size=(NZ, NY, NX)).astype(np.int16)
    for k in rng.permutation(NZ):  # files written out of order; the reader sorts by position
        ds = base_dataset(CT_CLASS, CT_SOP[k], CT_SERIES_UID, "CT")
        ds.SeriesNumber = 2
        ds.InstanceNumber = int(k) + 1
        ds.ImagePositionPatient = [ds_str(x) for x in ORIGINS[k]]
        ds.ImageOrientationPatient = [ds_str(x) for x in (*R, *C)]
        ds.PixelSpacing = [ds_str(ROW_SPACING), ds_str(COL_SPACING)]
        ds.SliceThickness = ds_str(SLICE_GAP)
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = NY
        ds.Columns = NX
        ds.BitsAllocated = 16
        ds.BitsStored = 16
        ds.HighBit = 15
        ds.PixelRepresentation = 1
        ds.RescaleIntercept = "0"
        ds.RescaleSlope = "1"
        ds.PixelData = hu[k].tobytes()
        save(ds, f"ct/slice{k + 1}.dcm")
    return hu


# ---- RTSTRUCT ----------------------------------------------------------------------------------
def polygon(cu, cv, radius, n, jitter):
    angles = np.sort(rng.uniform(0, 2 * np.pi, n))
    radii = radius * (1 + rng.uniform(-jitter, jitter, n))
    return np.stack([cu + radii * np.cos(angles), cv + radii * np.sin(angles)], axis=1)


def star(cu, cv, outer, inner, points):
    out = []
    for i in range(2 * points):
        a = np.pi * i / points + 0.1
        r = outer if i % 2 == 0 else inner
        out.append((cu + r * np.cos(a), cv + r * np.sin(a)))
    return np.array(out)


def to_patient(uv, origin):
    """In-plane mm (u along rows' direction R, v along columns' direction C) to patient, rounded
    as written; returns the written points and their in-plane coordinates parsed back."""
    pts = origin[None, :] + uv[:, :1] * R[None, :] + uv[:, 1:2] * C[None, :]
    written = np.vectorize(lambda x: float(ds_str(x)))(pts)
    return written


def rasterise(contours_uv, k):
    """Even-odd over all contours of one slice, voxel centre inside = in the mask."""
    jj, ii = np.mgrid[0:NY, 0:NX]
    centres = np.stack([ii.ravel() * COL_SPACING, jj.ravel() * ROW_SPACING], axis=1)
    inside = np.zeros(NX * NY, dtype=bool)
    for uv in contours_uv:
        inside ^= Path(uv).contains_points(centres)
    return inside.reshape(NY, NX)


def write_rtstruct():
    # name -> list of (slice position k (may be fractional), contour type, in-plane polygon mm)
    structures = {
        "Ring": [],
        "Blobs": [],
        "Partial": [],
        "OffSlices": [],
        "OutsideImage": [],
        "Marker": [],
    }
    for k in (2, 3, 4, 5):
        structures["Ring"].append((k, "CLOSED_PLANAR", polygon(10.3, 11.7, 8.0, 14, 0.15)))
        structures["Ring"].append((k, "CLOSED_PLANAR", polygon(10.3 + 0.4 * k, 11.2, 3.4, 9, 0.1)))
    structures["Blobs"].append((1, "CLOSED_PLANAR", star(7.1, 8.3, 5.2, 2.1, 5)))
    structures["Blobs"].append((3, "CLOSED_PLANAR", polygon(5.9, 6.1, 3.3, 8, 0.2)))
    structures["Blobs"].append((3, "CLOSED_PLANAR", star(15.2, 16.3, 4.4, 1.9, 4)))
    structures["Blobs"].append((4, "CLOSED_PLANAR", polygon(14.8, 15.9, 4.1, 10, 0.2)))
    structures["Partial"].append((6, "CLOSED_PLANAR", polygon(19.9, 20.7, 5.5, 12, 0.1)))
    structures["OffSlices"].append((3.5, "CLOSED_PLANAR", polygon(10.0, 10.0, 3.0, 8, 0.1)))
    structures["OutsideImage"].append((0, "CLOSED_PLANAR", polygon(-30.0, 12.0, 4.0, 8, 0.1)))
    structures["Marker"].append((2, "POINT", np.array([[8.13, 9.27]])))

    ds = base_dataset(RT_CLASS, UID + ".20", RT_SERIES_UID, "RTSTRUCT")
    ds.SeriesNumber = 3
    ds.StructureSetLabel = "Fixture"
    ds.StructureSetDate = "20240611"
    ds.StructureSetTime = "120000"
    ref_for = Dataset()
    ref_for.FrameOfReferenceUID = FOR_UID
    study = Dataset()
    study.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    study.ReferencedSOPInstanceUID = STUDY_UID
    series = Dataset()
    series.SeriesInstanceUID = CT_SERIES_UID
    images = []
    for sop in CT_SOP:
        im = Dataset()
        im.ReferencedSOPClassUID = CT_CLASS
        im.ReferencedSOPInstanceUID = sop
        images.append(im)
    series.ContourImageSequence = Sequence(images)
    study.RTReferencedSeriesSequence = Sequence([series])
    ref_for.RTReferencedStudySequence = Sequence([study])
    ds.ReferencedFrameOfReferenceSequence = Sequence([ref_for])

    roi_items, contour_items, expected = [], [], {}
    for number, (name, contours) in enumerate(structures.items(), start=1):
        roi = Dataset()
        roi.ROINumber = number
        roi.ReferencedFrameOfReferenceUID = FOR_UID
        roi.ROIName = name
        roi.ROIGenerationAlgorithm = "MANUAL"
        roi_items.append(roi)
        rc = Dataset()
        rc.ROIDisplayColor = [255, 64 * number % 256, 0]
        rc.ReferencedROINumber = number
        seq = []
        per_slice = {}
        for k, kind, uv in contours:
            kf = float(k)
            origin = ORIGIN0 + kf * SLICE_GAP * N
            pts = to_patient(uv, origin)
            c = Dataset()
            if kf.is_integer():
                im = Dataset()
                im.ReferencedSOPClassUID = CT_CLASS
                im.ReferencedSOPInstanceUID = CT_SOP[int(kf)]
                c.ContourImageSequence = Sequence([im])
            c.ContourGeometricType = kind
            c.NumberOfContourPoints = len(pts)
            c.ContourData = [ds_str(x) for x in pts.ravel()]
            seq.append(c)
            if kind == "CLOSED_PLANAR" and kf.is_integer():
                o = ORIGINS[int(kf)]
                written_uv = np.stack([(pts - o) @ R, (pts - o) @ C], axis=1)
                per_slice.setdefault(int(kf), []).append(written_uv)
        rc.ContourSequence = Sequence(seq)
        contour_items.append(rc)
        mask = np.zeros((NZ, NY, NX), dtype=bool)
        for k, uvs in per_slice.items():
            mask[k] = rasterise(uvs, k)
        expected[name] = {"number": number, "mask": mask}
    ds.StructureSetROISequence = Sequence(roi_items)
    ds.ROIContourSequence = Sequence(contour_items)
    save(ds, "rtstruct.dcm")
    return expected


# ---- SEG ---------------------------------------------------------------------------------------
def ball(cu, cv, ck, radius_mm):
    kk, jj, ii = np.mgrid[0:NZ, 0:NY, 0:NX]
    d2 = (
        (ii * COL_SPACING - cu) ** 2
        + (jj * ROW_SPACING - cv) ** 2
        + ((kk - ck) * SLICE_GAP) ** 2
    )
    return d2 <= radius_mm**2


def seg_dataset(series_uid, sop_uid, segments, frames, bits, fractional):
    """segments: [(number, label)]; frames: [(segment number, slice position k, 2D array)]."""
    ds = base_dataset(SEG_CLASS, sop_uid, series_uid, "SEG")
    ds.SeriesNumber = 4
    ds.InstanceNumber = 1
    ds.ImageType = ["DERIVED", "PRIMARY"]
    ds.ContentLabel = "FIXTURE"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = NY
    ds.Columns = NX
    ds.NumberOfFrames = len(frames)
    ds.BitsAllocated = bits
    ds.BitsStored = bits
    ds.HighBit = bits - 1
    ds.PixelRepresentation = 0
    ds.LossyImageCompression = "00"
    ds.SegmentationType = "FRACTIONAL" if fractional else "BINARY"
    if fractional:
        ds.SegmentationFractionalType = "PROBABILITY"
        ds.MaximumFractionalValue = 255
    ref_series = Dataset()
    ref_series.SeriesInstanceUID = CT_SERIES_UID
    refs = []
    for sop in CT_SOP:
        r = Dataset()
        r.ReferencedSOPClassUID = CT_CLASS
        r.ReferencedSOPInstanceUID = sop
        refs.append(r)
    ref_series.ReferencedInstanceSequence = Sequence(refs)
    ds.ReferencedSeriesSequence = Sequence([ref_series])
    seg_items = []
    for number, label in segments:
        s = Dataset()
        s.SegmentNumber = number
        s.SegmentLabel = label
        s.SegmentAlgorithmType = "MANUAL"
        s.SegmentedPropertyCategoryCodeSequence = Sequence([code("91723000", "SCT", "Anatomical Structure")])
        s.SegmentedPropertyTypeCodeSequence = Sequence([code("85756007", "SCT", "Tissue")])
        seg_items.append(s)
    ds.SegmentSequence = Sequence(seg_items)
    shared = Dataset()
    orient = Dataset()
    orient.ImageOrientationPatient = [ds_str(x) for x in (*R, *C)]
    shared.PlaneOrientationSequence = Sequence([orient])
    measures = Dataset()
    measures.PixelSpacing = [ds_str(ROW_SPACING), ds_str(COL_SPACING)]
    measures.SliceThickness = ds_str(SLICE_GAP)
    measures.SpacingBetweenSlices = ds_str(SLICE_GAP)
    shared.PixelMeasuresSequence = Sequence([measures])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    per_frame = []
    for number, k, _ in frames:
        f = Dataset()
        content = Dataset()
        content.DimensionIndexValues = [number, int(np.floor(k)) + 1]
        f.FrameContentSequence = Sequence([content])
        pos = Dataset()
        pos.ImagePositionPatient = [ds_str(x) for x in ORIGIN0 + float(k) * SLICE_GAP * N]
        f.PlanePositionSequence = Sequence([pos])
        ident = Dataset()
        ident.ReferencedSegmentNumber = number
        f.SegmentIdentificationSequence = Sequence([ident])
        per_frame.append(f)
    ds.PerFrameFunctionalGroupsSequence = Sequence(per_frame)
    stack = np.stack([a for _, _, a in frames])
    if bits == 1:
        ds.PixelData = pack_bits(stack.astype(np.uint8).ravel())
    else:
        ds.PixelData = stack.astype(np.uint8).tobytes()
    return ds


def write_seg_binary():
    sphere = ball(10.4, 11.1, 4, 6.2)
    box = np.zeros((NZ, NY, NX), dtype=bool)
    box[3:5, 4:12, 15:26] = True
    frames = []
    for k in range(2, 7):
        frames.append((1, k, sphere[k]))
    for k in (3, 4):
        frames.append((2, k, box[k]))
    # Segment 3's only frame lies between slices 3 and 4: it matches no slice of the image.
    frames.append((3, 3.5, box[3]))
    order = rng.permutation(len(frames))
    frames = [frames[i] for i in order]
    ds = seg_dataset(
        SEG_SERIES_UID, UID + ".30", [(1, "Sphere"), (2, "Box"), (3, "Between")], frames, 1, False
    )
    save(ds, "seg_binary.dcm")
    expected_sphere = np.zeros_like(sphere)
    expected_sphere[2:7] = sphere[2:7]
    return {"Sphere": {"number": 1, "mask": expected_sphere}, "Box": {"number": 2, "mask": box}}


def write_seg_fractional():
    kk, jj, ii = np.mgrid[0:NZ, 0:NY, 0:NX]
    d2 = (ii * COL_SPACING - 9.0) ** 2 + (jj * ROW_SPACING - 12.0) ** 2
    prob = np.clip(np.round(255 * np.exp(-d2 / 40.0)), 0, 255).astype(np.uint8)
    prob[:, 0, 0] = 127  # just under half: outside
    prob[:, 0, 1] = 128  # just over half: inside
    frames = [(1, k, prob[k]) for k in (1, 2, 3)]
    ds = seg_dataset(FRAC_SERIES_UID, UID + ".40", [(1, "Soft")], frames[::-1], 8, True)
    save(ds, "seg_fractional.dcm")
    mask = np.zeros((NZ, NY, NX), dtype=bool)
    for k in (1, 2, 3):
        mask[k] = prob[k] / 255.0 >= 0.5
    return {"Soft": {"number": 1, "mask": mask}}


# ---- NIfTI -------------------------------------------------------------------------------------
def lps_to_ras_affine(cols, rows, slices, origin):
    """Voxel (i = column, j = row, k = slice) to RAS mm."""
    a = np.eye(4)
    a[:3, 0] = cols
    a[:3, 1] = rows
    a[:3, 2] = slices
    a[:3, 3] = origin
    flip = np.diag([-1.0, -1.0, 1.0, 1.0])
    return flip @ a


def write_nifti(hu):
    labels = np.zeros((NZ, NY, NX), dtype=np.int16)
    labels[1:4, 3:10, 4:14] = 1
    labels[ball(14.0, 13.0, 5, 5.0)] = 2
    labels[6, 20, 25] = 3
    affine = lps_to_ras_affine(R * COL_SPACING, C * ROW_SPACING, N * SLICE_GAP, ORIGINS[0])
    # NIfTI arrays are indexed [i, j, k] = [column, row, slice]
    img = nib.Nifti1Image(np.ascontiguousarray(labels.transpose(2, 1, 0)), affine)
    img.set_qform(affine, code=1)
    img.set_sform(affine, code=1)
    nib.save(img, os.path.join(OUT, "labels.nii.gz"))
    # The same labels stored with rows and slices reversed: the affine says so, the mask must not move.
    flipped = labels[::-1, ::-1, :]
    fa = lps_to_ras_affine(
        R * COL_SPACING, -C * ROW_SPACING, -N * SLICE_GAP, ORIGINS[NZ - 1] + (NY - 1) * ROW_SPACING * C
    )
    fimg = nib.Nifti1Image(np.ascontiguousarray(flipped.transpose(2, 1, 0)), fa)
    fimg.set_qform(None, code=0)
    fimg.set_sform(fa, code=2)
    nib.save(fimg, os.path.join(OUT, "labels_flipped.nii"))
    # The CT as NIfTI: stored as unsigned values with an intercept, as converters often do.
    stored = (hu.astype(np.int32) + 1024).astype(np.uint16)
    cimg = nib.Nifti1Image(np.ascontiguousarray(stored.transpose(2, 1, 0)), affine)
    cimg.header.set_slope_inter(1.0, -1024.0)
    cimg.set_qform(affine, code=1)
    cimg.set_sform(affine, code=1)
    nib.save(cimg, os.path.join(OUT, "image.nii.gz"))
    return {str(v): {"number": v, "mask": labels == v} for v in (1, 2, 3)}


def packed(mask):
    return base64.b64encode(np.packbits(mask.astype(np.uint8).ravel(), bitorder="little")).decode()


def described(structures):
    return [
        {"name": name, "number": s["number"], "voxels": int(s["mask"].sum()), "bits": packed(s["mask"])}
        for name, s in structures.items()
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    hu = write_ct()
    rt = write_rtstruct()
    expected = {
        "dims": [NX, NY, NZ],
        "spacingMm": [COL_SPACING, ROW_SPACING, SLICE_GAP],
        "maskOrder": "numpy.packbits(bitorder=little) of voxels, x fastest, then y, then z",
        "rtstruct": described({k: v for k, v in rt.items() if v["mask"].any()}),
        "rtstructErrors": {
            "OffSlices": "contour-off-slices",
            "OutsideImage": "contour-outside-image",
            "Marker": "no-closed-contours",
        },
        "segBinary": described(write_seg_binary()),
        "segBinaryErrors": {"Between": "seg-frame-off-slices"},
        "segFractional": described(write_seg_fractional()),
        "nifti": described(write_nifti(hu)),
        "ctFirstVoxels": [int(v) for v in hu.ravel()[:8]],
    }
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
