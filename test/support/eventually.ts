/** Polls until the check passes (webhooks and outbox work arrive asynchronously) or the time runs out; returns the last value. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

/** Like {@link eventually}, but fails the test with the last value seen when the check never passes. */
export async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const value = await eventually(read, ok, ms);
  if (!ok(value)) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
  return value;
}
