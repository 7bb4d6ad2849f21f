import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { es } from '../../renderer/i18n/es';
import { hi } from '../../renderer/i18n/hi';
import { pt } from '../../renderer/i18n/pt';

/** Every leaf as "path → text". */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const source = leaves(en);

describe.each([
  ['es', es],
  ['pt', pt],
  ['hi', hi],
])('%s translation', (_name, messages) => {
  const translated = leaves(messages);

  it('has exactly the English keys', () => {
    expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
  });

  it('leaves no text empty and keeps every {{placeholder}}', () => {
    for (const [path, text] of source) {
      const other = translated.get(path) ?? '';
      if (text.trim() !== '') expect(other.trim(), path).not.toBe('');
      expect(placeholders(other), path).toEqual(placeholders(text));
    }
  });
});
