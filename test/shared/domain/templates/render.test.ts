import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingSlots, renderTemplate, templateSlots, toSendComponents } from '../../../../shared/domain/templates/render';

const orderReady = {
  name: 'order_ready',
  language: 'en_US',
  category: 'UTILITY',
  parameter_format: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order ready' },
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

describe('template rendering', () => {
  it('lists positional and named slots once each, in order', () => {
    expect(templateSlots(orderReady)).toEqual([
      { component: 'body', key: '1' },
      { component: 'body', key: '2' },
    ]);
    expect(templateSlots(weekly).map((s) => s.key)).toEqual(['first_name', 'offer']);
  });

  it('renders what the customer reads and shows gaps in the preview', () => {
    expect(renderTemplate(orderReady, { 'body.1': 'Ana', 'body.2': 'A-17' })).toEqual({
      header: 'Order ready',
      body: 'Hi Ana, order A-17 is ready.',
      footer: 'Reply STOP to opt out',
    });
    expect(renderTemplate(orderReady, { 'body.1': 'Ana' }).body).toBe('Hi Ana, order [2] is ready.');
    expect(missingSlots(orderReady, { 'body.1': 'Ana', 'body.2': ' ' })).toEqual([{ component: 'body', key: '2' }]);
  });

  it('builds the send components the Cloud API expects', () => {
    expect(toSendComponents(orderReady, { 'body.1': 'Ana', 'body.2': 'A-17' })).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: 'A-17' }] },
    ]);
    expect(toSendComponents(weekly, { 'body.first_name': 'Lu', 'body.offer': '2x1' })).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Lu', parameter_name: 'first_name' },
          { type: 'text', text: '2x1', parameter_name: 'offer' },
        ],
      },
    ]);
  });

  it('puts every filled value into the rendered body, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !s.includes('{{')), (name) => {
        const body = renderTemplate(orderReady, { 'body.1': name, 'body.2': 'X' }).body;
        expect(body).toContain(name.trim());
        expect(body).not.toContain('[1]');
      }),
    );
  });
});
