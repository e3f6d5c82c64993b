// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { saveFile } from '../../../src/files/save-file.ts';
import { canShareFiles, shareFiles } from '../../../src/files/share.ts';

// The Web Share API is the browser's, not ours, and jsdom has none: these stand in for it.
type Share = Mock<(data: ShareData) => Promise<void>>;
type CanShare = Mock<(data: ShareData) => boolean>;

function stubNavigator(fields: { share?: Share; canShare?: CanShare; standalone?: boolean }) {
  for (const [key, value] of Object.entries(fields))
    Object.defineProperty(navigator, key, { value, configurable: true });
}

const csv = (name: string) => new File(['\uFEFFa,b\r\n1,2'], name, { type: 'text/csv' });
const json = new File(['{}'], 'budget-review-2026-11-27.json', { type: 'application/json' });

let click: Mock<() => void>;
let downloads: string[];

beforeEach(() => {
  downloads = [];
  // jsdom has no URL.createObjectURL and does not download: record which files would be saved.
  Object.defineProperty(URL, 'createObjectURL', {
    value: vi.fn(() => 'blob:test'),
    configurable: true,
    writable: true,
  });
  Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true, writable: true });
  click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  }) as unknown as Mock<() => void>;
});

const originalUrl = {
  create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'),
  revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL'),
};

afterEach(() => {
  vi.restoreAllMocks();
  for (const [key, descriptor] of [
    ['createObjectURL', originalUrl.create],
    ['revokeObjectURL', originalUrl.revoke],
  ] as const) {
    if (descriptor) Object.defineProperty(URL, key, descriptor);
    else delete (URL as unknown as Record<string, unknown>)[key];
  }
  for (const key of ['share', 'canShare', 'standalone']) delete (navigator as unknown as Record<string, unknown>)[key];
});

describe('shareFiles', () => {
  it('opens the share sheet with the files (and no title or text) when canShare says yes', async () => {
    const share: Share = vi.fn(async () => {});
    const canShare: CanShare = vi.fn(() => true);
    stubNavigator({ share, canShare });
    const files = [csv('a-scores.csv'), csv('a-agreed.csv')];
    expect(await shareFiles(files)).toBe('shared');
    expect(canShare).toHaveBeenCalledWith({ files });
    expect(share).toHaveBeenCalledWith({ files });
    expect(click).not.toHaveBeenCalled();
  });

  it('asks for the share sheet straight away, before anything is awaited (the tap’s activation)', () => {
    const share: Share = vi.fn(() => new Promise<void>(() => {}));
    stubNavigator({ share, canShare: vi.fn(() => true) });
    void shareFiles([csv('a.csv')]);
    expect(share).toHaveBeenCalledTimes(1);
  });

  it('downloads each file when the browser has no navigator.share', async () => {
    const files = [csv('a-scores.csv'), csv('a-agreed.csv'), csv('a-actions.csv')];
    expect(await shareFiles(files)).toBe('downloaded');
    expect(downloads).toEqual(['a-scores.csv', 'a-agreed.csv', 'a-actions.csv']);
    expect(URL.createObjectURL).toHaveBeenCalledWith(files[0]);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('downloads when canShare refuses the files (Chrome on Android and .json)', async () => {
    const share: Share = vi.fn(async () => {});
    stubNavigator({ share, canShare: vi.fn((data: ShareData) => !data.files?.some((f) => f.name.endsWith('.json'))) });
    expect(canShareFiles([csv('a.csv')])).toBe(true);
    expect(canShareFiles([csv('a.csv'), json])).toBe(false);
    expect(await shareFiles([json])).toBe('downloaded');
    expect(share).not.toHaveBeenCalled();
    expect(downloads).toEqual([json.name]);
  });

  it('downloads when canShare is missing or throws', async () => {
    stubNavigator({ share: vi.fn(async () => {}) });
    expect(await shareFiles([csv('a.csv')])).toBe('downloaded');
    stubNavigator({
      canShare: vi.fn(() => {
        throw new TypeError('odd input');
      }),
    });
    expect(await shareFiles([csv('b.csv')])).toBe('downloaded');
    expect(downloads).toEqual(['a.csv', 'b.csv']);
  });

  it('is cancelled, not failed, when the person closes the share sheet', async () => {
    stubNavigator({
      share: vi.fn(async () => Promise.reject(new DOMException('Share canceled', 'AbortError'))),
      canShare: vi.fn(() => true),
    });
    expect(await shareFiles([csv('a.csv')])).toBe('cancelled');
    expect(click).not.toHaveBeenCalled();
  });

  it('passes on NotAllowedError, so the screen can ask for another tap', async () => {
    stubNavigator({
      share: vi.fn(async () => Promise.reject(new DOMException('Needs a tap', 'NotAllowedError'))),
      canShare: vi.fn(() => true),
    });
    await expect(shareFiles([csv('a.csv')])).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(click).not.toHaveBeenCalled();
  });
});

describe('saveFile (the workshop file)', () => {
  it('downloads in a browser tab even where sharing works', async () => {
    const share: Share = vi.fn(async () => {});
    stubNavigator({ share, canShare: vi.fn(() => true) });
    expect(await saveFile(json)).toBe('downloaded');
    expect(share).not.toHaveBeenCalled();
    expect(downloads).toEqual([json.name]);
  });

  it('uses the share sheet in an installed iPad app, where a download can trap the person', async () => {
    const share: Share = vi.fn(async () => {});
    stubNavigator({ share, canShare: vi.fn(() => true), standalone: true });
    expect(await saveFile(json)).toBe('shared');
    expect(share).toHaveBeenCalledWith({ files: [json] });
    expect(click).not.toHaveBeenCalled();
  });
});
