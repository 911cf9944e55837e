/** A chrome.storage area (the prover's StorageAreaLike) kept in a Map the test can read and seed. */
export function memoryStorage(initial: Record<string, unknown> = {}) {
  const store = new Map<string, unknown>(Object.entries(initial));
  return {
    store,
    get: async (k: string) => (store.has(k) ? { [k]: store.get(k) } : {}),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
  };
}
