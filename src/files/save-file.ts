// Saving one file, such as the workshop file: the share sheet in an installed app, a download otherwise.
import { shareFiles, type ShareResult } from './share.ts';

/** How a file left the device, or that the person closed the share sheet. */
export type SaveResult = ShareResult;

/**
 * Shares the file where the app is installed and sharing files works, else downloads it.
 * Throws a DOMException named `NotAllowedError` when the browser wants a fresh tap before sharing
 * (the caller can offer a button that calls this again with the file already built).
 */
export function saveFile(file: File): Promise<SaveResult> {
  return shareFiles([file], { onlyWhenInstalled: true });
}
