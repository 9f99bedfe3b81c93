#!/usr/bin/python3
"""Writes an untrained 224x224 CNN (ONNX) for latency benchmarks, plus a card for it.

    /usr/bin/python3 tools/train/make_bench_cnn224.py <out-dir>

bench/inference.bench.ts runs this into a temporary folder: the model's weights are random
(seeded), so only its latency means anything. Shape: a ResNet-like stack of stride-2 conv-BN-ReLU
blocks (32, 64, 128, 256 channels, two convs each), global average pool, linear to 2 logits.
"""
import hashlib
import json
import os
import sys

import torch
import torch.nn as nn


def block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
    )


class Cnn224(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(block(1, 32), block(32, 64), block(64, 128), block(128, 256))
        self.head = nn.Linear(256, 2)

    def forward(self, x):
        return self.head(self.features(x).mean(dim=(2, 3)))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(7)
    model = Cnn224().eval()
    path = os.path.join(out, "bench-cnn224.onnx")
    torch.onnx.export(model, torch.zeros(1, 1, 224, 224), path, opset_version=13, input_names=["image"],
                      output_names=["logits"], dynamic_axes={"image": {0: "N"}, "logits": {0: "N"}})
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    card = {
        "schemaVersion": "1.0.0",
        "name": "bench-cnn224",
        "version": "0.0.1",
        "model": {"file": "bench-cnn224.onnx", "sha256": digest, "format": "onnx", "opset": 13},
        "intendedUse": {"summary": "Latency benchmark only, random weights; not a diagnostic device.",
                        "limitations": ["Untrained: its outputs mean nothing."]},
        "input": {"kind": "image", "tensorName": "image", "shape": ["N", 1, 224, 224], "layout": "NCHW",
                  "dtype": "float32"},
        "preprocessing": {"channels": "luma", "crop": "center-square", "intensity": {"method": "minmax"},
                          "resize": {"width": 224, "height": 224, "interpolation": "area"},
                          "normalize": {"mean": [0.5], "std": [0.25]}},
        "output": {"tensorName": "logits", "labels": ["a", "b"], "activation": "softmax"},
        "training": {"dataset": "none (random weights)", "script": "tools/train/make_bench_cnn224.py"},
        "metrics": {"split": "none", "accuracy": 0, "auc": 0},
    }
    with open(os.path.join(out, "bench-cnn224.card.json"), "w") as f:
        json.dump(card, f)
    print(path)


if __name__ == "__main__":
    main()
