import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buttonSnippetForms } from '../../../../shared/domain/entry-points/button-snippet';
import { chatSnippetForms } from '../../../../shared/domain/entry-points/chat-snippet';
import { sriHash, type SnippetForms } from '../../../../shared/domain/entry-points/snippet-common';
import { optInSnippetForms } from '../../../../shared/domain/opt-in/optin-snippets';

const nodeSri = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

const chat = chatSnippetForms({
  digits: '34612345678',
  refCode: 'A7K2',
  shopName: 'Café Sol ☕',
  greeting: 'नमस्ते',
  openingHours: '9–18',
  prefilledMessage: 'Hola',
  colour: '#075E54',
  position: 'bottom-right',
});
const button = buttonSnippetForms({
  url: 'https://wa.me/34612345678?text=Hola',
  label: 'Chat',
  colour: '#25D366',
  size: 'medium',
  position: 'bottom-right',
  refCode: 'A7K2',
});
const optIn = optInSnippetForms({
  widget: { code: 'K7M2Q', kind: 'web_widget', purposes: ['utility'], statements: { U: 'I agree' }, headline: 'Join', colour: '#25D366', locale: 'en' },
  digits: '34612345678',
});

function expectHostedForm(forms: SnippetForms, tag: RegExp): void {
  expect(forms.hosted.files).toHaveLength(1);
  const file = forms.hosted.files[0]!;
  expect(file.integrity).toBe(nodeSri(file.text));
  const [, src, integrity] = tag.exec(forms.hosted.html)!;
  expect(src).toBe(`/${file.name}`);
  expect(integrity).toBe(file.integrity);
  // Nothing inline is left for a strict policy to block.
  expect(forms.hosted.html).not.toMatch(/<script>|<style|style="/);
}

describe('the CSP-compatible (hosted) form of every snippet', () => {
  it('hashes like SRI does (SHA-256, base64), non-ASCII included', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'Café ☕ नमस्ते 🍞']) expect(sriHash(text)).toBe(nodeSri(text));
  });

  it('script snippets: one file, loaded by a tag carrying its hash; the file is the inline code', () => {
    expectHostedForm(chat, /<script src="([^"]+)" integrity="([^"]+)"><\/script>/);
    expectHostedForm(optIn, /<script src="([^"]+)" integrity="([^"]+)"><\/script>/);
    const inlineCode = /<script>(.*)<\/script>/s.exec(chat.inline)![1]!;
    expect(chat.hosted.files[0]!.text).toBe(`${inlineCode}\n`);
    expect(chat.inlineScriptHash).toBe(nodeSri(inlineCode));
    expect(chat.hosted.files[0]!.name).toBe('outreach-desk-chat-A7K2.js');
  });

  it('the button: a stylesheet file, and an icon sized by attributes when CSS is blocked', () => {
    expectHostedForm(button, /<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)">/);
    expect(button.hosted.files[0]!.type).toBe('text/css');
    expect(button.inline).toMatch(/<svg [^>]*width="20" height="20"/);
    expect(button.hosted.html).toMatch(/<svg [^>]*width="20" height="20"/);
  });

  it('runtimes pass the running script (for its nonce and its place) and load nothing', () => {
    expect(chat.inline).toContain(',document.currentScript);</script>');
    for (const forms of [chat, optIn]) {
      const code = forms.hosted.files[0]!.text;
      const urls = code.match(/https?:\/\/[^"'\s)<]+/g) ?? [];
      expect(urls.filter((u) => !u.startsWith('https://wa.me/') && u !== 'http://www.w3.org/2000/svg')).toEqual([]);
      expect(code).not.toMatch(/fetch\(|XMLHttpRequest|import\(|sendBeacon|@import/);
    }
  });
});
