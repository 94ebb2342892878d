/**
 * A clean-up step that may not hang a suite: it fails, naming itself, when it takes longer than `ms` (the
 * cluster suites' clean-up once hung CI in a pool waiting for a client it had lost).
 */
export async function bounded<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
