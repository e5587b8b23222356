"""Runs an exported network file under the shape-only torch stand-in and prints one JSON line:
parameters, output shape, the expected count the file states, and how many of each module it built."""
import json
import runpy
import sys

import torch
from torch import nn

module = runpy.run_path(sys.argv[1], run_name="exported")
model = module["Network"]()
out = model(torch.randn(2, *module["INPUT_SHAPE"]))
print(json.dumps({
    "params": sum(p.numel() for p in model.parameters()),
    "expected": module["EXPECTED_PARAMS"],
    "output": list(out.shape),
    "built": dict(nn.BUILT),
}))
