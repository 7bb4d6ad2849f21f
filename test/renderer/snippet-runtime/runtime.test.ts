import { describe, expect, it } from 'vitest';
import { composeChatMessage } from '../../../renderer/snippet-runtime/chat';
import { toWellFormed, waUrl } from '../../../renderer/snippet-runtime/dom';
import { purposeLetter } from '../../../renderer/snippet-runtime/optin-form';
import { appendRef, refSuffix } from '../../../shared/domain/entry-points/ref-code';
import { buildWaLink } from '../../../shared/domain/entry-points/wa-link';

describe('snippet runtime helpers', () => {
  it('replaces lone surrogates, keeps pairs, and never makes encodeURIComponent throw', () => {
    expect(toWellFormed('a\uD83Db')).toBe('a\uFFFDb');
    expect(toWellFormed('a\uDE00b')).toBe('a\uFFFDb');
    expect(toWellFormed('🍞 pan')).toBe('🍞 pan');
    expect(toWellFormed('end\uD83D')).toBe('end\uFFFD');
    expect(() => waUrl('34612345678', 'bad \uD83D text')).not.toThrow();
    expect(waUrl('34612345678', 'bad \uD83D text')).toBe('https://wa.me/34612345678?text=bad%20%EF%BF%BD%20text');
  });

  it('opens exactly the link buildWaLink makes, with the ref appended as appendRef does', () => {
    for (const message of ['Hola', 'Hola  \n', '¿Pan? 🍞', `Already ${refSuffix('A7K2')}`]) {
      const url = waUrl('34612345678', composeChatMessage(message, refSuffix('A7K2')));
      expect(url).toBe(buildWaLink('+34612345678', appendRef(message, 'A7K2', 'chat')));
    }
  });

  it('gives the JOIN letter of what is ticked', () => {
    expect([purposeLetter(true, true), purposeLetter(true, false), purposeLetter(false, true), purposeLetter(false, false)]).toEqual(['B', 'M', 'U', '']);
  });
});
