// The HTTP API as the console calls it: the token (sessionStorage) as a bearer, errors as {status, error, field}.
const TOKEN = 'bloodbank.token';
let askToken = null;

export const token = {
  get: () => sessionStorage.getItem(TOKEN),
  set: value => value ? sessionStorage.setItem(TOKEN, value) : sessionStorage.removeItem(TOKEN),
  onMissing: ask => { askToken = ask; },
};

function headers(extra = {}) {
  const bearer = token.get();
  return bearer ? { ...extra, Authorization: `Bearer ${bearer}` } : extra;
}

/** Calls the API; resolves to {ok, status, body} (body parsed JSON, or null), asking for a token on 401. */
export async function api(path, { method = 'GET', body, query } = {}) {
  const url = query ? `${path}?${new URLSearchParams(query)}` : path;
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    return { ok: false, status: 0, body: { error: `Bloodbank does not answer (${e.message})` } };
  }
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { error: text }; }
  if (response.status === 401 && askToken) askToken(parsed && parsed.error);
  return { ok: response.ok, status: response.status, body: parsed };
}

/**
 * Reads GET /events/stream (server-sent events) with fetch rather than EventSource, which cannot send a bearer token.
 * Calls onOpen() once listening, onEvent(envelope) per event; resolves when the stream ends or signal aborts; rejects with {status, error}.
 */
export async function stream(pattern, onEvent, signal, onOpen = () => {}) {
  const response = await fetch(`/events/stream?${new URLSearchParams({ pattern })}`, { headers: headers(), signal });
  if (!response.ok) {
    const failure = await response.json().catch(() => ({ error: response.statusText }));
    if (response.status === 401 && askToken) askToken(failure.error);
    throw { status: response.status, ...failure };
  }
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter(line => line.startsWith('data: ')).map(line => line.slice(6)).join('\n');
      if (data) {
        try { onEvent(JSON.parse(data)); } catch { /* not an envelope: skipped */ }
      }
    }
  }
}
