let painted: Promise<void> | undefined;

/**
 * Calls `fn` once the next frame has been painted: after the frame and a task. Where there are no
 * frames at all (unit tests), after a task. Returns a function that cancels it.
 */
export function onNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Resolves once the first screen has been painted (`onNextPaint`), or after a second at most (a tab
 * opened in the background gets no frames). Work the first screen does not need (loading the
 * database code, checking for an update) waits for this, so that the home screen's heading and
 * button are drawn first on a slow tablet.
 */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    onNextPaint(resolve);
    setTimeout(resolve, 1000);
  });
  return painted;
}
