"""Checks NAS Studio's exported networks in real PyTorch (the tests' harness, not part of an export).

Reads a JSON list of cases from stdin, each {"name", "path", "batch", "steps", "main"}, and prints
one JSON list with, per case: the trainable parameter count; multiply-accumulates per example,
counted with forward hooks (a Conv2d adds its output elements x in_channels / groups x kh x kw, a
Linear its output elements x in_features); the output shape of a forward pass on a random batch;
the losses of `steps` SGD steps on random data and labels (a non-finite one as text); the largest change those steps made to
any parameter; how many modules of each kind the network holds; and, when `main` is set, what the
file's own main block prints. A case that fails reports its traceback instead.
"""
import contextlib
import io
import json
import math
import runpy
import sys
import traceback
from collections import Counter

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as err:
    sys.stderr.write(f"PyTorch cannot be imported: {err}\n")
    sys.exit(3)


def macs_per_example(model, shape):
    """Multiply-accumulates of convolutions and linear layers for one example (eval mode, batch of 2)."""
    total = 0

    def conv(module, _inputs, output):
        nonlocal total
        kh, kw = module.kernel_size
        total += output[0].numel() * (module.in_channels // module.groups) * kh * kw

    def linear(module, _inputs, output):
        nonlocal total
        total += output[0].numel() * module.in_features

    hooks = [
        m.register_forward_hook(conv if isinstance(m, nn.Conv2d) else linear)
        for m in model.modules()
        if isinstance(m, (nn.Conv2d, nn.Linear))
    ]
    model.eval()
    with torch.no_grad():
        model(torch.randn(2, *shape))
    for h in hooks:
        h.remove()
    model.train()
    return total


def modules_built(model):
    """How many modules of each class the network holds, plus BatchNorm layers without affine."""
    counts = Counter(type(m).__name__ for m in model.modules())
    counts["BatchNorm2d_without_affine"] = sum(
        1 for m in model.modules() if isinstance(m, nn.BatchNorm2d) and not m.affine
    )
    return dict(counts)


def train_steps(model, shape, classes, batch, steps):
    """Losses of `steps` SGD steps (lr 0.01, momentum 0.9) on random batches, and the largest parameter change."""
    before = [p.detach().clone() for p in model.parameters()]
    optimiser = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    losses = []
    for _ in range(steps):
        x = torch.randn(batch, *shape)
        y = torch.randint(0, classes, (batch,))
        loss = F.cross_entropy(model(x), y)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        value = loss.item()
        losses.append(value if math.isfinite(value) else str(value))
    change = max(
        ((p.detach() - b).abs().max().item() for p, b in zip(model.parameters(), before)),
        default=0.0,
    )
    return losses, change


def check(case):
    """Builds and exercises one exported file."""
    torch.manual_seed(0)
    module = runpy.run_path(case["path"], run_name="exported")
    model = module["Network"]()
    shape = tuple(module["INPUT_SHAPE"])
    classes = module["CLASSES"]
    report = {
        "params": sum(p.numel() for p in model.parameters()),
        "expected": module["EXPECTED_PARAMS"],
        "macs": macs_per_example(model, shape),
        "built": modules_built(model),
    }
    with torch.no_grad():
        report["output"] = list(model(torch.randn(case["batch"], *shape)).shape)
    report["losses"], report["change"] = train_steps(
        model, shape, classes, case["batch"], case["steps"]
    )
    if case.get("main"):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            runpy.run_path(case["path"], run_name="__main__")
        report["main"] = printed.getvalue()
    return report


def main():
    torch.set_num_threads(1)
    reports = []
    for case in json.load(sys.stdin):
        try:
            reports.append({"name": case["name"], **check(case)})
        except Exception:  # a broken export is reported, not fatal to the other cases
            reports.append({"name": case["name"], "error": traceback.format_exc()})
    print(json.dumps(reports))


if __name__ == "__main__":
    main()
