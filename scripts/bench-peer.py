#!/usr/bin/env python3
"""The PyTorch peer of `npm run bench`: the benchmark step (src/bench/workload.ts) in PyTorch.

The same supernet as the studio's engine builds for the benchmark space: a stem (3x3 convolution
without bias, affine BatchNorm), three stages of one NAS-Bench-201 cell at 16, 32 and 64 channels
with residual reduction blocks between them (ReLU-Conv3x3(stride 2)-BN, ReLU-Conv3x3-BN, plus a
2x2 average pool and 1x1 convolution shortcut; affine BatchNorm), and a head of affine BatchNorm,
ReLU, global average pooling and a linear layer. Each cell has nodes n1..n3 fed densely from n0
(the cell input) and the earlier nodes; each of its 6 edges is a mixed op over none, skip_connect,
nor_conv_1x1, nor_conv_3x3 and avg_pool_3x3, summed with softmax(alpha) weights. Inside mixed ops
the convolutions are ReLU-Conv-BN and the pool is followed by BatchNorm, all BatchNorm without
affine; every BatchNorm uses the statistics of the batch at hand (the studio keeps no running
statistics). Pools never count padding. `none` is never computed (it adds exactly zero).

The step is one first-order DARTS step, as the studio's trainer takes it: the alpha gradient of the
loss on a validation batch (no weight gradients computed) and an Adam step (lr 3e-4, betas 0.5 and
0.999, weight decay 1e-3, eps 1e-8); then the weight gradients of the loss on a training batch
(no alpha gradient), clipped to global norm 5, and an SGD step (lr 0.025, momentum 0.9, weight
decay 3e-4). The step ends when its three numbers (train loss, correct count, alpha loss) are read.

Usage: bench-peer.py --count                 prints {"torch": version, "params": N}
       bench-peer.py [--threads 1,2] [--warmups 2] [--repeats 10] [--slow-ms 2000 --slow-repeats 3]
         prints {"torch": version, "params": N, "runs": [{"threads": t, "msPerStep": median,
         "samples": [...], "warmupMs": [...]}, ...]}; each thread count gets a fresh network.
Both print one JSON object on stdout and nothing else; errors go to stderr with exit status 1.
"""

import argparse
import json
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 64
SIDE = 16
CLASSES = 10
CHANNELS = 16
STAGES = 3
SEED = 1
OPS = ("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")
# Edges (from node, to node) of the NAS-Bench-201 cell in the studio's order: into n1 from n0, into
# n2 from n0 and n1, into n3 from n0, n1 and n2.
EDGES = ((0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3))


def batch_norm(channels, affine):
    """BatchNorm with batch statistics always (no running statistics), PyTorch's epsilon."""
    return nn.BatchNorm2d(channels, affine=affine, track_running_stats=False)


def relu_conv_bn(cin, cout, k, stride, affine):
    """ReLU, k x k convolution without bias (symmetric padding), BatchNorm."""
    return nn.Sequential(
        nn.ReLU(inplace=False),
        nn.Conv2d(cin, cout, k, stride=stride, padding=(k - 1) // 2, bias=False),
        batch_norm(cout, affine),
    )


def build_op(name, channels):
    """One candidate op of a supernet edge (stride 1); None for `none`."""
    if name == "none":
        return None
    if name == "skip_connect":
        return nn.Identity()
    if name == "nor_conv_1x1":
        return relu_conv_bn(channels, channels, 1, 1, False)
    if name == "nor_conv_3x3":
        return relu_conv_bn(channels, channels, 3, 1, False)
    if name == "avg_pool_3x3":
        return nn.Sequential(
            nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False),
            batch_norm(channels, False),
        )
    raise ValueError(f"unknown op {name}")


class MixedOp(nn.Module):
    """Every candidate op of one edge, summed with the edge's op weights; `none` is skipped."""

    def __init__(self, channels):
        super().__init__()
        self.ops = nn.ModuleList([op for op in (build_op(n, channels) for n in OPS) if op is not None])
        self.index = [i for i, n in enumerate(OPS) if n != "none"]

    def forward(self, x, weights):
        return sum(weights[i] * op(x) for i, op in zip(self.index, self.ops))


class Cell(nn.Module):
    """The NAS-Bench-201 cell: node j sums its incoming edges; the output is the last node."""

    def __init__(self, channels):
        super().__init__()
        self.edges = nn.ModuleList([MixedOp(channels) for _ in EDGES])

    def forward(self, x, weights):
        states = [x]
        for node in range(1, 4):
            states.append(
                sum(
                    self.edges[e](states[src], weights[e])
                    for e, (src, dst) in enumerate(EDGES)
                    if dst == node
                )
            )
        return states[-1]


