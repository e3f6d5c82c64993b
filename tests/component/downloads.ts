import { vi } from 'vitest';

/** A file the app saved by download: the link's file name and what it pointed at. */
export interface Download {
  name: string;
  file: Blob;
}

const urlKeys = ['createObjectURL', 'revokeObjectURL'] as const;

/**
 * jsdom cannot download and has no `URL.createObjectURL`: records what each download link would
 * save instead, in the list returned. Call `restoreDownloads` after the test (it also restores
 * every mock, as `vi.restoreAllMocks` does).
 */
export function recordDownloads(): Download[] {
  const saved: Download[] = [];
  const objectUrls = new Map<string, Blob>();
  for (const key of urlKeys) originals.set(key, Object.getOwnPropertyDescriptor(URL, key));
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    writable: true,
    value: vi.fn((blob: Blob) => {
      const url = `blob:test/${objectUrls.size}`;
      objectUrls.set(url, blob);
      return url;
    }),
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, file: objectUrls.get(this.href)! });
  });
  return saved;
}

const originals = new Map<string, PropertyDescriptor | undefined>();

/** Undoes `recordDownloads`. */
export function restoreDownloads(): void {
  vi.restoreAllMocks();
  for (const [key, descriptor] of originals) {
    if (descriptor) Object.defineProperty(URL, key, descriptor);
    else delete (URL as unknown as Record<string, unknown>)[key];
  }
  originals.clear();
}
