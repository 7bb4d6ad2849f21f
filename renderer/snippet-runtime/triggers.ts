import type { TriggerConfig } from '../../shared/domain/snippet-runtime-config';
import type { Namespace } from './dom';

/** What a popup does with its triggers: whether the cap hides it, tell them it showed, and start them. */
export interface Triggers {
  capped(): boolean;
  fired(): void;
  arm(): void;
}

const DAY = 86_400_000;

/**
 * Delay, scroll depth and exit intent (pointer leaving through the top on desktop; a Back press or going idle on
 * touch devices), and a frequency cap per visitor in localStorage. `show` is called when a trigger fires; `fired`
 * must be called by `show` so pending timers stop and the time is remembered.
 */
export function popupTriggers(cfg: TriggerConfig, ns: Namespace, show: () => void, isShown: () => boolean): Triggers {
  const timers: ReturnType<typeof setTimeout>[] = [];
  /** Whether we pushed a history entry to catch the Back button; it must not outlive the popup. */
  let guarded = false;

  function lastShown(): number {
    try {
      return Number(window.localStorage.getItem(cfg.key)) || 0;
    } catch {
      return ns.memory[cfg.key] || 0;
    }
  }
  function scrolledPercent(): number {
    const doc = document.documentElement;
    const max = Math.max(doc.scrollHeight, document.body ? document.body.scrollHeight : 0) - window.innerHeight;
    if (max <= 0) return 0;
    const top = window.pageYOffset || doc.scrollTop || 0;
    return Math.min(100, (top / max) * 100);
  }
  function capped(): boolean {
    return cfg.capDays > 0 && Date.now() - lastShown() < cfg.capDays * DAY;
  }
  function ownsHistoryEntry(): boolean {
    const state = window.history.state as { odExitIntent?: string } | null;
    return !!state && state.odExitIntent === cfg.ref;
  }
  function fired(): void {
    for (const timer of timers) clearTimeout(timer);
    const now = Date.now();
    ns.memory[cfg.key] = now;
    try {
      window.localStorage.setItem(cfg.key, String(now));
    } catch {
      /* storage blocked: cap for this page only */
    }
    // Shown by another trigger while our Back-catching entry is still on top: drop it, so the visitor's next Back
    // leaves the page as they expect instead of being swallowed by a popup that has already been seen.
    if (guarded && ownsHistoryEntry()) {
      guarded = false;
      window.history.back();
    }
  }
  function armExit(): void {
    // Desktop: the pointer leaves the viewport through its top edge, towards the tabs and the close button.
    const onLeave = (event: MouseEvent): void => {
      if (!event.relatedTarget && event.clientY <= 0) show();
    };
    document.addEventListener('mouseout', onLeave);
    document.documentElement.addEventListener('mouseleave', onLeave);
    const coarse = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
    if (!coarse) return;
    // Touch: no pointer to watch, so a Back press (after a first tap, as browsers require) or going idle counts.
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const resetIdle = (): void => {
      if (isShown()) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(show, cfg.idle * 1000);
      timers.push(idleTimer);
    };
    for (const type of ['touchstart', 'scroll', 'keydown']) window.addEventListener(type, resetIdle, { passive: true });
    resetIdle();
    const onPop = (): void => {
      // Our entry is gone now (the browser popped it); show once, then never hold Back again.
      guarded = false;
      window.removeEventListener('popstate', onPop);
      if (!isShown()) show();
    };
    const guardBack = (): void => {
      if (guarded || isShown() || !window.history || !window.history.pushState) return;
      try {
        window.history.pushState({ odExitIntent: cfg.ref }, '');
      } catch {
        return;
      }
      guarded = true;
      window.addEventListener('popstate', onPop);
      window.removeEventListener('touchend', guardBack);
      window.removeEventListener('click', guardBack);
    };
    window.addEventListener('touchend', guardBack, { passive: true });
    window.addEventListener('click', guardBack);
  }
  function arm(): void {
    if (cfg.delay > 0) timers.push(setTimeout(show, cfg.delay * 1000));
    if (cfg.scroll > 0) {
      const onScroll = (): void => {
        if (isShown()) {
          window.removeEventListener('scroll', onScroll);
          return;
        }
        if (scrolledPercent() >= cfg.scroll) show();
      };
      window.addEventListener('scroll', onScroll, { passive: true });
    }
    if (cfg.exit) armExit();
  }
  return { capped, fired, arm };
}
