let painted: Promise<void> | undefined;

/**
 * Resolves once the first screen has been painted: after the next frame and a task, or after a
 * second at most (a tab opened in the background gets no frames). Work the first screen does not
 * need (loading the database code, checking for an update) waits for this, so that the home
 * screen's heading and button are drawn first on a slow tablet. Where there are no frames at all
 * (unit tests), it resolves at once.
 */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      resolve();
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 1000);
  });
  return painted;
}
