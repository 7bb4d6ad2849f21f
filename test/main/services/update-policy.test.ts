import { describe, expect, it } from 'vitest';
import { busyState, mayRestartForUpdate, resolveUpdateFeed } from '../../../main/services/update-policy';

const idle = { campaignSending: false, importRunning: false };

describe('update feed', () => {
  it('is off when nobody configured one', () => {
    expect(resolveUpdateFeed({})).toEqual({ on: false, reason: 'not_configured' });
    expect(resolveUpdateFeed({ env: '  ', packaged: '' })).toEqual({ on: false, reason: 'not_configured' });
    expect(resolveUpdateFeed({ packaged: 42 })).toEqual({ on: false, reason: 'not_configured' });
  });

  it('takes the environment before the feed baked into the build, and ends it with a slash', () => {
    expect(resolveUpdateFeed({ env: 'https://updates.example.com/desk', packaged: 'https://dist.example.org/' })).toEqual({
      on: true,
      url: 'https://updates.example.com/desk/',
      from: 'env',
    });
    expect(resolveUpdateFeed({ packaged: 'https://dist.example.org/outreach/' })).toEqual({ on: true, url: 'https://dist.example.org/outreach/', from: 'packaged' });
  });

  it('refuses plain HTTP except on loopback, credentials in the URL and non-URLs, naming the source', () => {
    expect(resolveUpdateFeed({ env: 'http://updates.example.com/' })).toMatchObject({ on: false, reason: 'invalid_url', detail: expect.stringContaining('OUTREACH_DESK_UPDATE_URL') });
    expect(resolveUpdateFeed({ packaged: 'ftp://updates.example.com/' })).toMatchObject({ on: false, reason: 'invalid_url', detail: expect.stringContaining('updateFeed') });
    expect(resolveUpdateFeed({ env: 'https://me:pw@updates.example.com/' })).toMatchObject({ on: false, reason: 'invalid_url' });
    expect(resolveUpdateFeed({ env: 'updates.example.com' })).toMatchObject({ on: false, reason: 'invalid_url' });
    expect(resolveUpdateFeed({ env: 'http://127.0.0.1:8080/feed' })).toEqual({ on: true, url: 'http://127.0.0.1:8080/feed/', from: 'env' });
  });

  it('does not fall back to the build feed when the environment value is broken', () => {
    expect(resolveUpdateFeed({ env: 'not a url', packaged: 'https://dist.example.org/' })).toMatchObject({ on: false, reason: 'invalid_url' });
  });
});

describe('restarting into an update', () => {
  it('restarts only with a downloaded update and nothing running', () => {
    expect(mayRestartForUpdate({ downloaded: false, busy: idle })).toEqual({ restart: false, reason: 'nothing_downloaded' });
    expect(mayRestartForUpdate({ downloaded: true, busy: idle })).toEqual({ restart: true });
  });

  it('never restarts while a campaign is sending or an import is running', () => {
    expect(mayRestartForUpdate({ downloaded: true, busy: { campaignSending: true, importRunning: false } })).toEqual({ restart: false, reason: 'campaign_sending' });
    expect(mayRestartForUpdate({ downloaded: true, busy: { campaignSending: false, importRunning: true } })).toEqual({ restart: false, reason: 'import_running' });
    expect(mayRestartForUpdate({ downloaded: true, busy: { campaignSending: true, importRunning: true } })).toMatchObject({ restart: false });
  });

  it('counts only sending campaigns as busy: scheduled and paused ones carry on after a restart', () => {
    const campaigns = (...statuses: string[]) => ({ list: () => statuses.map((status) => ({ status })) });
    const imports = (running: boolean) => ({ isRunning: () => running });
    expect(busyState({ campaigns: campaigns('draft', 'scheduled', 'paused', 'completed', 'cancelled'), imports: imports(false) })).toEqual(idle);
    expect(busyState({ campaigns: campaigns('completed', 'sending'), imports: imports(false) })).toEqual({ campaignSending: true, importRunning: false });
    expect(busyState({ campaigns: campaigns(), imports: imports(true) })).toEqual({ campaignSending: false, importRunning: true });
  });
});
