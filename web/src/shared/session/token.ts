// The bearer token from signIn, kept in sessionStorage: it ends with the tab, and the server ends it after its lifetime.
const key = 'kezek.session';

export const session = {
  token(): string | null {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(token: string) {
    sessionStorage.setItem(key, token);
  },
  clear() {
    try {
      sessionStorage.removeItem(key);
    } catch {
      /* storage unavailable */
    }
  },
};
