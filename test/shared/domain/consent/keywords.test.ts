import { describe, expect, it } from 'vitest';
import { classifyKeyword, foldKeyword, parseJoinCode } from '../../../../shared/domain/consent';

describe('classifyKeyword', () => {
  it.each([
    // English (CTIA)
    ['STOP', 'stop'], ['stop', 'stop'], ['  Stop.  ', 'stop'], ['StopAll', 'stop'], ['unsubscribe!', 'stop'],
    ['Opt out', 'stop'], ['opt-out', 'stop'], ['OPTOUT', 'stop'], ['quit', 'stop'], ['End', 'stop'], ['cancel', 'stop'],
    ['YES', 'start'], ['y', 'start'], ['Start', 'start'], ['unstop', 'start'], ['join', 'start'], ['ok 👍', 'start'],
    ['HELP', 'help'], ['info?', 'help'],
    // Spanish
    ['PARAR', 'stop'], ['alto', 'stop'], ['Baja', 'stop'], ['Sí', 'start'], ['si', 'start'], ['¡Sí!', 'start'], ['ayuda', 'help'],
    // Portuguese
    ['Sair', 'stop'], ['SIM', 'start'], ['ajuda', 'help'],
    // French
    ['ARRÊT', 'stop'], ['arret', 'stop'], ['Arrêt !', 'stop'], ['oui', 'start'], ['Aide', 'help'],
    // Indonesian / Malay
    ['berhenti', 'stop'], ['ya', 'start'],
    // German
    ['Ja', 'start'], ['stopp', 'stop'],
    // Hindi (Devanagari vowel signs must survive folding)
    ['रुकें', 'stop'], [' रुकें। ', 'stop'], ['हाँ', 'start'], ['हां', 'start'], ['मदद', 'help'],
  ] as const)('%j → %s', (text, intent) => {
    expect(classifyKeyword(text)).toBe(intent);
  });

  it.each(['please stop sending me these', 'yes please', 'stopping by later', '', '   ', '🙂', 'रुके', 'हा', 'JOIN ABC123'])(
    'ignores %j (not a whole-message keyword)',
    (text) => {
      expect(classifyKeyword(text)).toBeNull();
    },
  );

  it('uses owner-added words, and stop wins when a word is in both lists', () => {
    expect(classifyKeyword('basta', { stop: ['BASTA'] })).toBe('stop');
    expect(classifyKeyword('claro!', { start: ['Claro'] })).toBe('start');
    expect(classifyKeyword('socorro', { help: ['SOCORRO'] })).toBe('help');
    expect(classifyKeyword('vale', { stop: ['vale'], start: ['vale'] })).toBe('stop');
    expect(classifyKeyword('basta')).toBeNull();
  });
});

describe('foldKeyword', () => {
  it('drops Latin accents but keeps Devanagari combining signs', () => {
    expect(foldKeyword('Ça, ARRÊT… ñ')).toBe('CAARRETN');
    expect(foldKeyword('रुकें')).toBe('रुकें'.normalize('NFKC'));
    expect(foldKeyword('रुकें')).not.toBe(foldKeyword('रक'));
  });
});

describe('parseJoinCode', () => {
  it.each([
    ['JOIN ABC123', 'ABC123'],
    ['join abc123', 'abc123'],
    ['  Join   X9  ', 'X9'],
    ['JOIN: SHOP1', 'SHOP1'],
    ['JOIN SHOP1 👍', 'SHOP1'],
    ['JOIN SHOP1.', 'SHOP1'],
  ])('%j → %s', (text, code) => {
    expect(parseJoinCode(text)).toBe(code);
  });

  it.each(['JOIN', 'JOIN ', 'JOINABC', 'please JOIN ABC', 'JOIN ABC DEF', 'JOIN AB-CD', 'STOP'])('%j has no code', (text) => {
    expect(parseJoinCode(text)).toBeUndefined();
  });
});
