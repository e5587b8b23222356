/** A named control group a lesson link can hide (not rendered) or lock (shown, every control in it disabled). */
import type { ReactNode } from 'react';
import type { ControlGroup } from '../../core/link';
import { useLink } from '../share/links';

/** Whether the open lesson link hides or locks `group`. */
export function useControlGroup(group: ControlGroup): 'hidden' | 'locked' | 'open' {
  return useLink((s) => {
    const t = s.teaching;
    if (t === null) return 'open';
    if (t.hidden.includes(group)) return 'hidden';
    return (t.locked as readonly string[]).includes(group) ? 'locked' : 'open';
  });
}

/** Its children, hidden or locked as the open lesson link says. */
export function ControlGroupBox({
  group,
  children,
}: {
  readonly group: ControlGroup;
  readonly children: ReactNode;
}) {
  const state = useControlGroup(group);
  if (state === 'hidden') return null;
  if (state === 'open') return <>{children}</>;
  return (
    <fieldset
      className="locked-group"
      disabled
      data-testid={`locked-${group}`}
      title="Locked by the lesson link"
    >
      {children}
    </fieldset>
  );
}
