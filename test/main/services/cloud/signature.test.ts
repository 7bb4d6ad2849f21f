import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from '../../../../main/services/cloud/signature';

describe('webhook signatures', () => {
  it('signs exactly like HMAC-SHA256 over the raw bytes', () => {
    const body = '{"object":"whatsapp_business_account","entry":[]}';
    const hex = createHmac('sha256', 'secret').update(body).digest('hex');
    expect(signPayload(body, 'secret')).toBe(`sha256=${hex}`);
    expect(signPayload(Buffer.from(body), 'secret')).toBe(`sha256=${hex}`);
  });

  it('accepts a valid signature, also with uppercase hex', () => {
    const body = Buffer.from('{"a":1}');
    const header = signPayload(body, 'k');
    expect(verifySignature(body, header, 'k')).toBe(true);
    expect(verifySignature(body, `sha256=${header.slice(7).toUpperCase()}`, 'k')).toBe(true);
  });

  it('refuses missing, malformed, wrong-length and wrong-secret signatures', () => {
    const body = '{"a":1}';
    const header = signPayload(body, 'k');
    for (const bad of [undefined, null, '', 'sha256=', 'sha1=' + header.slice(7), header.slice(0, -2), `${header}00`, ['x'] as string[]]) {
      expect(verifySignature(body, bad, 'k')).toBe(false);
    }
    expect(verifySignature(body, header, 'other')).toBe(false);
    expect(verifySignature(body, header, '')).toBe(false);
  });

  it('refuses any change to the body', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, flip) => {
        const body = Buffer.from(bytes);
        const header = signPayload(body, 'app-secret');
        const tampered = Buffer.from(body);
        const i = at % tampered.length;
        tampered[i] = tampered[i]! ^ flip;
        expect(verifySignature(body, header, 'app-secret')).toBe(true);
        expect(verifySignature(tampered, header, 'app-secret')).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
