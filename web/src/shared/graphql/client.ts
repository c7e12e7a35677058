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
  let response: Response;
  try {
    response = await fetch(`${apiBase}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError('', 'NETWORK');
  }
  let body: { data?: TResult; errors?: { message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('', `HTTP_${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'ERROR';
    if (code === 'UNAUTHENTICATED' && token) {
      session.clear();
      expiredListeners.forEach((listener) => listener());
    }
    throw new ApiError(first.message, code, first.extensions?.field, first.extensions ?? {});
  }
  if (!body.data) throw new ApiError('', `HTTP_${response.status}`);
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
