/** A plausible e-mail: something@something.domain (the server checks it again). */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/** A Kazakhstan mobile number as the server takes it: +7 and ten digits (spaces, dashes and brackets are ignored). */
export function normalisePhone(text: string): string {
  const digits = text.replace(/[\s()-]/g, '');
  if (/^8\d{10}$/.test(digits)) return `+7${digits.slice(1)}`;
  return digits;
}

export function isKazakhstanMobile(text: string): boolean {
  return /^\+77\d{9}$/.test(normalisePhone(text));
}
