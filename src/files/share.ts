// Getting files off the device: the system share sheet (email, AirDrop, Nearby Share) where it takes
// the files, a download where it cannot. The one place that calls `navigator.share` or downloads.

/** How files left the device, or that the person closed the share sheet. */
export type ShareResult = 'shared' | 'downloaded' | 'cancelled';

/** True when the app runs installed (from the home screen), where downloads misbehave on iPadOS. */
export function isStandalone(): boolean {
  // matchMedia is missing in some test environments and old WebViews: treat that as "in a browser".
  const standalone = typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches;
  return standalone || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

/** True when the share sheet can take all these files (Chrome refuses .json; Safari accepts it). */
export function canShareFiles(files: readonly File[]): boolean {
  // share and canShare are missing in Firefox and WebKitGTK, and canShare can throw on odd input:
  // either way, do not share.
  try {
    return (
      files.length > 0 &&
      typeof navigator.share === 'function' &&
      typeof navigator.canShare === 'function' &&
      navigator.canShare({ files: [...files] })
    );
  } catch {
    return false;
  }
}

/** Options for `shareFiles`. */
export interface ShareOptions {
  /**
   * Share only when the app runs installed, and download in a browser tab, where a download is what
   * people expect (the workshop file's Export button). In an installed iPad app a download can trap
   * the person on a preview with no way back, so the share sheet is used there.
   */
  onlyWhenInstalled?: boolean;
}

/**
 * Shares the files through the system share sheet when it takes them, else downloads each one.
 * Call it straight from a tap, with the files already built: the share sheet needs the tap's
 * "user activation", which an await before `navigator.share` can use up. Throws a DOMException
 * named `NotAllowedError` when the browser wants a fresh tap (the caller can offer a button that
 * calls this again with the same files).
 */
export async function shareFiles(files: readonly File[], opts: ShareOptions = {}): Promise<ShareResult> {
  if ((!opts.onlyWhenInstalled || isStandalone()) && canShareFiles(files)) {
    // No title or text with the files: some share targets then drop the files.
    try {
      await navigator.share({ files: [...files] });
      return 'shared';
    } catch (error) {
      // share() rejects with AbortError when the person closes the sheet: that is not a failure.
      if (errorName(error) === 'AbortError') return 'cancelled';
      throw error;
    }
  }
  for (const file of files) downloadFile(file);
  return 'downloaded';
}

/** The `name` of an error or DOMException (compared by name: a DOMException may come from another realm). */
export function errorName(error: unknown): string | undefined {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** Downloads a file through a temporary link. */
export function downloadFile(file: File): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
