/** Moves focus to the control marked `data-field="<prefix><field>"`, so an error is where the keyboard is. */
export function focusField(field: string | undefined, prefix = ''): void {
  if (!field) return;
  const el = document.querySelector<HTMLElement>(`[data-field="${prefix}${field}"]`);
  el?.focus();
}
