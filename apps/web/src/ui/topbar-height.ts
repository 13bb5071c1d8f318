/**
 * The sticky top bar's height as the CSS variable `--topbar-height` on the root element. The bar
 * wraps onto a second row when its buttons do not fit (English, last year's report loaded, a long
 * save state), and what sticks below it — the checks panel, a cell scrolled to or moved to with the
 * keys — must start under it, whatever its height.
 */
import type { RefObject } from "preact";
import { useLayoutEffect } from "preact/hooks";

export const TOPBAR_HEIGHT_VAR = "--topbar-height";

export function useTopbarHeight(bar: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty(TOPBAR_HEIGHT_VAR, `${Math.ceil(el.getBoundingClientRect().height)}px`);
    update();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty(TOPBAR_HEIGHT_VAR);
    };
  }, [bar]);
}
