import { describe, expect, it } from 'vitest';
import { CLOUD_ERROR_TABLE, CloudApiError, CloudNetworkError, cloudErrorInfo } from '../../../../main/services/cloud/errors';

describe('error table', () => {
  it('maps every documented code to the documented action', () => {
    const expected: Record<string, number[]> = {
      stop_reconnect: [0, 190],
      backoff: [4, 80007],
      fail: [100, 131008, 131009, 131021],
      slow_down: [130429],
      retry_pair: [131056],
      retry: [131000, 131016, 2, 131057],
      stop_owner: [131005, 368, 131031, 133010],
      fail_undeliverable: [131026],
      fail_window: [131047],
      pause_campaigns: [131048],
      retry_after_24h: [131049],
      never_retry_stop: [131050],
      fail_template_params: [132000, 132012, 132018],
      fail_resync_templates: [132001],
      fail_template_paused: [132015, 132016],
    };
    for (const [action, codes] of Object.entries(expected)) {
      for (const code of codes) expect(CLOUD_ERROR_TABLE[code]?.action, `code ${code}`).toBe(action);
    }
    expect(Object.keys(CLOUD_ERROR_TABLE).length).toBe(Object.values(expected).flat().length);
  });

  it('marks only transient failures as retryable', () => {
    const retryable = Object.entries(CLOUD_ERROR_TABLE).filter(([, info]) => info.retryable).map(([code]) => Number(code)).sort((a, b) => a - b);
    expect(retryable).toEqual([2, 4, 80007, 130429, 131000, 131016, 131049, 131056, 131057].sort((a, b) => a - b));
  });

  it('picks a default by HTTP status class for unknown codes', () => {
    expect(cloudErrorInfo(999_999, 401).action).toBe('stop_reconnect');
    expect(cloudErrorInfo(999_999, 403).action).toBe('stop_owner');
    expect(cloudErrorInfo(999_999, 429)).toMatchObject({ action: 'backoff', retryable: true });
    expect(cloudErrorInfo(999_999, 502)).toMatchObject({ action: 'retry', retryable: true });
    expect(cloudErrorInfo(999_999, 400)).toMatchObject({ action: 'fail', retryable: false });
    expect(cloudErrorInfo(999_999)).toMatchObject({ action: 'fail', retryable: false });
  });

  it('decides on the code, not on the HTTP status', () => {
    expect(new CloudApiError({ code: 131056, httpStatus: 429 }).action).toBe('retry_pair');
    expect(new CloudApiError({ code: 131026, httpStatus: 500 }).action).toBe('fail_undeliverable');
  });

  it('builds errors that carry the envelope fields', () => {
    const error = new CloudApiError({ code: 130429, subcode: 2494055, details: 'throughput', httpStatus: 429, fbtraceId: 'Az8' });
    expect(error).toMatchObject({ name: 'CloudApiError', code: 130429, subcode: 2494055, details: 'throughput', httpStatus: 429, fbtraceId: 'Az8', action: 'slow_down', retryable: true });
    expect(error.message).toContain('130429');
    const network = new CloudNetworkError('offline', 'not_sent', 'ECONNREFUSED');
    expect(network).toMatchObject({ name: 'CloudNetworkError', action: 'retry', retryable: true, reason: 'offline', outcome: 'not_sent' });
  });
});
