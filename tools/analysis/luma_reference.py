#!/usr/bin/python3
"""BT.601 luma statistics of the shared corpus's colour files, computed from pydicom's pixels:
the reference for src/core/analysis/luminance.corpus.test.ts."""
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import convert_color_space

FILES = ['pd_examples_rgb_color.dcm', 'us_ybr_full_422.dcm', 'pd_SC_rgb_rle.dcm']
corpus = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/dicom'
for name in FILES:
    ds = pydicom.dcmread(f'{corpus}/{name}')
    a = ds.pixel_array
    if ds.PhotometricInterpretation.startswith('YBR'):
        a = convert_color_space(a, ds.PhotometricInterpretation, 'RGB')
    a = a.astype(np.float64)
    if a.ndim == 4:
        a = a[0]
    y = 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]
    print(f'{name}\tmean={y.mean():.7f}\tmin={y.min():g}\tmax={y.max():g}')
