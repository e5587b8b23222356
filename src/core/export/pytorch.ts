/**
 * A derived network as one self-contained PyTorch file: the genotype's ops with the engine's
 * kernels, padding, dilation and BatchNorm arrangement, the cell DAG, preprocessing, stem,
 * reductions, global average pooling and the classifier, plus a main block that checks it runs.
 */
import { subnetCost } from '../cost/network-cost';
import type { InputShape } from '../experiment/spec';
import { formatDartsGenotype, formatNb201 } from '../search-space/format';
import type { OpName } from '../search-space/ops';
import type { CellRole, Genotype, SearchSpaceSpec } from '../search-space/types';
import {
  networkPlan,
  type BlockPlan,
  type CellGenesPlan,
  type PreprocessPlan,
} from './pytorch-plan';
import { opLambda, PYTHON_BLOCKS } from './pytorch-ops';

/** A Python string literal (double-quoted, escaped). */
function pyString(text: string): string {
  return JSON.stringify(text);
}

/** The genes of one cell type as a Python dict literal. */
function genesLiteral(genes: CellGenesPlan): string {
  const edges = genes.edges.map((e) => `("${e.op}", ${e.from}, ${e.to})`).join(', ');
  return [
    '{',
    `    "inputs": ${genes.inputs},`,
    `    "nodes": [${genes.nodes.join(', ')}],`,
    `    "edges": [${edges}],`,
    `    "outputs": [${genes.outputs.join(', ')}],`,
    '}',
  ].join('\n');
}

/** The Python expression of one cell-input preprocessing. */
function preprocessExpr(p: PreprocessPlan): string {
  switch (p.kind) {
    case 'identity':
      return 'nn.Identity()';
    case 'conv1x1':
      return `relu_conv_bn(${p.cin}, ${p.cout}, 1, 1)`;
    case 'factorized_reduce':
      return `FactorizedReduce(${p.cin}, ${p.cout})`;
    case 'dense':
      return `nn.Sequential(nn.ReLU(), nn.Linear(${p.cin}, ${p.cout}))`;
  }
}

const GENES_NAME: Record<CellRole, string> = { normal: 'NORMAL', reduce: 'REDUCE' };

/** The Python expression building one block, with a comment saying where it sits. */
function blockExpr(b: BlockPlan, n: number): string {
  if (b.kind === 'residual')
    return `ResidualBlock(${b.cin}, ${b.cout}),  # block ${n}: residual reduction ${b.cin} -> ${b.cout} channels`;
  const pre = b.preprocess.map(preprocessExpr).join(', ');
  const reduction = b.reduction ? 'True' : 'False';
  const where = `${b.role} cell, ${b.channels} channels per node, input ${b.height}x${b.width}`;
  return `Cell(${GENES_NAME[b.role]}, ${b.channels}, ${reduction}, [${pre}]),  # block ${n}: ${where}`;
}

/** Ops the network runs, in registry order of first use. */
function opsUsed(cells: Partial<Record<CellRole, CellGenesPlan>>): OpName[] {
  const used = new Set<OpName>();
  for (const genes of [cells.normal, cells.reduce])
    for (const e of genes?.edges ?? []) used.add(e.op);
  return [...used];
}

/**
 * One Python file, importing only torch, that defines `Network`, the stand-alone network of
 * `genotype` in `space` for `input` (images NCHW, vectors [batch, features]) and `classes`, as the
 * studio builds it; its main block runs a random batch through it and prints the output shape and
 * the parameter count next to the one the studio's cost model gives. Throws when the genotype does
 * not fit the space or the network cannot be built for the input.
 */
