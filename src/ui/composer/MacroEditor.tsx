/** The macro skeleton around the cells: input size, channels, stem, stages, cells per stage, reduction, head. */
import { datasetInput } from '../../core/data/load';
import { LIMITS } from '../../core/experiment/validate';
import type { MacroSpec } from '../../core/search-space/types';
import type { SpaceProblems } from '../../store/composer-problems';
import { IMAGE_SIZES } from '../form/fields';
import { useStudio } from '../studio';
import { ComposerNumber } from './ComposerNumber';
import { tryChange } from './space-actions';

type MacroNumber = Exclude<keyof MacroSpec, 'reduction'>;

const FIELDS: readonly { key: MacroNumber; label: string; help: string }[] = [
  {
    key: 'channels',
    label: 'Channels',
    help: 'Width C of the first stage; each reduction doubles it.',
  },
  {
    key: 'stemMultiplier',
    label: 'Stem multiplier',
    help: 'The stem outputs C × this many channels.',
  },
  { key: 'stages', label: 'Stages', help: 'Resolution halves between stages.' },
  { key: 'cellsPerStage', label: 'Cells per stage', help: 'Normal cells stacked in each stage.' },
];

const REDUCTION_TEXT: Record<MacroSpec['reduction'], string> = {
  cell: 'reduction cell (searched)',
  residual: 'residual block (fixed)',
  none: 'none',
};

/** Props: the macro problems from validation (by field) and anything else about the skeleton. */
export function MacroEditor({ problems }: { readonly problems: SpaceProblems }) {
  const macro = useStudio((s) => s.spec.space.macro);
  const dataset = useStudio((s) => s.spec.dataset);
  const setDatasetNumber = useStudio((s) => s.setDatasetNumber);
  const { input, classes } = datasetInput(dataset);
  const image = input.kind === 'image';
  const messages = (field: string) => (problems.macro.get(field) ?? []).map((p) => p.message);
  const reductions: MacroSpec['reduction'][] = image ? ['cell', 'residual'] : ['none'];
  return (
    <section className="composer-box macro-editor" aria-label="Macro skeleton">
      <h4>Network around the cells</h4>
      <div className="macro-grid">
        <div className="field">
          <label htmlFor="macro-input">Input</label>
          {dataset.id === 'mnist' ? (
            <select
              id="macro-input"
              data-testid="macro-image-size"
              value={dataset.imageSize}
              onChange={(e) => setDatasetNumber('imageSize', Number(e.target.value))}
            >
              {IMAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n} × {n} × 1 digits
                </option>
              ))}
            </select>
          ) : (
            <output id="macro-input">
              {input.kind === 'image'
                ? `${input.height} × ${input.width} × ${input.channels} images`
                : dataset.id === 'upload'
                  ? `${input.features} features`
                  : '2 features (x, y)'}
            </output>
          )}
          <span className="field-help">From the dataset.</span>
        </div>
        {FIELDS.map(({ key, label, help }) => (
          <ComposerNumber
            key={key}
            name={key}
            label={label}
            help={`${help} ${LIMITS.macro[key].min}–${LIMITS.macro[key].max}.`}
            value={macro[key]}
            problems={messages(key)}
            onCommit={(v) => tryChange({ kind: 'macro', patch: { [key]: v } })}
          />
        ))}
        <div className={messages('reduction').length > 0 ? 'field field-invalid' : 'field'}>
          <label htmlFor="reduction-select">Between stages</label>
          <select
            id="reduction-select"
            data-testid="reduction-select"
            value={macro.reduction}
            disabled={reductions.length < 2}
            onChange={(e) =>
              tryChange({
                kind: 'macro',
                patch: { reduction: e.target.value as MacroSpec['reduction'] },
              })
            }
          >
            {reductions.map((r) => (
              <option key={r} value={r}>
                {REDUCTION_TEXT[r]}
              </option>
            ))}
          </select>
          {messages('reduction').length > 0 ? (
            <span className="field-error" role="alert">
              {messages('reduction').join(' ')}
            </span>
          ) : null}
        </div>
      </div>
      <p className="head-text" data-testid="head-text">
        Head: {image ? 'global average pool over the last cell, then a' : 'a'} linear classifier to{' '}
        {classes} classes.
      </p>
    </section>
  );
}
