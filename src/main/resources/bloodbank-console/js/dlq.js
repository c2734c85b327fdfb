// Dead letters: every consumer's dead-letter, parked and pending depth (GET /dlq); one consumer's dead letters
// grouped by error (GET /dlq/{name}); redrive one, a group or all (POST /dlq/{name}/redrive).
import { api } from './api.js';
import { dateTime, el, eventLink, status } from './dom.js';

let view = null;

export function enter(main, [consumer]) {
  view = {
    queues: el('tbody', { id: 'dlq-queues' }), letters: el('div', { id: 'dlq-letters' }),
    status: el('p', { role: 'status', id: 'dlq-status' }), consumer,
  };
  main.append(el('section', { 'aria-labelledby': 'dlq-title' },
    el('h2', { id: 'dlq-title' }, 'Dead letters'),
    el('div', { class: 'toolbar' }, el('button', { type: 'button', id: 'dlq-refresh', onclick: refresh }, 'Refresh')),
    view.status,
    el('table', { class: 'queues' }, el('caption', {}, 'Consumers'),
      el('thead', {}, el('tr', {}, ...['consumer', 'dead letters', 'parked', 'pending', ''].map(h => el('th', { scope: 'col' }, h)))),
      view.queues),
    view.letters));
  refresh();
}

export function update([consumer]) {
  if (view) { view.consumer = consumer; refresh(); }
}

async function refresh() {
  const answer = await api('/dlq');
  if (!view) return;
  if (!answer.ok) return status(view.status, answer.body?.error, 'error');
  status(view.status, `${answer.body.count} consumers`);
  view.queues.replaceChildren(...answer.body.queues.map(q => el('tr', { class: q.consumer === view.consumer ? 'selected' : '', 'data-consumer': q.consumer },
    el('th', { scope: 'row' }, q.consumer),
    el('td', { class: q.depth ? 'bad' : '' }, q.depth), el('td', { class: q.parked ? 'warn' : '' }, q.parked), el('td', {}, q.pending),
    el('td', {}, el('a', { href: `#/dlq/${encodeURIComponent(q.consumer)}`, 'aria-label': `Dead letters of ${q.consumer}` }, 'Open')))));
  const chosen = answer.body.queues.find(q => q.consumer === view.consumer);
  if (chosen) letters(chosen); else view.letters.replaceChildren();
}

async function letters(queue) {
  const answer = await api(`/dlq/${encodeURIComponent(queue.consumer)}`, { query: { limit: 100 } });
  if (!view) return;
  if (!answer.ok) return status(view.status, answer.body?.error, 'error');
  const groups = new Map();
  for (const letter of answer.body.messages) {
    const key = `${letter.error_class || ''}: ${letter.error_message || 'no error recorded'}`;
    (groups.get(key) || groups.set(key, []).get(key)).push(letter);
  }
  view.letters.replaceChildren(
    el('h3', {}, `${queue.consumer}: ${answer.body.depth} dead letter${answer.body.depth === 1 ? '' : 's'}`),
    el('div', { class: 'toolbar' },
      el('button', { type: 'button', id: 'dlq-redrive-all', disabled: answer.body.depth === 0, onclick: () => redrive(queue.consumer, null, 'all') },
        `Redrive all ${answer.body.depth}`),
      el('span', { class: 'hint' }, answer.body.depth > answer.body.messages.length ? `showing the first ${answer.body.messages.length}` : '')),
    ...[...groups.entries()].map(([error, list]) => el('section', { class: 'group', 'aria-label': `Error: ${error}` },
      el('h4', {}, el('span', { class: 'count' }, list.length), ' ', error),
      el('button', { type: 'button', class: 'redrive-group', onclick: () => redrive(queue.consumer, list.map(l => l.event_id), `${list.length} with this error`) },
        `Redrive these ${list.length}`),
      el('table', { class: 'letters' },
        el('thead', {}, el('tr', {}, ...['event', 'type', 'attempts', 'redrives', 'first failure', 'last failure', ''].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...list.map(l => el('tr', { 'data-event-id': l.event_id },
          el('td', {}, eventLink(l.event_id)), el('td', {}, l.event_type || l.routing_key), el('td', {}, l.attempts ?? ''),
          el('td', {}, l.redrives ?? 0), el('td', {}, dateTime(l.first_failure_at)), el('td', {}, dateTime(l.last_failure_at)),
          el('td', {}, el('button', { type: 'button', class: 'redrive-one', 'aria-label': `Redrive ${l.event_id}`,
            onclick: () => redrive(queue.consumer, [l.event_id], l.event_id.slice(0, 8)) }, 'Redrive')))))))),
    el('section', { class: 'parked', 'aria-labelledby': 'dlq-parked' },
      el('h3', { id: 'dlq-parked' }, `Parked: ${queue.parked}`),
      el('p', { class: 'hint' }, `Messages redriven too often are parked on ${queue.queue.replace(/\.dlq$/, '.parked')}; they are not redriven again from here.`)));
}

async function redrive(consumer, ids, what) {
  status(view.status, `Redriving ${what}…`);
  const answer = await api(`/dlq/${encodeURIComponent(consumer)}/redrive`, { method: 'POST', body: ids ? { event_ids: ids } : {} });
  if (!view) return;
  if (!answer.ok) return status(view.status, answer.body?.error, 'error');
  await refresh();
  status(view.status, `Redriven ${answer.body.redriven}, parked ${answer.body.parked}, left ${answer.body.remaining}`, 'ok');
}

export function leave() {
  view = null;
}
