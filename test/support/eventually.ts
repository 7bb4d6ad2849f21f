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
