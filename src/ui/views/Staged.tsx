/**
 * Mounts a view's cards one task apart: the run view's seven cards, each creating its d3 chart,
 * took 63-98 ms of the main thread in one task when Run opened the view (a long task); staged, each
 * card mounts in a task of its own.
 */
import { useEffect, useState, type ReactNode } from 'react';

/** Milliseconds between two stages: about a frame, so the page paints between them. */
export const STAGE_MS = 16;

/** Renders `children` at once for `order` 0, else `order` stages after it mounts. */
export function Staged({
  order,
  children,
}: {
  readonly order: number;
  readonly children: ReactNode;
}) {
  const [ready, setReady] = useState(order <= 0);
  useEffect(() => {
    if (ready) return undefined;
    const timer = setTimeout(() => setReady(true), order * STAGE_MS);
    return () => clearTimeout(timer);
  }, [ready, order]);
  return ready ? <>{children}</> : null;
}
