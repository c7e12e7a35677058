import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

describe('the studio catalogs', () => {
  it('have the same keys in Kazakh, Russian and English', () => {
    const keys = Object.keys(ru).sort();
    expect(Object.keys(kk).sort()).toEqual(keys);
    expect(Object.keys(en).sort()).toEqual(keys);
  });

  it('have no empty message and the same placeholders in each language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(ru)) {
      for (const catalog of [kk, en] as Record<string, string>[]) {
        expect(catalog[key], key).toBeTruthy();
        expect(placeholders(catalog[key]), key).toEqual(placeholders(text));
      }
    }
  });

  it('name every notification the server sends (templates/notifications) and every channel', () => {
    const events = new Set(readdirSync(join(import.meta.dirname, '../../../../templates/notifications')).map((file) => file.split('.')[0]));
    for (const event of events) expect(ru, event).toHaveProperty([`outbox.event.${event}`]);
    for (const channel of ['email', 'sms', 'cabinet']) expect(ru, channel).toHaveProperty([`outbox.channel.${channel}`]);
  });
});
