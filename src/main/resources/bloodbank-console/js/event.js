// Event view: the envelope (GET /debug/events/{id}) and its lineage (GET /debug/correlation/{id}/graph) as a graph.
import { api } from './api.js';
import { drawLineage } from './graph.js';
import { dateTime, el, eventLink, isFailure, seen, status } from './dom.js';

let view = null;

export function enter(main, [id]) {
  const input = el('input', { id: 'event-id', name: 'event_id', placeholder: 'event id (UUID)', spellcheck: 'false', size: 38 });
  view = {
    input, status: el('p', { role: 'status', id: 'event-status' }),
    envelope: el('div', { id: 'event-envelope', class: 'envelope' }),
    graph: el('div', { id: 'event-graph', class: 'graph', tabindex: '-1' }),
    pages: new Map(),
  };
  main.append(el('section', { 'aria-labelledby': 'event-title' },
    el('h2', { id: 'event-title' }, 'Event'),
    el('form', { class: 'toolbar', onsubmit: e => { e.preventDefault(); location.hash = `#/event/${input.value.trim()}`; } },
      el('label', { for: 'event-id' }, 'Event id'), input, el('button', { type: 'submit' }, 'Open')),
    view.status,
    el('div', { class: 'event' },
      el('div', {}, el('h3', {}, 'Lineage'), el('p', { class: 'hint' }, 'Ancestors to the left, what it caused to the right; select an event to centre it.'), view.graph),
      el('div', {}, el('h3', {}, 'Envelope'), view.envelope))));
  update([id]);
}

export async function update([id]) {
  if (!view) return;
  view.envelope.replaceChildren();
  view.graph.replaceChildren();
  if (!id) {
    status(view.status, 'Open an event from the live view, a dead letter or a search hit, or paste its id.');
    return;
  }
  view.input.value = id;
  view.pages = new Map();
  status(view.status, 'Loading…');
  const local = seen.get(id);
  if (local) showEnvelope(local, 'this console saw it');
  const [envelope, lineage] = await Promise.all([
    local ? null : api(`/debug/events/${encodeURIComponent(id)}`), api(`/debug/correlation/${encodeURIComponent(id)}/graph`)]);
  if (view.input.value !== id) return; // another event was opened meanwhile
  if (envelope) {
    if (envelope.ok) showEnvelope(envelope.body.envelope, envelope.body.found_in === 'recent' ? 'kept in memory' : 'read from the archive');
    else view.envelope.append(el('p', { class: 'hint' }, envelope.body.error));
  }
  if (!lineage.ok) {
    status(view.status, lineage.body.error, 'error');
    return;
  }
  const redraw = () => drawLineage(view.graph, lineage.body, lineage.body.event_id, view.pages, redraw);
  redraw();
  const parents = lineage.body.nodes.find(n => n.event_id === lineage.body.event_id).parents.length;
  status(view.status, `${lineage.body.count} events in its lineage (${parents} parent${parents === 1 ? '' : 's'})`
    + (lineage.body.truncated ? '; the furthest descendants are left out' : ''), 'ok');
}

function showEnvelope(envelope, where) {
  const parents = envelope.correlation_ids || [];
  view.envelope.replaceChildren(
    el('dl', {},
      el('dt', {}, 'type'), el('dd', { class: isFailure(envelope.event_type) ? 'failed' : '' }, envelope.event_type),
      el('dt', {}, 'id'), el('dd', { class: 'mono' }, envelope.event_id),
      el('dt', {}, 'time'), el('dd', {}, dateTime(envelope.timestamp)),
      el('dt', {}, 'source'), el('dd', {}, [envelope.source?.app, envelope.source?.host, envelope.source?.trigger_type].filter(Boolean).join(' · ')),
      el('dt', {}, 'parents'), el('dd', {}, parents.length ? parents.map(p => [eventLink(p), ' ']) : 'none (a root)')),
    el('pre', { class: 'json', tabindex: '0', 'aria-label': 'Envelope JSON' }, JSON.stringify(envelope, null, 2)),
    el('p', { class: 'hint' }, `Envelope ${where}.`));
}

export function leave() {
  view = null;
}
