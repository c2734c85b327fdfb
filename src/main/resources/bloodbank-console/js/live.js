// Live view: GET /events/stream with a topic pattern. Events arrive into a bounded buffer; the list is redrawn at most
// once per animation frame with only the newest rows (a capped list), so a fast bus never makes the page stall.
import { stream } from './api.js';
import { el, eventLink, isFailure, remember, shortId, status, time } from './dom.js';

const MAX_ROWS = 300;
const BUCKET_MS = 10_000;
const BUCKETS = 30; // rates over the last 5 minutes

const state = {
  pattern: '#', buffer: [], fresh: 0, paused: false, connection: null, shown: null,
  rates: new Map(), // event type → counts per 10-second bucket (index = bucket number % BUCKETS)
};
// Figures for the browser test and for anyone curious (see docs/console.md).
const figures = window.bbLive = { received: 0, rendered: 0, frames: 0, maxFrameMs: 0, firstRenderMs: null, listeningMs: null };

function connect() {
  if (state.connection) state.connection.abort();
  const connection = state.connection = new AbortController();
  setStatus(`Connecting to ${state.pattern}…`);
  stream(state.pattern, receive, connection.signal, () => {
    figures.listeningMs = performance.now();
    setStatus(`Listening to ${state.pattern}`, 'ok');
  })
    .then(() => lost(connection, 'The stream ended'))
    .catch(e => lost(connection, e.name === 'AbortError' ? null : (e.error || e.message || 'The stream failed')));
}

function lost(connection, why) {
  if (connection !== state.connection || !why) return;
  setStatus(`${why}; reconnecting in 3 s`, 'error');
  setTimeout(() => connection === state.connection && connect(), 3000);
}

function receive(envelope) {
  figures.received++;
  remember(envelope);
  state.buffer.push(envelope);
  if (state.buffer.length > MAX_ROWS * 2) state.buffer.splice(0, state.buffer.length - MAX_ROWS);
  state.fresh++;
  const bucket = Math.floor(Date.now() / BUCKET_MS);
  let counts = state.rates.get(envelope.event_type);
  if (!counts) state.rates.set(envelope.event_type, counts = { last: bucket, buckets: new Array(BUCKETS).fill(0) });
  roll(counts, bucket);
  counts.buckets[bucket % BUCKETS]++;
  if (state.shown && !state.paused) schedule();
}

function roll(counts, bucket) {
  for (let b = Math.max(counts.last + 1, bucket - BUCKETS + 1); b <= bucket; b++) counts.buckets[b % BUCKETS] = 0;
  counts.last = Math.max(counts.last, bucket);
}

let frame = 0;
function schedule() {
  if (!frame) frame = requestAnimationFrame(() => render(false));
}

function render(force) {
  frame = 0;
  const view = state.shown;
  if (!view || (state.paused && !force) || state.fresh === 0) return;
  const started = performance.now();
  const count = Math.min(state.fresh, MAX_ROWS);
  const rows = document.createDocumentFragment();
  for (let i = state.buffer.length - 1; i >= state.buffer.length - count && i >= 0; i--) rows.append(row(state.buffer[i]));
  view.list.prepend(rows);
  while (view.list.childElementCount > MAX_ROWS) view.list.lastElementChild.remove();
  figures.rendered += count;
  figures.frames++;
  state.fresh = 0;
  view.count.textContent = `${figures.received} received`;
  const took = performance.now() - started;
  figures.maxFrameMs = Math.max(figures.maxFrameMs, took);
  if (figures.firstRenderMs === null) figures.firstRenderMs = performance.now();
}

function row(event) {
  const parents = event.correlation_ids || [];
  return el('li', { class: isFailure(event.event_type) ? 'failed' : '' },
    el('span', { class: 'time' }, time(event.timestamp)),
    el('span', { class: 'type' }, event.event_type),
    eventLink(event.event_id),
    el('span', { class: 'source' }, (event.source && event.source.app) || ''),
    el('span', { class: 'parents' }, parents.length ? ['← ', eventLink(parents[0]), parents.length > 1 ? ` +${parents.length - 1}` : ''] : ''));
}

