import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/contract';
import { UnlockDialog } from './unlock-dialog';

/** Runs an owner-only call; on `owner_pin_required` it shows the unlock dialog and, once unlocked, retries. */
export function useOwnerGate(): {
  run: <T>(call: () => Promise<Result<T>>) => Promise<Result<T>>;
  dialog: ReactNode;
} {
  const [asking, setAsking] = useState(false);
  const resolver = useRef<((unlocked: boolean) => void) | null>(null);

  const run = useCallback(async <T,>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
    let result = await call();
    while (!result.ok && result.error.code === 'owner_pin_required') {
      const unlocked = await new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setAsking(true);
      });
      setAsking(false);
      // Cancelled: hand back the original refusal so the caller can say what was not done.
      if (!unlocked) return result;
      result = await call();
    }
    return result;
  }, []);

  const dialog = asking ? <UnlockDialog onDone={(unlocked) => resolver.current?.(unlocked)} /> : null;
  return { run, dialog };
}
