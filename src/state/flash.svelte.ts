/** A one-off message shown on the next screen, with an optional action such as "Undo". */
export interface Flash {
  message: string;
  actionLabel?: string;
  action?: () => void | Promise<void>;
}

class FlashMessage {
  current = $state<Flash | null>(null);

  show(flash: Flash): void {
    this.current = flash;
  }

  clear(): void {
    this.current = null;
  }
}

export const flash = new FlashMessage();
