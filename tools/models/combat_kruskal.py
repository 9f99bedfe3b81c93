"""Adds scipy.stats.kruskal's H and p per feature across centers (raw and after parametric
ComBat) to the ComBat fixture written by tools/models/make-combat-fixtures.R, which runs it."""
import json
import sys

import numpy as np
from scipy import __version__ as scipy_version
from scipy.stats import kruskal

path = sys.argv[1]
with open(path) as f:
    fixture = json.load(f)

batch = np.array(fixture["train"]["batch"])
centers = sorted(set(batch))


def per_feature(matrix):
    m = np.array(matrix, dtype=float)
    out = []
    for g in range(m.shape[1]):
        h, p = kruskal(*[m[batch == c, g] for c in centers])
        out.append({"h": float(h), "p": float(p)})
    return out


fixture["kruskal"] = {
    "source": f"scipy {scipy_version} scipy.stats.kruskal",
    "raw": per_feature(fixture["train"]["data"]),
    "parametric": per_feature(fixture["expected"]["parametric"]),
}
# Ties: the first feature rounded to whole numbers, so the tie correction is exercised.
tied = np.round(np.array(fixture["train"]["data"], dtype=float)[:, :1])
h, p = kruskal(*[tied[batch == c, 0] for c in centers])
fixture["kruskal"]["tied"] = {"values": tied[:, 0].tolist(), "h": float(h), "p": float(p)}
with open(path, "w") as f:
    json.dump(fixture, f)