export function pytorchSource(
  space: SearchSpaceSpec,
  genotype: Genotype,
  input: InputShape,
  classes: number,
): string {
  const plan = networkPlan(space, genotype, input, classes);
  const expected = subnetCost(space, genotype, input, classes).params;
  const nb201 = formatNb201(space.normal, genotype.normal);
  const shape =
    input.kind === 'image'
      ? `(${input.channels}, ${input.height}, ${input.width})`
      : `(${input.features},)`;
  const stem =
    plan.domain === 'image'
      ? `nn.Sequential(nn.Conv2d(${plan.inputChannels}, ${plan.stemChannels}, 3, 1, 1, bias=False), nn.BatchNorm2d(${plan.stemChannels}))`
      : `nn.Sequential(nn.Linear(${plan.inputChannels}, ${plan.stemChannels}), nn.ReLU())`;
  const headAct = plan.headBnRelu
    ? `nn.Sequential(nn.BatchNorm2d(${plan.headChannels}), nn.ReLU())`
    : 'nn.Identity()';
  const ops = opsUsed(plan.cells).map((op) => `    "${op}": ${opLambda(op)},`);
  const genes = (['normal', 'reduce'] as const).flatMap((role) => {
    const g = plan.cells[role];
    return g ? [`${GENES_NAME[role]} = ${genesLiteral(g)}`, ''] : [];
  });
  const blockInputs = plan.blocks.map((b, i) =>
    b.kind === 'cell' ? `[${b.inputs.join(', ')}]` : `[${i}]`,
  );
  const pool = plan.domain === 'image' ? 'x.mean(dim=(2, 3))' : 'x';
  return [
    '"""A network derived by NAS Studio, as a self-contained PyTorch model.',
    '',
    `Genotype: ${formatDartsGenotype(space, genotype)}`,
    ...(nb201 ? [`NAS-Bench-201: ${nb201}`] : []),
    `Input: ${shape} per example, ${classes} classes.`,
    `Expected trainable parameters (NAS Studio's cost model): ${expected}`,
    '',
    "Cells hold only the genotype's ops; BatchNorm has scale and shift, and pools have none after them.",
    "The studio normalises with batch statistics at evaluation too; PyTorch's eval() uses running ones.",
    '"""',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    '',
    `INPUT_SHAPE = ${shape}`,
    `CLASSES = ${classes}`,
    `EXPECTED_PARAMS = ${expected}`,
    `GENOTYPE = ${pyString(formatDartsGenotype(space, genotype))}`,
    '',
    '',
    PYTHON_BLOCKS,
    '',
    '# Every op the genotype uses: name -> (channels, stride) -> module.',
    'OPS = {',
    ...ops,
    '}',
    '',
    '# Each cell type: input count, nodes in run order, kept edges (op, source node, target node), output nodes.',
    ...genes,
    '',
    'class Network(nn.Module):',
    '    """The derived network: stem, cells (and reductions), global average pooling, linear classifier."""',
    '',
    '    def __init__(self):',
    '        super().__init__()',
    `        self.stem = ${stem}`,
    '        self.blocks = nn.ModuleList(',
    '            [',
    ...plan.blocks.map((b, i) => `                ${blockExpr(b, i + 1)}`),
    '            ]',
    '        )',
    '        # Which earlier outputs each block reads (0 is the stem).',
    `        self.block_inputs = [${blockInputs.join(', ')}]`,
    `        self.head_act = ${headAct}`,
    `        self.classifier = nn.Linear(${plan.headChannels}, ${classes})`,
    '',
    '    def forward(self, x):',
    '        states = [self.stem(x)]',
    '        for block, inputs in zip(self.blocks, self.block_inputs):',
    '            if isinstance(block, Cell):',
    '                states.append(block([states[i] for i in inputs]))',
    '            else:',
    '                states.append(block(states[inputs[0]]))',
    '        x = self.head_act(states[-1])',
    `        return self.classifier(${pool})`,
    '',
    '',
    'if __name__ == "__main__":',
    '    torch.manual_seed(0)',
    '    model = Network()',
    '    batch = torch.randn(2, *INPUT_SHAPE)',
    '    logits = model(batch)',
    '    params = sum(p.numel() for p in model.parameters())',
    '    print("output shape:", tuple(logits.shape))',
    '    print(f"parameters: {params} (NAS Studio expects {EXPECTED_PARAMS})")',
    '',
  ].join('\n');
}
