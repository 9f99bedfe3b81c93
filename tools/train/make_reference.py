#!/usr/bin/env python3
"""Parity reference for the default model: fixed synthetic inputs and PyTorch's output.

The inputs are made here (chest-radiograph-like drawings, noise, zeros), never taken from the
training data, so the repository holds no copy of MedMNIST. PyTorch computes the reference with
torch.nn.functional from the ONNX file's own weights: an implementation independent of
onnxruntime, which the Node and browser paths use.

Usage: /usr/bin/python3 tools/train/make_reference.py [public/models]
"""
import hashlib
import json
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELS = ["normal", "pneumonia"]


def synthetic_cxr(seed: int, haze: float) -> np.ndarray:
    """A 28x28 drawing in [0, 1]: bright mediastinum and ribs, two dark lung fields, optional
    hazy opacities; quantised to k/255 like the 8-bit training images, with 0 and 1 present."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:28, 0:28].astype(np.float64)
    img = 0.75 + 0.1 * np.sin(y / 2.5 + seed)  # soft tissue with rib-like banding
    for cx in (8.5 + rng.uniform(-1, 1), 19.5 + rng.uniform(-1, 1)):
        lung = ((x - cx) / 5.5) ** 2 + ((y - 14) / 10.5) ** 2 < 1
        img[lung] = 0.2 + 0.05 * rng.standard_normal(lung.sum())
    for _ in range(int(haze * 4)):
        cx, cy, r = rng.uniform(5, 23), rng.uniform(8, 22), rng.uniform(2, 5)
        img += haze * 0.5 * np.exp(-(((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r)))
    img = np.clip(img, 0, 1)
    img = np.round((img - img.min()) / (img.max() - img.min()) * 255) / 255
    return img.astype(np.float32)


def inputs() -> list:
    cases = [(f"synthetic-cxr seed {s} haze {h}", synthetic_cxr(s, h))
             for s, h in [(1, 0.0), (2, 0.9), (3, 0.2), (4, 0.0), (5, 1.0), (6, 0.5), (7, 0.3), (8, 0.7)]]
    rng = np.random.default_rng(20261127)
    for i in range(2):
        noise = rng.random((28, 28), dtype=np.float32)
        noise[0, 0], noise[0, 1] = 0.0, 1.0  # min-max scaling then leaves the image unchanged
        cases.append(("uniform-noise", noise))
    cases.append(("zeros", np.zeros((28, 28), np.float32)))
    return cases


def forward(model: onnx.ModelProto, x: torch.Tensor) -> torch.Tensor:
    """The graph's ops (Conv, Relu, MaxPool, ReduceMean, Gemm) with torch.nn.functional."""
    w = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}
    v = {model.graph.input[0].name: x}
    for n in model.graph.node:
        a = {at.name: onnx.helper.get_attribute_value(at) for at in n.attribute}
        i = [v[k] if k in v else w[k] for k in n.input]
        if n.op_type == "Conv":
            out = F.conv2d(i[0], i[1], i[2] if len(i) > 2 else None, stride=a["strides"],
                           padding=a["pads"][:2], dilation=a["dilations"], groups=a["group"])
        elif n.op_type == "Relu":
            out = F.relu(i[0])
        elif n.op_type == "MaxPool":
            out = F.max_pool2d(i[0], a["kernel_shape"], a["strides"], ceil_mode=bool(a["ceil_mode"]))
        elif n.op_type == "ReduceMean":
            out = i[0].mean(dim=tuple(a["axes"]), keepdim=bool(a["keepdims"]))
        elif n.op_type == "Gemm":
            out = a.get("alpha", 1.0) * (i[0] @ (i[1].T if a.get("transB") else i[1])) + a.get("beta", 1.0) * i[2]
        else:
            raise SystemExit(f"unsupported op {n.op_type}")
        v[n.output[0]] = out
    return v[model.graph.output[0].name]


def main() -> None:
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "public", "models")
    onnx_path = os.path.join(out_dir, "pneumonia-cnn.onnx")
    card = json.load(open(os.path.join(out_dir, "pneumonia-cnn.card.json")))
    mean = card["preprocessing"]["normalize"]["mean"][0]
    std = card["preprocessing"]["normalize"]["std"][0]
    model = onnx.load(onnx_path)
    cases = []
    for source, image in inputs():
        tensor = ((image - mean) / std).astype(np.float32)
        with torch.no_grad():
            logits = forward(model, torch.from_numpy(tensor).reshape(1, 1, 28, 28))
            probs = torch.softmax(logits, dim=1)
        cases.append({
            "source": source,
            "label": None,
            "input": [round(float(p), 7) for p in tensor.reshape(-1)],
            "logits": [float(p) for p in logits[0]],
            "probabilities": [float(p) for p in probs[0]],
        })
    ref = {
        "model": "pneumonia-cnn.onnx",
        "sha256": hashlib.sha256(open(onnx_path, "rb").read()).hexdigest(),
        "input": {"name": "image", "shape": [1, 28, 28]},
        "labels": LABELS,
        "cases": cases,
    }
    with open(os.path.join(out_dir, "pneumonia-cnn.reference.json"), "w") as f:
        json.dump(ref, f)
        f.write("\n")
    for c in cases:
        print(c["source"], [round(p, 4) for p in c["probabilities"]])


if __name__ == "__main__":
    main()
