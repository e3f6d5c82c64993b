// Getting a file off the device: the share sheet in an installed app, a download otherwise.

/** How a file left the device, or that the person closed the share sheet. */
export type SaveResult = 'shared' | 'downloaded' | 'cancelled';

/** True when the app runs installed (from the home screen), where downloads misbehave on iPadOS. */
export function isStandalone(): boolean {
  // matchMedia is missing in some test environments and old WebViews: treat that as "in a browser".
  const standalone = typeof window.matchMedia === 'function' && window.matchMedia('(display-mode: standalone)').matches;
  return standalone || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

/** True when the share sheet can take this file (Chrome refuses .json; Safari accepts it). */
function canShareFile(file: File): boolean {
  // canShare is missing in Firefox and WebKitGTK, and can throw on odd input: either way, do not share.
  try {
    return typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  } catch {
    return false;
  }
}

/**
 * Shares the file where the app is installed and sharing files works, else downloads it.
 * Throws a DOMException named `NotAllowedError` when the browser wants a fresh tap before sharing
 * (the caller can offer a button that calls this again with the file already built).
 */
export async function saveFile(file: File): Promise<SaveResult> {
  if (isStandalone() && canShareFile(file)) {
    // share() rejects with AbortError when the person closes the sheet: that is not a failure.
    // No title or text with the file: some share targets then drop the file.
    try {
      await navigator.share({ files: [file] });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      throw error;
    }
  }
  download(file);
  return 'downloaded';
}

/** Downloads the file through a temporary link. */
function download(file: File): void {
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
