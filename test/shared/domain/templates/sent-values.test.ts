import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSendComponents, type SlotValues } from '../../../../shared/domain/templates/render';
import { renderSent, valuesFromSendComponents } from '../../../../shared/domain/templates/sent-values';

const orderReady = {
  name: 'order_ready',
  language: 'en_US',
  parameter_format: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} is ready.' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
  ],
};

const weekly = {
  name: 'weekly_offer',
  language: 'es',
  parameter_format: 'NAMED',
  components: [{ type: 'BODY', text: 'Hola {{first_name}}, esta semana {{offer}}. {{first_name}}, ¡te esperamos!' }],
};

describe('reading a sent template back', () => {
  it('renders what the customer read from the components that were sent', () => {
    const values = { 'header.1': 'A-17', 'body.1': 'Ana', 'body.2': 'A-17' };
    expect(renderSent(orderReady, toSendComponents(orderReady, values))).toEqual({
      header: 'Order A-17',
      body: 'Hi Ana, order A-17 is ready.',
      footer: 'Reply STOP to opt out',
    });
  });

  it('maps named parameters by name, whatever their order', () => {
    const components = [
      {
        type: 'body',
        parameters: [
          { type: 'text', text: '2×1 en pan', parameter_name: 'offer' },
          { type: 'text', text: 'Luis', parameter_name: 'first_name' },
        ],
      },
    ];
    expect(renderSent(weekly, components).body).toBe('Hola Luis, esta semana 2×1 en pan. Luis, ¡te esperamos!');
  });

  it('uses the fallback text of currency and date parameters, and leaves media-only components out', () => {
    const components = [
      { type: 'header', parameters: [{ type: 'image' }] },
      { type: 'body', parameters: [{ type: 'currency', currency: { fallback_value: '€12.50' } }, { type: 'date_time', date_time: { fallback_value: 'Friday' } }] },
    ];
    expect(valuesFromSendComponents(orderReady, components)).toEqual({ 'body.1': '€12.50', 'body.2': 'Friday' });
  });

  it('shows a missing parameter as its placeholder rather than guessing', () => {
    expect(renderSent(orderReady, [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }]).body).toBe('Hi Ana, order [2] is ready.');
  });

  it('is the inverse of toSendComponents for any filled values', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== '');
    fc.assert(
      fc.property(fc.record({ 'header.1': text, 'body.1': text, 'body.2': text }), (values: SlotValues) => {
        expect(valuesFromSendComponents(orderReady, toSendComponents(orderReady, values))).toEqual(values);
      }),
    );
  });
});
