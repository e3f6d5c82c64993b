import { db } from './db.ts';

const PERSIST_ASKED = 'persist-asked';

/** What the device says about keeping our data. `null` where the browser cannot tell. */
export interface StorageReport {
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/**
 * Asks once for persistent storage, after the first workshop is saved (asking earlier, with nothing
 * to keep, is more likely to be refused). `navigator.storage` is missing in some engines and may throw.
 */
export async function requestPersistenceOnce(): Promise<boolean | null> {
  const asked = await db.settings.get(PERSIST_ASKED);
  if (asked) return null;
  let granted: boolean | null;
  try {
    granted = (await navigator.storage?.persist?.()) ?? null;
  } catch {
    granted = null;
  }
  await db.settings.put({ key: PERSIST_ASKED, value: { at: new Date().toISOString(), granted } });
  return granted;
}

/** Reads whether storage is persistent and how much is used; each part may be unknown. */
export async function storageReport(): Promise<StorageReport> {
  const report: StorageReport = { persisted: null, usageBytes: null, quotaBytes: null };
  try {
    report.persisted = (await navigator.storage?.persisted?.()) ?? null;
  } catch {
    /* unknown */
  }
  try {
    const estimate = await navigator.storage?.estimate?.();
    report.usageBytes = estimate?.usage ?? null;
    report.quotaBytes = estimate?.quota ?? null;
  } catch {
    /* unknown */
  }
  return report;
}

/** Asks for persistent storage now (from the About panel's button). */
export async function requestPersistence(): Promise<boolean | null> {
  try {
    return (await navigator.storage?.persist?.()) ?? null;
  } catch {
    return null;
  }
}
