#!/usr/bin/python3
"""Writes the feature-vector test fixture: a tiny ai.onnx.ml LinearClassifier (logistic regression
over three IBSI texture features) and its model card.

    /usr/bin/python3 tools/train/make_texture_fixture.py

Outputs src/core/inference/fixtures/texture-logreg.onnx and texture-logreg.card.json.
The weights are fixed numbers, not trained: the fixture tests plumbing (feature picking by name,
ai.onnx.ml operators, card checks), and its expected outputs are computed by hand in the test.
"""
import hashlib
import json
import os
import subprocess

import numpy as np
import onnx
from onnx import TensorProto, helper

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "src", "core", "inference", "fixtures")

FEATURES = [
    {"name": "glcm.joint_maximum", "ibsi": "GYBY", "family": "GLCM"},
    {"name": "glcm.contrast", "ibsi": "ACUI", "family": "GLCM"},
    {"name": "stat.mean", "ibsi": "Q4LE", "family": "intensity statistics"},
]
# One row per class (benign, suspicious): score_k = w_k . x + b_k, then softmax.
COEFFICIENTS = np.array([[-2.0, 0.5, 0.01], [2.0, -0.5, -0.01]], dtype=np.float32)
INTERCEPTS = np.array([0.25, -0.25], dtype=np.float32)


def main():
    n_features = len(FEATURES)
    node = helper.make_node(
        "LinearClassifier",
        ["features"],
        ["label", "scores"],
        domain="ai.onnx.ml",
        classlabels_ints=[0, 1],
        coefficients=COEFFICIENTS.reshape(-1).tolist(),
        intercepts=INTERCEPTS.tolist(),
        post_transform="SOFTMAX",
        multi_class=0,
    )
    graph = helper.make_graph(
        [node],
        "texture_logreg",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", n_features])],
        [
            helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
            helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["N", 2]),
        ],
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)],
        producer_name="consilium-tools",
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "texture-logreg.onnx")
    onnx.save(model, path)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    card = {
        "schemaVersion": "1.0.0",
        "name": "texture-logreg",
        "version": "0.1.0",
        "description": "Test fixture: logistic regression over three IBSI texture features.",
        "model": {"file": "texture-logreg.onnx", "sha256": digest, "format": "onnx", "opset": 13},
        "intendedUse": {
            "summary": "Test fixture for the feature-vector input path; not a diagnostic device.",
            "limitations": ["Fixed hand-set weights, never trained: its outputs mean nothing clinically."],
        },
        "input": {"kind": "features", "tensorName": "features", "shape": ["N", n_features], "dtype": "float32",
                  "features": FEATURES},
        "output": {"tensorName": "scores", "labels": ["benign", "suspicious"], "activation": "none"},
        "training": {"dataset": "none (hand-set weights)", "script": "tools/train/make_texture_fixture.py"},
        "metrics": {"split": "none", "accuracy": 0, "auc": 0},
    }
    with open(os.path.join(OUT, "texture-logreg.card.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    # The repository's formatter owns JSON layout; keep the fixture in its style.
    subprocess.run(["npx", "prettier", "--write", os.path.join(OUT, "texture-logreg.card.json")], cwd=ROOT, check=False)
    print(path, digest, os.path.getsize(path))


if __name__ == "__main__":
    main()