class ResidualBlock(nn.Module):
    """NAS-Bench-201's residual reduction: two ReLU-Conv-BN (the first strided) plus pool + 1x1 shortcut."""

    def __init__(self, cin, cout):
        super().__init__()
        self.main = nn.Sequential(relu_conv_bn(cin, cout, 3, 2, True), relu_conv_bn(cout, cout, 3, 1, True))
        self.pool = nn.AvgPool2d(2, stride=2, padding=0)
        self.project = nn.Conv2d(cin, cout, 1, bias=False)

    def forward(self, x):
        return self.main(x) + self.project(self.pool(x))


class Supernet(nn.Module):
    """Stem, stages of one cell with residual reductions between them, BatchNorm-ReLU-pool-linear head."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, CHANNELS, 3, padding=1, bias=False), batch_norm(CHANNELS, True))
        blocks = []
        channels = CHANNELS
        for stage in range(STAGES):
            if stage > 0:
                blocks.append(ResidualBlock(channels, channels * 2))
                channels *= 2
            blocks.append(Cell(channels))
        self.blocks = nn.ModuleList(blocks)
        self.last = nn.Sequential(batch_norm(channels, True), nn.ReLU(inplace=False))
        self.classifier = nn.Linear(channels, CLASSES)
        self.alpha = nn.Parameter(1e-3 * torch.randn(len(EDGES), len(OPS)))

    def weights(self):
        """Network weights: every parameter but the alphas."""
        return [p for name, p in self.named_parameters() if name != "alpha"]

    def forward(self, x, op_weights):
        h = self.stem(x)
        for block in self.blocks:
            h = block(h, op_weights) if isinstance(block, Cell) else block(h)
        return self.classifier(self.last(h).mean(dim=(2, 3)))


def param_count(net):
    """Scalar network weights (alphas excluded), as the studio counts them."""
    return sum(p.numel() for p in net.weights())


class Workload:
    """The supernet, its optimisers and two fixed seeded batches (train, valid)."""

    def __init__(self):
        torch.manual_seed(SEED)
        self.net = Supernet()
        self.weights = self.net.weights()
        self.sgd = torch.optim.SGD(self.weights, lr=0.025, momentum=0.9, weight_decay=3e-4)
        self.adam = torch.optim.Adam(
            [self.net.alpha], lr=3e-4, betas=(0.5, 0.999), eps=1e-8, weight_decay=1e-3
        )
        self.train = (torch.randn(BATCH, 3, SIDE, SIDE), torch.randint(0, CLASSES, (BATCH,)))
        self.valid = (torch.randn(BATCH, 3, SIDE, SIDE), torch.randint(0, CLASSES, (BATCH,)))

    def step(self):
        """One first-order DARTS step; returns its ms."""
        started = time.perf_counter()
        net = self.net
        xv, yv = self.valid
        alpha_loss = F.cross_entropy(net(xv, F.softmax(net.alpha, dim=-1)), yv)
        (grad,) = torch.autograd.grad(alpha_loss, [net.alpha])
        net.alpha.grad = grad
        self.adam.step()
        xt, yt = self.train
        logits = net(xt, F.softmax(net.alpha, dim=-1).detach())
        loss = F.cross_entropy(logits, yt)
        correct = (logits.argmax(dim=1) == yt).sum().float()
        grads = torch.autograd.grad(loss, self.weights)
        for p, g in zip(self.weights, grads):
            p.grad = g
        nn.utils.clip_grad_norm_(self.weights, 5.0)
        self.sgd.step()
        values = torch.stack([loss.detach(), correct, alpha_loss.detach()]).tolist()
        ms = (time.perf_counter() - started) * 1000
        if not all(math.isfinite(v) for v in values):
            raise RuntimeError(f"the step produced a non-finite value: {values}")
        return ms


def measure(threads, warmups, repeats, slow_ms, slow_repeats):
    """Median ms of `repeats` steps (`slow_repeats` when the last warm-up took over `slow_ms`) after
    `warmups` untimed ones, on `threads` intra-op threads."""
    torch.set_num_threads(threads)
    work = Workload()
    warmup_ms = [work.step() for _ in range(warmups)]
    if warmup_ms and warmup_ms[-1] > slow_ms:
        repeats = slow_repeats
    samples = [work.step() for _ in range(repeats)]
    return {
        "threads": torch.get_num_threads(),
        "msPerStep": statistics.median(samples),
        "samples": samples,
        "warmupMs": warmup_ms,
    }


def main():
    parser = argparse.ArgumentParser(description="PyTorch peer of the studio's benchmark step")
    parser.add_argument("--count", action="store_true", help="print the parameter count only")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--warmups", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--slow-ms", type=float, default=2000, help="a warm-up slower than this...")
    parser.add_argument("--slow-repeats", type=int, default=3, help="...gets this many timed steps")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    out = {"torch": torch.__version__, "params": param_count(Supernet())}
    if not args.count:
        threads = [int(t) for t in args.threads.split(",") if t.strip()]
        out["runs"] = [measure(t, args.warmups, args.repeats, args.slow_ms, args.slow_repeats) for t in threads]
    print(json.dumps(out))


if __name__ == "__main__":
    try:
        main()
    except Exception as err:  # one line on stderr, as the bench reports it
        print(f"{type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(1)
