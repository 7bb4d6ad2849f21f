/**
 * A deterministic CSV like a shop's export, for the import tests and benchmark: Spanish headers, numbers in mixed
 * formats (international, 00-prefixed, national, Brazilian), mixed date formats, duplicates written differently,
 * opt-outs, and bad rows of several kinds. Alongside it, the expected outcome worked out here by plain counting
 * (not with the import code), given the people who had opted out before the import.
 */
export interface GeneratedCsv {
  text: string;
  /** Rows the import must refuse (1 = first row after the header). */
  badRows: number[];
  /** E.164 numbers to opt out of both purposes before importing. */
  priorOptOuts: string[];
  expected: { created: number; updated: number; confirmed: number; revoked: number; skippedOptedOut: number; duplicates: number; alreadyRecorded: number };
}

/** The number of person `p`: Spanish mobiles, and every 13th a São Paulo mobile. */
export function phoneOf(p: number): string {
  return p % 13 === 5 ? `+55119${String(10_000_000 + p).slice(-8)}` : `+346${String(10_000_000 + p).slice(-8)}`;
}

function written(p: number, i: number): string {
  const e164 = phoneOf(p);
  if (e164.startsWith('+55')) {
    const d = e164.slice(3);
    return i % 2 === 0 ? `+55 (${d.slice(0, 2)}) ${d.slice(2, 7)}-${d.slice(7)}` : `0055 ${d}`;
  }
  const n = e164.slice(3);
  switch (i % 6) {
    case 0: return `+34 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    case 1: return `0034${n}`;
    case 2: return `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`;
    case 3: return n;
    case 4: return `+34-${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
    default: return `(+34) ${n.slice(0, 3)} ${n.slice(3)}`;
  }
}

function dateText(i: number): string {
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  switch (i % 4) {
    case 0: return `2024-${mm}-${dd}`;
    case 1: return `${dd}/${mm}/2024`;
    case 2: return `2024-${mm}-${dd}T10:30:00Z`;
    default: return `${day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} 2024`;
  }
}

const csvCell = (value: string) => (/[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const PURPOSES: Record<number, { cell: string; purposes: ('marketing' | 'utility')[] }> = {
  0: { cell: 'marketing y servicio', purposes: ['marketing', 'utility'] },
  1: { cell: 'marketing', purposes: ['marketing'] },
  2: { cell: 'servicio', purposes: ['utility'] },
};

/** Builds `rows` data rows. */
export function generateImportCsv(rows: number): GeneratedCsv {
  const lines = ['Teléfono,Nombre,Etiquetas,Fecha de consentimiento,Método,Versión,Finalidad,Baja'];
  const badRows: number[] = [];
  const people = new Map<number, { confirm: Set<string>; revoke: boolean }>();
  let validRows = 0;
  const isPriorOptOut = (p: number) => p % 100 === 10;
  for (let i = 0; i < rows; i++) {
    const row = i + 1;
    const p = i % 50 === 49 ? i - 25 : i;
    let phone = written(p, i);
    let date = '';
    let method = '';
    let version = '';
    let purpose = '';
    let optOut = '';
    const bad = i % 97 === 13 ? Math.floor(i / 97) % 7 : -1;
    const kind = i % 20 === 3 ? 'optout' : i % 5 <= 2 ? 'consent' : 'contact';
    let purposes: ('marketing' | 'utility')[] = [];
    if (kind === 'optout') optOut = i % 40 === 3 ? 'sí' : 'baja';
    if (kind === 'consent') {
      date = dateText(i);
      if (i % 2 === 0) method = ['formulario web', 'en tienda', 'papel firmado'][i % 3]!;
      else version = String((i % 3) + 1);
      const chosen = PURPOSES[i % 3]!;
      purpose = chosen.cell;
      purposes = chosen.purposes;
    }
    switch (bad) {
      case 0: phone = 'abc'; break;
      case 1: phone = '12345'; break;
      case 2: phone = ''; break;
      case 3: phone = '6.12E+08'; break;
      case 4: date = '31/02/2024'; method = 'en tienda'; optOut = ''; break;
      case 5: purpose = 'newsletterz'; date = '2024-01-01'; method = 'en tienda'; optOut = ''; break;
      case 6: date = ''; method = 'en tienda'; optOut = ''; break;
    }
    const name = `Cliente ${p}`;
    const tags = i % 7 === 0 ? 'vip; tienda centro' : i % 7 === 1 ? 'online' : '';
    lines.push([phone, name, tags, date, method, version, purpose, optOut].map(csvCell).join(','));
    if (bad >= 0) {
      badRows.push(row);
      continue;
    }
    validRows++;
    let person = people.get(p);
    if (!person) people.set(p, (person = { confirm: new Set(), revoke: false }));
    if (kind === 'optout') person.revoke = true;
    for (const purpose of purposes) person.confirm.add(purpose);
  }
  const expected = { created: 0, updated: 0, confirmed: 0, revoked: 0, skippedOptedOut: 0, duplicates: validRows - people.size, alreadyRecorded: 0 };
  const priorOptOuts: string[] = [];
  for (let p = 0; p < rows; p++) if (isPriorOptOut(p)) priorOptOuts.push(phoneOf(p));
  for (const [p, person] of people) {
    // Prior opt-outs are seeded without a name, so the file's name updates them.
    if (!isPriorOptOut(p)) expected.created++;
    else expected.updated++;
    if (isPriorOptOut(p) || person.revoke) {
      expected.skippedOptedOut += person.confirm.size;
      if (person.revoke) {
        if (isPriorOptOut(p)) expected.alreadyRecorded += 2;
        else expected.revoked += 2;
      }
    } else expected.confirmed += person.confirm.size;
  }
  return { text: `${lines.join('\n')}\n`, badRows, priorOptOuts, expected };
}
