import {
  DEFAULT_STYLE,
  EntryPointInputSchema,
  EntryPointStyleSchema,
  EntryPointUpdateSchema,
  type EntryPoint,
  type EntryPointKind,
  type EntryPointStyle,
} from './types';
import { generateRefCode } from './ref-code';

/** A refused create/update: the field at fault and a sentence saying what to do. */
export interface EntryPointProblem {
  field: string;
  message: string;
}

/** Outcome of createEntryPoint / updateEntryPoint; bad input never yields a half-valid entry point. */
export type EntryPointResult = { ok: true; entryPoint: EntryPoint } | { ok: false; problems: EntryPointProblem[] };

/** Side effects a create needs, injected so this stays pure. */
export interface CreateContext {
  id: string;
  now: string;
  /** Ref codes already used by other entry points (any case). */
  existingRefCodes: Iterable<string>;
  random: () => number;
}

function zodProblems(error: { issues: { path: PropertyKey[]; message: string }[] }): EntryPointProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** Cross-field rules the schema cannot express per field. */
function styleProblems(kind: EntryPointKind, style: EntryPointStyle): EntryPointProblem[] {
  if (kind === 'popup' && style.delaySeconds === 0 && style.scrollPercent === 0 && !style.exitIntent) {
    return [{ field: 'style', message: 'Turn on at least one trigger: a delay, a scroll depth or exit intent.' }];
  }
  return [];
}

function refTaken(ref: string, existing: Iterable<string>): boolean {
  for (const code of existing) if (code.toUpperCase() === ref) return true;
  return false;
}

const REF_TAKEN: EntryPointProblem = {
  field: 'refCode',
  message: 'Another entry point already uses this ref code; choose a different one.',
};

/** Validates create input and builds the entry point with defaults filled in and a fresh ref code when none given. */
export function createEntryPoint(input: unknown, ctx: CreateContext): EntryPointResult {
  const parsed = EntryPointInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const { kind, name, prefilledMessage, refCode, style: patch } = parsed.data;
  const existing = [...ctx.existingRefCodes];
  if (refCode !== undefined && refTaken(refCode, existing)) return { ok: false, problems: [REF_TAKEN] };
  const merged: Record<string, unknown> = { ...DEFAULT_STYLE, ...stripUndefined(patch) };
  if (merged.logoDataUrl === null) delete merged.logoDataUrl;
  const style = EntryPointStyleSchema.parse(merged);
  const problems = styleProblems(kind, style);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    entryPoint: {
      id: ctx.id,
      kind,
      name,
      prefilledMessage,
      refCode: refCode ?? generateRefCode(existing, ctx.random),
      style,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  };
}

/** Applies an update to a stored entry point; `otherRefCodes` are the codes of the *other* entry points. */
export function updateEntryPoint(
  current: EntryPoint,
  update: unknown,
  ctx: { now: string; otherRefCodes: Iterable<string> },
): EntryPointResult {
  const parsed = EntryPointUpdateSchema.safeParse(update);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const patch = parsed.data;
  if (patch.id !== current.id) return { ok: false, problems: [{ field: 'id', message: 'This entry point no longer exists.' }] };
  if (patch.refCode !== undefined && refTaken(patch.refCode, ctx.otherRefCodes)) {
    return { ok: false, problems: [REF_TAKEN] };
  }
  const merged: Record<string, unknown> = { ...current.style, ...stripUndefined(patch.style ?? {}) };
  if (merged.logoDataUrl === null) delete merged.logoDataUrl;
  const style = EntryPointStyleSchema.parse(merged);
  const problems = styleProblems(current.kind, style);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    entryPoint: {
      ...current,
      name: patch.name ?? current.name,
      prefilledMessage: patch.prefilledMessage ?? current.prefilledMessage,
      refCode: patch.refCode ?? current.refCode,
      style,
      updatedAt: ctx.now,
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
