// A small fetch-based GraphQL client: the operation's text and types come from graphql-codegen (documentMode: string).
import type { TypedDocumentString } from './generated/graphql';
import { currentLanguage } from '../i18n/language';
import { session } from '../session/token';

/** The API's origin: the same as the portal's unless a city hosts the built files elsewhere (VITE_KEZEK_API). */
export const apiBase: string = (import.meta.env.VITE_KEZEK_API as string | undefined) ?? '';

/** An error the API answered: its message is already in the reader's language, its code says what to do. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    /** Everything the API put in the error's extensions (a refused file's line, field, problem and problemMessage). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when a request that carried a token is answered UNAUTHENTICATED: the session ended. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** The SHA-256 of each document's text in hex, computed once per document (null where the browser has no Web Crypto). */
const hashes = new Map<string, Promise<string | null>>();

/** The persisted-query hash of a document (Apollo's convention): lower-case hex SHA-256 of its UTF-8 text. */
export function documentHash(query: string): Promise<string | null> {
  let hash = hashes.get(query);
  if (!hash) {
    const subtle = globalThis.crypto?.subtle;
    hash = subtle
      ? subtle.digest('SHA-256', new TextEncoder().encode(query)).then(
          (digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
          () => null,
        )
      : Promise.resolve(null);
    hashes.set(query, hash);
  }
  return hash;
}

type Answer<TResult> = {
  data?: TResult;
  errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[];
};

async function post<TResult>(headers: Record<string, string>, body: Record<string, unknown>): Promise<{ status: number; body: Answer<TResult> }> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('', 'NETWORK');
  }
  try {
    return { status: response.status, body: await response.json() };
  } catch {
    throw new ApiError('', `HTTP_${response.status}`);
  }
}

/**
 * Sends an operation as a persisted query: the document's hash first, and the document with its hash only when the
 * server does not know it yet (PERSISTED_QUERY_NOT_FOUND), so that the server parses and validates each document once.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const token = session.token();
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    'Accept-Language': currentLanguage(),
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const query = document.toString();
  const hash = await documentHash(query);
  const extensions = hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
  let answer = extensions
    ? await post<TResult>(headers, { extensions, variables: variables ?? {} })
    : await post<TResult>(headers, { query, variables: variables ?? {} });
  if (extensions && answer.body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')
    answer = await post<TResult>(headers, { query, extensions, variables: variables ?? {} });
  const { status, body } = answer;
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'ERROR';
    if (code === 'UNAUTHENTICATED' && token) {
      session.clear();
      expiredListeners.forEach((listener) => listener());
    }
    throw new ApiError(first.message, code, first.extensions?.field, first.extensions ?? {});
  }
  if (!body.data) throw new ApiError('', `HTTP_${status}`);
  return body.data;
}

/** A document's PDF (or HTML) with the bearer token, saved through a temporary link. */
export async function downloadDocument(id: string, language: string, fileName: string): Promise<void> {
  const token = session.token();
  const response = await fetch(`${apiBase}/documents/${encodeURIComponent(id)}?lang=${language}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (response.status === 401) {
    session.clear();
    expiredListeners.forEach((listener) => listener());
    throw new ApiError('', 'UNAUTHENTICATED');
  }
  if (!response.ok) throw new ApiError('', `HTTP_${response.status}`);
  const blob = await response.blob();
  const extension = blob.type.includes('pdf') ? 'pdf' : 'html';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.${extension}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
