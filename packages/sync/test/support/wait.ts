import type { Observable } from '../../src/index.js';

/** Resolves with the observable's value once `test` holds, or fails after `ms` saying what it was. */
export function until<T>(observable: Observable<T>, test: (value: T) => boolean, ms = 15_000): Promise<T> {
  if (test(observable.value)) return Promise.resolve(observable.value);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${ms} ms; last value: ${JSON.stringify(observable.value)}`));
    }, ms);
    const stop = observable.subscribe((value) => {
      if (!test(value)) return;
      clearTimeout(timer);
      stop();
      resolve(value);
    });
  });
}

/** Polls `test` until it holds, or fails after `ms`. */
export async function eventually(test: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
