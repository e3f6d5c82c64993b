// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestPersistenceOnce, storageReport } from '../../../src/data/device-storage.ts';
import { resetDb } from '../../factories.ts';

// navigator.storage is a browser API that jsdom lacks: these tests stand in for the browser, not for our code.
function stubStorage(storage: Partial<StorageManager> | undefined) {
  vi.stubGlobal('navigator', { ...navigator, storage });
}

describe('device storage', () => {
  beforeEach(async () => {
    await resetDb();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for persistent storage once only', async () => {
    const persist = vi.fn(async () => true);
    stubStorage({ persist });
    expect(await requestPersistenceOnce()).toBe(true);
    expect(await requestPersistenceOnce()).toBeNull();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('copes with a browser that has no storage manager or throws', async () => {
    stubStorage(undefined);
    expect(await requestPersistenceOnce()).toBeNull();
    expect(await storageReport()).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
    stubStorage({
      persisted: async () => {
        throw new Error('blocked');
      },
      estimate: async () => ({ usage: 2048, quota: 1_000_000 }),
    });
    expect(await storageReport()).toEqual({ persisted: null, usageBytes: 2048, quotaBytes: 1_000_000 });
  });
});
