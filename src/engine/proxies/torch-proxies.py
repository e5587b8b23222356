"""The PyTorch side of the zero-cost proxy parity test (proxies-torch.test.ts).

Reads JSON cases on stdin: each the source of an exported network (core/export/pytorch.ts), the
studio's weights in creation order (label, shape, values), and one batch. Loads the weights into
the PyTorch network, computes every proxy from the papers' definitions in float64 with autograd
(GraSP's Hessian-gradient product by double backward), and prints JSON: per case the logits and
the scores, or the error.
"""
import json
import math
import runpy
import sys
import traceback

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def scored_layers(model):
    return [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]


def kind_of(label):
    if label.startswith("conv") or label.startswith("fr_"):
        return "conv"
    if label.startswith("dw"):
        return "dw"
    return label  # dense_w, dense_b, bn_gamma, bn_beta


def load_weights(model, weights):
    """Each PyTorch parameter takes the first unused studio weight of its kind and shape."""
    owners = {}
    for mname, module in model.named_modules():
        for pname, _ in module.named_parameters(recurse=False):
            owners[f"{mname}.{pname}" if mname else pname] = module
    used = [False] * len(weights)
    for name, param in model.named_parameters():
        module = owners[name]
        if isinstance(module, nn.Conv2d):
            kind = "dw" if module.groups > 1 else "conv"
        elif isinstance(module, nn.Linear):
            kind = "dense_w" if name.endswith("weight") else "dense_b"
        else:
            kind = "bn_gamma" if name.endswith("weight") else "bn_beta"
        for i, w in enumerate(weights):
            if used[i] or kind_of(w["label"]) != kind:
                continue
            t = torch.tensor(w["values"], dtype=torch.float64).reshape(w["shape"])
            if kind == "conv":
                t = t.permute(3, 2, 0, 1)
            elif kind == "dw":
                t = t.permute(2, 3, 0, 1)
            elif kind == "dense_w":
                t = t.t()
            if tuple(t.shape) != tuple(param.shape):
                continue
            with torch.no_grad():
                param.copy_(t)
            used[i] = True
            break
        else:
            raise ValueError(f"no studio weight for {name} {tuple(param.shape)}")
    if not all(used):
        raise ValueError("some studio weights were not used")


def build(case):
    ns = runpy.run_path(case["path"])
    model = ns["Network"]().double()
    load_weights(model, case["weights"])
    model.train()
    return model, ns


def batch_of(case):
    x = torch.tensor(case["x"], dtype=torch.float64).reshape(case["xshape"])
    if x.dim() == 4:
        x = x.permute(0, 3, 1, 2).contiguous()
    y = torch.tensor(case["y"], dtype=torch.long)
    return x, y


def weight_grads(model, x, y, create_graph=False):
    weights = [m.weight for m in scored_layers(model)]
    loss = F.cross_entropy(model(x), y)
    return weights, torch.autograd.grad(loss, weights, create_graph=create_graph, allow_unused=True)


def snip(model, x, y):
    ws, gs = weight_grads(model, x, y)
    return sum(float((w * g).abs().sum()) for w, g in zip(ws, gs) if g is not None)


def grad_norm(model, x, y):
    _, gs = weight_grads(model, x, y)
    return sum(float(g.norm()) for g in gs if g is not None)


def grasp(model, x, y):
    ws, gs = weight_grads(model, x, y)
    g_const = [g.detach() if g is not None else None for g in gs]
    _, gf = weight_grads(model, x, y, create_graph=True)
    z = sum((gc * g).sum() for gc, g in zip(g_const, gf) if gc is not None and g is not None)
    hg = torch.autograd.grad(z, ws, allow_unused=True)
    return -sum(float((w * h).sum()) for w, h in zip(ws, hg) if h is not None)


def fisher(model, x, y):
    acts = []

    def keep(mod, inp, out):
        out.retain_grad()
        acts.append(out)

    hooks = [m.register_forward_hook(keep) for m in scored_layers(model)]
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    for h in hooks:
        h.remove()
    total = 0.0
    for a in acts:
        g = a.grad
        per = (a * g).sum(dim=(2, 3)) if a.dim() == 4 else a * g
        total += float(0.5 * per.pow(2).mean(0).sum())
    model.zero_grad()
    return total


def jacob_cov(model, x, y):
    x = x.clone().requires_grad_(True)
    out = model(x)
    out.backward(torch.ones_like(out))
    j = x.grad.reshape(x.shape[0], -1).numpy()
    model.zero_grad()
    c = np.corrcoef(j)
    v = np.linalg.eigvalsh(c)
    k = 1e-5
    return float(-np.sum(np.log(v + k) + 1.0 / (v + k)))


class ReluWatch:
    """torch.nn.functional with relu reporting its input (FactorizedReduce calls F.relu)."""

    def __init__(self, seen):
        self.seen = seen

    def __getattr__(self, name):
        return getattr(F, name)

    def relu(self, x, *args, **kwargs):
        self.seen(x)
        return F.relu(x, *args, **kwargs)


def naswot(model, ns, x, y):
    n = x.shape[0]
    kernel = torch.zeros(n, n, dtype=torch.float64)

    def seen(t):
        nonlocal kernel
        c = (t.detach().reshape(n, -1) > 0).double()
        kernel += c @ c.t() + (1 - c) @ (1 - c).t()

    def watch(mod, inp, out):
        seen(inp[0])

    hooks = [m.register_forward_hook(watch) for m in model.modules() if isinstance(m, nn.ReLU)]
    # Functional ReLUs inside the exported classes look F up in the module globals.
    cls_globals = ns["FactorizedReduce"].forward.__globals__
    original = cls_globals["F"]
    cls_globals["F"] = ReluWatch(seen)
    try:
        with torch.no_grad():
            model(x)
    finally:
        cls_globals["F"] = original
        for h in hooks:
            h.remove()
    sign, logdet = np.linalg.slogdet(kernel.numpy())
    return float(logdet)


def synflow(model, x, y):
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.forward = lambda t: t
    with torch.no_grad():
        for p in model.parameters():
            p.abs_()
    ones = torch.ones((1,) + tuple(x.shape[1:]), dtype=torch.float64)
    out = model(ones)
    torch.sum(out).backward()
    return sum(float((m.weight * m.weight.grad).abs().sum()) for m in scored_layers(model) if m.weight.grad is not None)


def run(case):
    x, y = batch_of(case)
    result = {}
    model, ns = build(case)
    with torch.no_grad():
        result["logits"] = model(x).reshape(-1).tolist()
    for name, f in [("snip", snip), ("grad_norm", grad_norm), ("grasp", grasp), ("fisher", fisher), ("jacob_cov", jacob_cov)]:
        model, ns = build(case)
        result[name] = f(model, x, y)
    model, ns = build(case)
    result["naswot"] = naswot(model, ns, x, y)
    model, ns = build(case)
    result["synflow"] = synflow(model, x, y)
    return result


def main():
    torch.set_num_threads(2)
    out = {}
    for case in json.load(sys.stdin):
        try:
            out[case["name"]] = {
                k: (v if isinstance(v, list) or math.isfinite(v) else str(v)) for k, v in run(case).items()
            }
        except Exception:
            out[case["name"]] = {"error": traceback.format_exc()}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
