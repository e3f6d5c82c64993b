import { registerSW } from 'virtual:pwa-register';
import { flushPendingText } from './text-save.ts';

/** The service worker: whether a new version is waiting, and reloading into it without losing typing. */
class AppUpdate {
  needRefresh = $state(false);
  offlineReady = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | undefined;

  /** Registers the service worker (production builds only; the dev server has none). */
  start(): void {
    if (!('serviceWorker' in navigator)) return;
    this.#update = registerSW({
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
      },
      // The new version has taken control, from this tab or another one: save any waiting text, then reload.
      // (The default is a bare reload, and a write started on pagehide does not survive a reload.)
      onNeedReload: () => {
        void flushPendingText().finally(() => window.location.reload());
      },
      onRegisterError: (error: unknown) => console.error('Service worker registration failed', error),
    });
  }

  /** Saves any text still waiting, then activates the new version and reloads. */
  async reload(): Promise<void> {
    await flushPendingText();
    await this.#update?.(true);
  }

  /** Hides the prompt until the next start. */
  dismiss(): void {
    this.needRefresh = false;
  }
}

export const appUpdate = new AppUpdate();
