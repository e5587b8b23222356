/** Whether a chart host shows an svg yet, kept up to date as its d3 view redraws. */
import { useEffect, useState, type RefObject } from 'react';
import { hasChartSvg } from '../../charts/export/chart-picture';

/** True once the element in `host` contains an <svg>, false while it has none. */
export function useHasSvg(host: RefObject<HTMLElement | null>): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const check = (): void => setHas(hasChartSvg(el));
    check();
    const observer = new MutationObserver(check);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [host]);
  return has;
}
