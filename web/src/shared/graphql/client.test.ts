import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, documentHash, request } from './client';
import type { TypedDocumentString } from './generated/graphql';

const doc = (text: string) => ({ toString: () => text }) as unknown as TypedDocumentString<{ regions: { code: string }[] }, Record<string, never>>;

/** A fake server: answers each POST with the next answer, and keeps the bodies it was sent. */
function serve(...answers: unknown[]) {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      sent.push(JSON.parse(init.body));
      const answer = answers.shift();
      return { status: 200, json: async () => answer } as Response;
    }),
  );
  return sent;
}

const notFound = { errors: [{ message: 'not known', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] };
const regions = { data: { regions: [{ code: 'almaty' }] } };

describe('persisted queries', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hashes a document as Apollo does: lower-case hex SHA-256 of its UTF-8 text', async () => {
    const text = '{ regions { code name } } # қазақша';
    expect(await documentHash(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('sends the hash alone first, and the document with its hash when the server does not know it', async () => {
    const text = '{ regions { code } } # first';
    const sent = serve(notFound, regions);

    const data = await request(doc(text));

    const hash = createHash('sha256').update(text).digest('hex');
    expect(data.regions[0].code).toBe('almaty');
    expect(sent).toEqual([
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: {} },
      { query: text, extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: {} },
    ]);
  });

  it('sends only the hash when the server knows the document', async () => {
    const sent = serve(regions);

    await request(doc('{ regions { code } } # known'));

    expect(sent).toHaveLength(1);
    expect(sent[0].query).toBeUndefined();
  });

  it('reports any other error of the answer with its code', async () => {
    serve({ errors: [{ message: 'Нет доступа', extensions: { code: 'FORBIDDEN' } }] });

    const refused = await request(doc('{ regions { code } } # refused')).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('FORBIDDEN');
    expect((refused as ApiError).message).toBe('Нет доступа');
  });

  it('sends the document itself where the browser has no Web Crypto', async () => {
    vi.stubGlobal('crypto', undefined);
    const sent = serve(regions);

    await request(doc('{ regions { code } } # plain http'));

    expect(sent).toEqual([{ query: '{ regions { code } } # plain http', variables: {} }]);
  });
});
