/** Hosts a d3 view in React: created in an effect, updated with new data, destroyed on cleanup. */
import { useEffect, useRef } from 'react';
import type { ChartView } from '../../charts/view';

/** Props: a stable `create` (module-level function), the data to draw, and the host's test id and class. */
export interface ChartHostProps<D> {
  readonly create: (el: HTMLElement) => ChartView<D>;
  readonly data: D;
  readonly testId?: string;
  readonly className?: string;
  readonly label?: string;
  /** ARIA role of the host: 'img' (default) for a picture, 'group' for a chart with controls inside. */
  readonly role?: 'img' | 'group';
}

/** A div that owns one d3 view. */
export function ChartHost<D>({
  create,
  data,
  testId,
  className,
  label,
  role = 'img',
}: ChartHostProps<D>) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<ChartView<D> | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const v = create(el);
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [create]);
  useEffect(() => {
    view.current?.update(data);
  }, [create, data]);
  return (
    <div ref={host} className={className} data-testid={testId} role={role} aria-label={label} />
  );
}
