import { ulid } from 'ulid';
import { createEntryPoint, updateEntryPoint, type EntryPointProblem } from '../../shared/domain/entry-points/entry-point';
import type { EntryPoint, EntryPointInput, EntryPointUpdate } from '../../shared/domain/entry-points/types';
import { AppError } from './app-error';
import { JsonDocument } from './json-document';

/** entry-points.json: the shop's entry points and the chats each one started per day. */
interface EntryPointsDoc {
  schemaVersion: number;
  entryPoints: EntryPoint[];
  /** refCode → ISO day → chats started; kept by ref so history survives renaming. */
  chatsByRef: Record<string, Record<string, number>>;
}

const defaults = (): EntryPointsDoc => ({ schemaVersion: 1, entryPoints: [], chatsByRef: {} });

function problemError(problems: EntryPointProblem[]): AppError {
  const first = problems[0] ?? { field: '', message: 'The entry point is not valid.' };
  return new AppError('invalid_argument', first.message, first.field || undefined);
}

/** Create, edit, duplicate and delete entry points; count the chats each one brings. */
export class EntryPointsService {
  private constructor(
    private readonly doc: JsonDocument<EntryPointsDoc>,
    private readonly now: () => Date,
    private readonly random: () => number,
  ) {}

  static async open(dataDir: string, now: () => Date, random: () => number = Math.random): Promise<EntryPointsService> {
    return new EntryPointsService(await JsonDocument.open(dataDir, 'entry-points.json', defaults), now, random);
  }

  list(): EntryPoint[] {
    return [...this.doc.data.entryPoints];
  }

  get(id: string): EntryPoint {
    const found = this.doc.data.entryPoints.find((e) => e.id === id);
    if (!found) throw new AppError('not_found', 'That entry point no longer exists.', 'id');
    return found;
  }

  /** Ref codes in use, for attributing inbound chats. */
  refCodes(): string[] {
    return this.doc.data.entryPoints.map((e) => e.refCode);
  }

  async create(input: EntryPointInput): Promise<EntryPoint> {
    const result = createEntryPoint(input, {
      id: ulid(),
      now: this.now().toISOString(),
      existingRefCodes: this.refCodes(),
      random: this.random,
    });
    if (!result.ok) throw problemError(result.problems);
    await this.doc.update((d) => {
      d.entryPoints.push(result.entryPoint);
    });
    return result.entryPoint;
  }

  async update(update: EntryPointUpdate): Promise<EntryPoint> {
    const current = this.get(update.id);
    const result = updateEntryPoint(current, update, {
      now: this.now().toISOString(),
      otherRefCodes: this.refCodes().filter((code) => code !== current.refCode),
    });
    if (!result.ok) throw problemError(result.problems);
    await this.doc.update((d) => {
      d.entryPoints = d.entryPoints.map((e) => (e.id === current.id ? result.entryPoint : e));
    });
    return result.entryPoint;
  }

  /** A copy with a new ref code, so the two can be told apart in the stats. */
  async duplicate(id: string, copySuffix = ' (copy)'): Promise<EntryPoint> {
    const source = this.get(id);
    const name = (source.name + copySuffix).slice(0, 60);
    const { logoDataUrl, ...style } = source.style;
    return this.create({
      kind: source.kind,
      name,
      prefilledMessage: source.prefilledMessage,
      style: logoDataUrl ? { ...style, logoDataUrl } : style,
    });
  }

  async remove(id: string): Promise<void> {
    this.get(id);
    await this.doc.update((d) => {
      d.entryPoints = d.entryPoints.filter((e) => e.id !== id);
    });
  }

  /** Credits one started chat to the entry point with this ref, on the day it arrived. */
  async recordChat(refCode: string, at: Date): Promise<void> {
    const day = at.toISOString().slice(0, 10);
    await this.doc.update((d) => {
      const days = (d.chatsByRef[refCode] ??= {});
      days[day] = (days[day] ?? 0) + 1;
    });
  }

  /** Chats started per entry point per day, oldest day first. */
  chatStats(): { refCode: string; name: string; days: { day: string; chats: number }[] }[] {
    return this.doc.data.entryPoints.map((e) => ({
      refCode: e.refCode,
      name: e.name,
      days: Object.entries(this.doc.data.chatsByRef[e.refCode] ?? {})
        .map(([day, chats]) => ({ day, chats }))
        .sort((a, b) => a.day.localeCompare(b.day)),
    }));
  }
}