function drawRates() {
  const view = state.shown;
  if (!view) return;
  const bucket = Math.floor(Date.now() / BUCKET_MS);
  const lines = [...state.rates.entries()].map(([type, counts]) => {
    roll(counts, bucket);
    const sum = n => Array.from({ length: n }, (_, i) => counts.buckets[(bucket - i + BUCKETS) % BUCKETS]).reduce((a, b) => a + b, 0);
    return { type, minute: sum(6), five: sum(BUCKETS), spark: Array.from({ length: BUCKETS }, (_, i) => counts.buckets[(bucket - BUCKETS + 1 + i + BUCKETS) % BUCKETS]) };
  }).filter(line => line.five > 0).sort((a, b) => b.five - a.five).slice(0, 20);
  view.rates.replaceChildren(...lines.map(line => el('tr', {},
    el('th', { scope: 'row', class: isFailure(line.type) ? 'failed' : '' }, line.type),
    el('td', {}, (line.minute / 60).toFixed(1)), el('td', {}, line.five), el('td', { 'aria-hidden': 'true' }, spark(line.spark)))));
}

function spark(values) {
  const max = Math.max(1, ...values);
  return el('span', { class: 'spark' }, values.map(v => el('i', { style: `height:${Math.round((v / max) * 100)}%` })));
}

function setStatus(text, kind) {
  state.statusText = [text, kind];
  if (state.shown) status(state.shown.status, text, kind);
}

export function enter(main) {
  const pattern = el('input', { id: 'live-pattern', name: 'pattern', value: state.pattern, spellcheck: 'false',
    'aria-describedby': 'live-pattern-help' });
  const pause = el('button', { type: 'button', id: 'live-pause', 'aria-pressed': String(state.paused) }, state.paused ? 'Resume' : 'Pause');
  const view = state.shown = {
    list: el('ol', { id: 'live-events', class: 'events', 'aria-label': 'Events, newest first' }),
    rates: el('tbody'), status: el('p', { role: 'status', id: 'live-status' }), count: el('span', { id: 'live-count' }),
  };
  pause.addEventListener('click', () => {
    state.paused = !state.paused;
    pause.textContent = state.paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(state.paused));
    if (!state.paused) redraw();
  });
  main.append(el('section', { 'aria-labelledby': 'live-title' },
    el('h2', { id: 'live-title' }, 'Live events'),
    el('form', { class: 'toolbar', onsubmit: e => {
      e.preventDefault();
      state.pattern = pattern.value.trim() || '#';
      state.buffer = []; state.fresh = 0; redraw(); connect();
    } },
      el('label', { for: 'live-pattern' }, 'Topic pattern'), pattern,
      el('button', { type: 'submit' }, 'Listen'), pause,
      el('button', { type: 'button', class: 'quiet', onclick: () => { state.buffer = []; state.fresh = 0; redraw(); } }, 'Clear'),
      el('small', { id: 'live-pattern-help' }, '* one word, # any words: fireflies.#, *.failed')),
    view.status,
    el('div', { class: 'live' },
      el('div', {}, el('h3', {}, 'Events ', view.count), el('div', { class: 'events-head', 'aria-hidden': 'true' },
        el('span', {}, 'time'), el('span', {}, 'type'), el('span', {}, 'id'), el('span', {}, 'source'), el('span', {}, 'parent')), view.list),
      el('div', {}, el('h3', {}, 'Rate per type'), el('table', { class: 'rates' },
        el('caption', { class: 'sr-only' }, 'Events per type: per second over the last minute, count and trend over the last 5 minutes'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'type'), el('th', { scope: 'col' }, 'per s'),
          el('th', { scope: 'col' }, '5 min'), el('th', { scope: 'col' }, 'trend'))), view.rates)))));
  if (state.statusText) status(view.status, ...state.statusText);
  redraw();
  state.timer = setInterval(drawRates, 1000);
  drawRates();
  if (!state.connection) connect();
}

function redraw() {
  if (!state.shown) return;
  state.shown.list.replaceChildren();
  state.fresh = Math.min(state.buffer.length, MAX_ROWS);
  state.shown.count.textContent = `${figures.received} received`;
  if (state.fresh) render(true);
}

export function leave() {
  clearInterval(state.timer);
  state.shown = null; // the stream stays open: what is published meanwhile is there on return
}
