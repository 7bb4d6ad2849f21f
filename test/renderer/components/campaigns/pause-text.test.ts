import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { pauseText } from '../../../../renderer/components/campaigns/pause-text';
import { resources } from '../../../../renderer/i18n';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'es',
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(resources).map(([lng, messages]) => [lng, { translation: messages }])),
    interpolation: { escapeValue: false },
  });
});

describe('pauseText', () => {
  it('words Meta’s causes in the UI language, with the template and a localised limit', () => {
    const t = i18n.getFixedT('es');
    expect(pauseText(t, { pauseCause: { kind: 'template_paused', template: 'spring_sale' }, pauseReason: 'English' }, 'es')).toBe(
      'WhatsApp pausó la plantilla spring_sale por baja calidad. Espera a que vuelva a estar activa (o edítala) y reanuda.',
    );
    expect(pauseText(t, { pauseCause: { kind: 'limit_lowered', limit: '10000' }, pauseReason: 'English' }, 'es')).toContain('a 10.000 clientes al día');
    expect(pauseText(i18n.getFixedT('hi'), { pauseCause: { kind: 'quality_flagged' } }, 'hi')).toMatch(/^WhatsApp ने आपके नंबर की क्वालिटी/);
  });

  it('shows the stored sentence when there is no cause to word', () => {
    const t = i18n.getFixedT('pt');
    expect(pauseText(t, { pauseReason: 'Gave up after 5 attempts' }, 'pt')).toBe('Gave up after 5 attempts');
    expect(pauseText(t, { pauseCause: { kind: 'limit_lowered' }, pauseReason: 'WhatsApp lowered the limit' }, 'pt')).toBe('WhatsApp lowered the limit');
  });
});
