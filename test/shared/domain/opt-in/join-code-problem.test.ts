import { describe, expect, it } from 'vitest';
import { joinCodeProblem, resolveJoinCode, type OptInWidget } from '../../../../shared/domain/opt-in/widget';

const widget: OptInWidget = {
  code: 'K7M2Q',
  kind: 'web_widget',
  name: 'Home page',
  purposes: ['utility'],
  statements: { U: 'I agree to order updates.' },
  statementVersion: 3,
  locale: 'en',
  headline: 'Join',
  colour: '#25D366',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const find = (code: string) => (code === widget.code ? widget : undefined);

describe('why a JOIN code records nothing', () => {
  it('names a purpose the widget does not offer instead of refusing silently', () => {
    expect(joinCodeProblem('K7M2QM', find)).toEqual({ reason: 'purpose_not_offered', widgetCode: 'K7M2Q', asked: ['marketing'], offered: ['utility'] });
    expect(joinCodeProblem('k7m2qb', find)).toMatchObject({ reason: 'purpose_not_offered', asked: ['marketing', 'utility'] });
    expect(resolveJoinCode('K7M2QM', find)).toBeUndefined();
  });

  it('tells malformed and unknown codes apart, and has nothing to say about a good one', () => {
    expect(joinCodeProblem('K7', find)).toEqual({ reason: 'malformed' });
    expect(joinCodeProblem('ZZZZZU', find)).toEqual({ reason: 'unknown_widget', widgetCode: 'ZZZZZ' });
    expect(joinCodeProblem('K7M2QU', find)).toBeUndefined();
    expect(resolveJoinCode('K7M2QU', find)).toMatchObject({ purposes: ['utility'], textShown: 'I agree to order updates.', textVersion: 3 });
  });
});
