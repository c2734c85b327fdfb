// Health: GET /observe/health (RabbitMQ, Redis, routes, consumers) and GET /debug/service (Camel, backends, routes).
import { api } from './api.js';
import { el, status } from './dom.js';

let view = null;

export function enter(main) {
  view = { body: el('div', { id: 'health-body' }), status: el('p', { role: 'status', id: 'health-status' }) };
  main.append(el('section', { 'aria-labelledby': 'health-title' }, el('h2', { id: 'health-title' }, 'Health'),
    el('div', { class: 'toolbar' }, el('button', { type: 'button', onclick: refresh }, 'Refresh'),
      el('a', { href: '/q/dev', target: '_blank', rel: 'noopener', id: 'dev-console' }, 'Camel developer console ↗')),
    view.status, view.body));
  refresh();
}

const state = s => el('span', { class: `state ${/^(UP|Started)$/.test(s) ? 'up' : 'down'}` }, s);

async function refresh() {
  const [health, info] = await Promise.all([api('/observe/health', { query: { exposureLevel: 'full' } }), api('/debug/service')]);
  if (!view) return;
  const checks = health.body?.checks || [];
  const backend = name => checks.find(c => c.name === name);
  status(view.status, `Service ${health.body?.status || `unreachable (HTTP ${health.status})`}`, health.ok ? 'ok' : 'error');
  const parts = [el('div', { class: 'cards' },
    ...['rabbitmq', 'redis'].map(name => el('div', { class: 'card', id: `health-${name}` },
      el('h3', {}, name === 'rabbitmq' ? 'RabbitMQ' : 'Redis'), backend(name) ? state(backend(name).status) : state('unknown'),
      el('p', {}, info.ok ? (name === 'rabbitmq' ? info.body.broker : info.body.store) : ''))),
    info.ok ? el('div', { class: 'card' }, el('h3', {}, 'Camel'), el('p', { id: 'camel-version' }, `Apache Camel ${info.body.camel_version}`),
      el('p', {}, `up ${Math.round(info.body.uptime_ms / 60000)} min`)) : null)];
  if (info.ok) {
    parts.push(el('h3', {}, 'Consumers'), table(['consumer', 'state', 'patterns'], info.body.consumers.map(c =>
      [c.name, state(c.state), c.patterns.join(', ')])));
    parts.push(el('h3', {}, 'Routes'), table(['route', 'state', 'from', 'exchanges', 'failed', 'in flight'], info.body.routes.map(r =>
      [r.id, state(r.state), el('code', {}, r.from), r.exchanges_total ?? '', r.exchanges_failed ?? '', r.exchanges_inflight ?? ''])));
  } else {
    parts.push(el('p', { class: 'error' }, info.body?.error));
  }
  const others = checks.filter(c => c.name !== 'rabbitmq' && c.name !== 'redis' && c.status !== 'UP');
  if (others.length) parts.push(el('h3', {}, 'Checks not up'), table(['check', 'state'], others.map(c => [c.name, state(c.status)])));
  view.body.replaceChildren(...parts);
}

function table(headers, rows) {
  return el('div', { class: 'scroll' }, el('table', {},
    el('thead', {}, el('tr', {}, ...headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map(cells => el('tr', {}, el('th', { scope: 'row' }, cells[0]), ...cells.slice(1).map(c => el('td', {}, c)))))));
}

export function leave() {
  view = null;
}
