import type { Namespace } from './dom';

/** A dialog overlay inside a shadow root: focus trapped and given back, Escape and the backdrop close it. */
export interface Modal {
  /** Takes the page: false (and nothing happens) while another of our dialogs is open, so popups never stack. */
  open(host: HTMLElement, root: ShadowRoot, overlay: HTMLElement): boolean;
  hide(): void;
}

/** `selector` picks the focusable elements Tab cycles through inside the overlay. */
export function popupModal(ns: Namespace, selector: string): Modal {
  let current: { host: HTMLElement; root: ShadowRoot; overlay: HTMLElement } | null = null;
  let previousFocus: Element | null = null;

  function onKeydown(event: KeyboardEvent): void {
    if (!current) return;
    if (event.key === 'Escape' || event.key === 'Esc') {
      event.preventDefault();
      hide();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = current.overlay.querySelectorAll<HTMLElement>(selector);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    // Inside a shadow root the document sees the host as focused; the root knows which of our elements it is.
    const active = current.root.activeElement;
    const inside = !!active && current.overlay.contains(active);
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }
  function hide(): void {
    if (!current) return;
    document.removeEventListener('keydown', onKeydown, true);
    current.host.remove();
    current = null;
    ns.modalOpen = false;
    const back = previousFocus as HTMLElement | null;
    if (back && typeof back.focus === 'function' && document.contains(back)) back.focus();
  }
  function open(host: HTMLElement, root: ShadowRoot, overlay: HTMLElement): boolean {
    if (ns.modalOpen || current) return false;
    ns.modalOpen = true;
    previousFocus = document.activeElement;
    current = { host, root, overlay };
    overlay.addEventListener('click', (event) => {
      if (event.target === overlay) hide();
    });
    document.addEventListener('keydown', onKeydown, true);
    return true;
  }
  return { open, hide };
}
