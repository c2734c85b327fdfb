// Meeting search: GET /rag/search; each hit with its speakers, time and text, linked to its transcript's chain.
import { api } from './api.js';
import { el, eventLink, status } from './dom.js';

let view = null;
const clock = seconds => seconds == null ? '' : `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

export function enter(main, [query]) {
  const q = el('input', { id: 'search-q', name: 'q', type: 'search', placeholder: 'what did we decide about the budget' });
  const k = el('input', { id: 'search-k', name: 'k', type: 'number', min: 1, max: 50, value: 5 });
  view = { hits: el('ol', { id: 'search-hits', class: 'hits' }), status: el('p', { role: 'status', id: 'search-status' }) };
  main.append(el('section', { 'aria-labelledby': 'search-title' },
    el('h2', { id: 'search-title' }, 'Search meetings'),
    el('form', { role: 'search', class: 'toolbar', onsubmit: e => { e.preventDefault(); history.replaceState(null, '', `#/search/${encodeURIComponent(q.value)}`); search(q.value, k.value); } },
      el('label', { for: 'search-q' }, 'Question'), q, el('label', { for: 'search-k' }, 'Hits'), k,
      el('button', { type: 'submit' }, 'Search')),
    view.status, view.hits));
  q.focus();
  if (query) { // #/search/<question>: a search one can link to
    q.value = query;
    search(query, k.value);
  }
}

async function search(q, k) {
  status(view.status, 'Searching… (the first search loads the model: a few seconds)');
  const answer = await api('/rag/search', { query: { q, k } });
  if (!view) return;
  if (!answer.ok) return status(view.status, `${answer.body?.error}`, 'error');
  status(view.status, `${answer.body.count} passage${answer.body.count === 1 ? '' : 's'}`, 'ok');
  view.hits.replaceChildren(...answer.body.hits.map(hit => el('li', {},
    el('p', { class: 'meta' }, el('strong', {}, hit.title || hit.transcript_id || hit.artifact_id), ' · ',
      (hit.speakers || []).join(', '), hit.start_time != null ? ` · ${clock(hit.start_time)}–${clock(hit.end_time)}` : '',
      ` · score ${Number(hit.score).toFixed(3)}`),
    el('blockquote', {}, hit.text),
    hit.ready_event_id ? el('p', {}, 'Transcript chain: ', eventLink(hit.ready_event_id, 'open the ready event and its lineage')) : null)));
}

export function leave() {
  view = null;
}
