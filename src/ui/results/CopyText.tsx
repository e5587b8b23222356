/** A block of monospace text with a copy button. */
import { useState } from 'react';

/** Shows `text` selectable, with a button that copies it to the clipboard. */
export function CopyText({
  text,
  testId,
  label,
}: {
  readonly text: string;
  readonly testId: string;
  readonly label: string;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };
  return (
    <div className="copy-text">
      <div className="copy-head">
        <span>{label}</span>
        <button type="button" className="link" onClick={copy} aria-label={`Copy ${label}`}>
          {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copy failed: select the text' : 'Copy'}
        </button>
      </div>
      <pre data-testid={testId} tabIndex={0}>
        {text}
      </pre>
    </div>
  );
}
