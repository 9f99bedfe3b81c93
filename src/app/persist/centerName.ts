// The center's name, remembered between exports and reloads (localStorage: a name, not a
// secret), so the export dialog does not ask for it every time. Without storage (a private
// window may refuse it) the field simply starts empty.
const KEY = 'consilium.centerName';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function rememberedCenterName(store: Storage | undefined = storage()): string {
  try {
    return store?.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberCenterName(name: string, store: Storage | undefined = storage()): void {
  try {
    store?.setItem(KEY, name.trim());
  } catch {
    // Storage full or refused: the name is simply not remembered.
  }
}
