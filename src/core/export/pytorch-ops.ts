/** The Python text of the op and block definitions a PyTorch export needs, matching the engine's layers. */
import { opDef, type OpName } from '../search-space/ops';

/** Helpers shared by every export: the op building blocks, preprocessing, residual block and cell. */
export const PYTHON_BLOCKS = `def relu_conv_bn(c_in, c_out, kernel, stride):
    """ReLU, k x k convolution (padding (k - 1) / 2, no bias), BatchNorm: DARTS ReLUConvBN, NAS-Bench-201 nor_conv."""
    return nn.Sequential(
        nn.ReLU(),
        nn.Conv2d(c_in, c_out, kernel, stride, (kernel - 1) // 2, bias=False),
        nn.BatchNorm2d(c_out),
    )


def sep_conv(c, kernel, stride):
    """DARTS SepConv: (ReLU, depthwise k x k, pointwise 1x1, BatchNorm) twice; only the first depthwise is strided."""
    pad = (kernel - 1) // 2
    return nn.Sequential(
        nn.ReLU(),
        nn.Conv2d(c, c, kernel, stride, pad, groups=c, bias=False),
        nn.Conv2d(c, c, 1, 1, 0, bias=False),
        nn.BatchNorm2d(c),
        nn.ReLU(),
        nn.Conv2d(c, c, kernel, 1, pad, groups=c, bias=False),
        nn.Conv2d(c, c, 1, 1, 0, bias=False),
        nn.BatchNorm2d(c),
    )


def dil_conv(c, kernel, dilation, stride):
    """DARTS DilConv: ReLU, dilated depthwise k x k (padding (k - 1) / 2 * d), pointwise 1x1, BatchNorm."""
    return nn.Sequential(
        nn.ReLU(),
        nn.Conv2d(c, c, kernel, stride, (kernel - 1) // 2 * dilation, dilation=dilation, groups=c, bias=False),
        nn.Conv2d(c, c, 1, 1, 0, bias=False),
        nn.BatchNorm2d(c),
    )


def pool(kind, kernel, stride):
    """A bare k x k pool (padding (k - 1) / 2, padded cells never counted), as in DARTS's and NAS-Bench-201's evaluation cells."""
    if kind == "max":
        return nn.MaxPool2d(kernel, stride, (kernel - 1) // 2)
    return nn.AvgPool2d(kernel, stride, (kernel - 1) // 2, count_include_pad=False)


def dense(c, activation):
    """A fully connected layer with bias, then its activation (vector cells)."""
    return nn.Sequential(nn.Linear(c, c), activation)


class FactorizedReduce(nn.Module):
    """DARTS FactorizedReduce: ReLU, two 1x1 stride-2 convolutions (the second on the input shifted
    by one pixel, zero-padded at the far edge so odd sizes give ceil(H / 2)), concatenated, BatchNorm."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv_1 = nn.Conv2d(c_in, c_out // 2, 1, 2, 0, bias=False)
        self.conv_2 = nn.Conv2d(c_in, c_out - c_out // 2, 1, 2, 0, bias=False)
        self.bn = nn.BatchNorm2d(c_out)

    def forward(self, x):
        x = F.relu(x)
        shifted = F.pad(x, (0, 1, 0, 1))[:, :, 1:, 1:]
        return self.bn(torch.cat([self.conv_1(x), self.conv_2(shifted)], dim=1))


class ResidualBlock(nn.Module):
    """NAS-Bench-201's reduction block: ReLU-Conv3x3(stride 2)-BN, ReLU-Conv3x3-BN, plus a shortcut of
    2x2 average pooling (stride 2, odd sizes rounded up) and a 1x1 convolution."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.main = nn.Sequential(relu_conv_bn(c_in, c_out, 3, 2), relu_conv_bn(c_out, c_out, 3, 1))
        self.shortcut = nn.Sequential(
            nn.AvgPool2d(2, 2, 0, ceil_mode=True, count_include_pad=False),
            nn.Conv2d(c_in, c_out, 1, 1, 0, bias=False),
        )

    def forward(self, x):
        return self.main(x) + self.shortcut(x)


class Cell(nn.Module):
    """A derived cell. Inputs are preprocessed to the cell's shape; each node sums its kept edges (a
    node left without any is zeros); the output is one node or the channel concat of several. In a
    reduction cell the edges leaving the inputs have stride 2."""

    def __init__(self, genes, channels, reduction, preprocess):
        super().__init__()
        self.preprocess = nn.ModuleList(preprocess)
        self.n_inputs = genes["inputs"]
        self.nodes = genes["nodes"]
        self.edges = genes["edges"]
        self.outputs = genes["outputs"]
        self.reduction = reduction
        self.channels = channels
        self.ops = nn.ModuleList(
            [
                OPS[op](channels, 2 if reduction and source < self.n_inputs else 1)
                for op, source, _ in self.edges
            ]
        )

    def zeros(self, like):
        if like.dim() == 4 and self.reduction:
            n, c, h, w = like.shape
            return like.new_zeros(n, c, (h + 1) // 2, (w + 1) // 2)
        return like.new_zeros(*like.shape)

    def forward(self, inputs):
        values = {i: pre(x) for i, (pre, x) in enumerate(zip(self.preprocess, inputs))}
        for node in self.nodes:
            terms = [
                op(values[source])
                for op, (_, source, target) in zip(self.ops, self.edges)
                if target == node
            ]
            total = terms[0] if terms else self.zeros(values[0])
            for term in terms[1:]:
                total = total + term
            values[node] = total
        outs = [values[node] for node in self.outputs]
        return outs[0] if len(outs) == 1 else torch.cat(outs, dim=1)
`;

const ACTIVATION: Record<string, string> = {
  relu: 'nn.ReLU()',
  tanh: 'nn.Tanh()',
  sigmoid: 'nn.Sigmoid()',
};

/** The Python expression `(c, stride) -> module` of one op (never called for `none`, whose edges are dropped). */
export function opLambda(name: OpName): string {
  const def = opDef(name);
  const k = def.kernel ?? 1;
  switch (def.kind) {
    case 'zero':
      return 'lambda c, stride: None';
    case 'identity':
      return 'lambda c, stride: nn.Identity() if stride == 1 else FactorizedReduce(c, c)';
    case 'pool':
      return `lambda c, stride: pool("${def.pool ?? 'max'}", ${k}, stride)`;
    case 'conv':
      return `lambda c, stride: relu_conv_bn(c, c, ${k}, stride)`;
    case 'sep_conv':
      return `lambda c, stride: sep_conv(c, ${k}, stride)`;
    case 'dil_conv':
      return `lambda c, stride: dil_conv(c, ${k}, ${def.dilation ?? 1}, stride)`;
    case 'dense':
      return `lambda c, stride: dense(c, ${ACTIVATION[def.activation ?? 'relu'] ?? 'nn.ReLU()'})`;
  }
}
