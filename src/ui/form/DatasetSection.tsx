/** Dataset picker (only the preset's compatible sets, or the user's uploaded data) and its settings. */
import { DATASET_LABELS, datasetsFor } from '../../core/experiment/defaults';
import type { BuiltInDatasetId } from '../../core/experiment/spec';
import type { FormProblems } from '../../store/form-problems';
import { useStudio } from '../studio';
import { DATASET_FIELDS, IMAGE_SIZES } from './fields';
import { NumberField } from './NumberField';
import { DataScatter } from '../plane/DataScatter';
import { MissingFile } from './upload/MissingFile';
import { UploadPanel } from './upload/UploadPanel';

/** The dataset part of the form; split fractions go to the advanced section. */
export function DatasetSection({ problems }: { readonly problems: FormProblems }) {
  const preset = useStudio((s) => s.preset);
  const dataset = useStudio((s) => s.spec.dataset);
  const setDataset = useStudio((s) => s.setDataset);
  const setNumber = useStudio((s) => s.setDatasetNumber);
  const mnist = dataset.id === 'mnist';
  const upload = dataset.upload;
  const sizeProblems = problems.byField.get('imageSize');
  return (
    <fieldset className="form-section">
      <legend>Dataset</legend>
      <div className="field">
        <label htmlFor="dataset-select">Dataset</label>
        <select
          id="dataset-select"
          data-testid="dataset-select"
          value={dataset.id}
          onChange={(e) => {
            if (e.target.value !== 'upload') setDataset(e.target.value as BuiltInDatasetId);
          }}
        >
          {datasetsFor(preset).map((id) => (
            <option key={id} value={id}>
              {DATASET_LABELS[id]}
            </option>
          ))}
          {upload !== undefined ? (
            <option value="upload">
              {DATASET_LABELS.upload}: {upload.name}
            </option>
          ) : null}
        </select>
      </div>
      {upload !== undefined ? (
        <p className="field-help" data-testid="upload-in-use">
          {upload.name}: {upload.rows} examples in {upload.classes} classes,{' '}
          {upload.kind === 'table'
            ? `features ${upload.features.join(', ')}, label ${upload.label}${upload.standardize ? ', standardised' : ''}`
            : `${upload.side} × ${upload.side} ${upload.channels === 3 ? 'RGB' : 'gray'}`}
          .
        </p>
      ) : null}
      {upload !== undefined ? <MissingFile upload={upload} /> : null}
      <details className="upload-details" open={false}>
        <summary data-testid="upload-open">Upload your own data…</summary>
        <UploadPanel />
      </details>
      <NumberField
        name="samples"
        path="dataset.samples"
        info={DATASET_FIELDS.samples}
        value={dataset.samples}
        problems={problems.byField.get('samples')}
        onCommit={(v) => setNumber('samples', v)}
      />
      {upload !== undefined ? null : mnist ? (
        <div className={sizeProblems ? 'field field-invalid' : 'field'}>
          <label htmlFor="image-size">Image size</label>
          <select
            id="image-size"
            data-testid="field-imageSize"
            value={dataset.imageSize}
            onChange={(e) => setNumber('imageSize', Number(e.target.value))}
          >
            {IMAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n} × {n}
              </option>
            ))}
          </select>
          <span className="field-help">Digits are downsampled from 28 × 28.</span>
          {sizeProblems ? (
            <span className="field-error" data-testid="field-error-imageSize" role="alert">
              {sizeProblems.map((p) => p.message).join(' ')}
            </span>
          ) : null}
        </div>
      ) : (
        <NumberField
          name="noise"
          path="dataset.noise"
          info={DATASET_FIELDS.noise}
          value={dataset.noise}
          problems={problems.byField.get('noise')}
          onCommit={(v) => setNumber('noise', v)}
        />
      )}
      <DataScatter />
    </fieldset>
  );
}
