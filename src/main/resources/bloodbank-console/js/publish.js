// Publish view: a registered type's payload form, generated from its JSON Schema (or the payload as raw JSON), parents
// and idempotency key; POST /events; a refusal's field is shown on that field.
import { api } from './api.js';
import { el, eventLink, status } from './dom.js';

let view = null;
const OTHER = '';

export async function enter(main) {
  const type = el('select', { id: 'publish-type', name: 'event_type' });
  view = {
    type, fields: el('div', { id: 'publish-fields' }), status: el('p', { role: 'status', id: 'publish-status' }),
    raw: el('input', { type: 'checkbox', id: 'publish-raw' }), types: new Map(),
    parents: el('input', { id: 'publish-parents', name: 'parents', spellcheck: 'false', 'aria-describedby': 'publish-parents-help publish-parents-error' }),
    key: el('textarea', { id: 'publish-key', name: 'idempotency_key', rows: 2, spellcheck: 'false', 'aria-describedby': 'publish-key-help publish-key-error' }),
  };
  const form = el('form', { id: 'publish-form', class: 'publish', novalidate: true, onsubmit: submit },
    el('div', { class: 'field' }, el('label', { for: 'publish-type' }, 'Event type'), type, el('p', { class: 'hint', id: 'publish-description' })),
    el('div', { class: 'field inline' }, view.raw, el('label', { for: 'publish-raw' }, 'Edit the payload as raw JSON')),
    el('fieldset', {}, el('legend', {}, 'Payload'), view.fields),
    fieldBox('correlation_ids', 'Parents', view.parents, 'publish-parents', 'Event ids this event was caused by, separated by spaces or commas'),
    fieldBox('idempotency_key', 'Idempotency key', view.key, 'publish-key', 'One key=value a line: the same key gives the same event id'),
    el('div', { class: 'row' }, el('button', { type: 'submit', id: 'publish-submit' }, 'Publish')),
    view.status);
  view.custom = fieldBox('event_type', 'Event type (dot-separated words)', el('input', { id: 'publish-custom-type', spellcheck: 'false',
    'aria-describedby': 'publish-custom-type-help publish-custom-type-error' }), 'publish-custom-type', 'e.g. billing.invoice.paid');
  form.insertBefore(view.custom, form.children[1]);
  main.append(el('section', { 'aria-labelledby': 'publish-title' }, el('h2', { id: 'publish-title' }, 'Publish an event'), form));
  type.addEventListener('change', showFields);
  view.raw.addEventListener('change', () => {
    const payload = view.raw.checked ? formPayload() : null;
    showFields(payload);
  });
  const answer = await api('/events/types');
  if (!answer.ok) return status(view.status, answer.body?.error, 'error');
  answer.body.event_types.sort((a, b) => a.event_type.localeCompare(b.event_type)).forEach(t => {
    view.types.set(t.event_type, t);
    type.append(el('option', { value: t.event_type }, t.event_type));
  });
  type.append(el('option', { value: OTHER }, 'Another type (unregistered; payload as JSON)…'));
  showFields();
}

function fieldBox(field, label, control, id, help) {
  return el('div', { class: 'field', 'data-field': field },
    el('label', { for: id }, label), control, el('p', { class: 'hint', id: `${id}-help` }, help),
    el('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' }));
}

function showFields(rawPayload) {
  const type = view.types.get(view.type.value);
  document.getElementById('publish-description').textContent = type?.description || '';
  clearErrors();
  const other = view.type.value === OTHER;
  view.raw.disabled = other;
  view.custom.hidden = !other;
  if (view.raw.checked || other) {
    const text = el('textarea', { id: 'publish-payload', rows: 10, spellcheck: 'false', 'aria-describedby': 'publish-payload-error' },
      JSON.stringify(rawPayload && typeof rawPayload === 'object' ? rawPayload : example(type?.schema), null, 2));
    view.fields.replaceChildren(fieldBox('payload', 'Payload JSON', text, 'publish-payload', 'The payload object, as JSON'));
  } else {
    view.fields.replaceChildren(...controls(type?.schema || { properties: {} }, 'payload'));
  }
}

function controls(schema, path) {
  const required = new Set(schema.required || []);
  return Object.entries(schema.properties || {}).map(([name, property]) => {
    const field = `${path}.${name}`;
    const id = `f-${field.replace(/[^a-z0-9_-]/gi, '-')}`;
    const label = `${name}${required.has(name) ? ' *' : ''}`;
    if (property.type === 'object' && property.properties) {
      return el('fieldset', { 'data-field': field }, el('legend', {}, label), ...controls(property, field));
    }
    let control;
    const common = { id, name: field, 'data-kind': property.type, 'aria-required': required.has(name) ? 'true' : null,
      'aria-describedby': `${id}-error` };
    if (property.type === 'boolean') {
      control = el('select', common, el('option', { value: '' }, '—'), el('option', { value: 'true' }, 'true'), el('option', { value: 'false' }, 'false'));
    } else if (property.type === 'array' || property.type === 'object') {
      control = el('textarea', { ...common, rows: 2, placeholder: property.type === 'array' ? '["…"]' : '{"…": …}' });
    } else {
      control = el('input', { ...common, type: 'text',
        inputmode: property.type === 'integer' ? 'numeric' : property.type === 'number' ? 'decimal' : null,
        placeholder: property.format === 'date-time' ? '2026-01-01T12:00:00Z' : property.format || null });
    }
    return el('div', { class: 'field', 'data-field': field }, el('label', { for: id }, label), control,
      el('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' }));
  });
}

function example(schema) {
  const payload = {};
  for (const name of (schema && schema.required) || []) payload[name] = '';
  return payload;
}

/** The payload the form says; values the form cannot type (a number that is none) go as written: the server says why. */
function formPayload() {
  const payload = {};
  view.fields.querySelectorAll('[data-kind]').forEach(control => {
    const text = control.value.trim();
    if (text === '') return;
    let value = text;
    if (control.dataset.kind === 'integer' || control.dataset.kind === 'number') value = Number.isNaN(Number(text)) ? text : Number(text);
    else if (control.dataset.kind === 'boolean') value = text === 'true';
    else if (control.dataset.kind === 'array' || control.dataset.kind === 'object') {
      try { value = JSON.parse(text); } catch { value = text; }
    }
    const names = control.name.split('.').slice(1);
    let target = payload;
    names.slice(0, -1).forEach(n => { target = target[n] = target[n] || {}; });
    target[names[names.length - 1]] = value;
  });
  return payload;
}

async function submit(e) {
  e.preventDefault();
  clearErrors();
  const other = view.type.value === OTHER;
  const request = { event_type: other ? document.getElementById('publish-custom-type').value.trim() : view.type.value };
  if (view.raw.checked || other) {
    try {
      request.payload = JSON.parse(document.getElementById('publish-payload').value);
    } catch (failure) {
      return showError({ field: 'payload', error: `Not valid JSON: ${failure.message}` });
    }
  } else {
    request.payload = formPayload();
  }
  const parents = view.parents.value.split(/[\s,]+/).filter(Boolean);
  if (parents.length) request.correlation_ids = parents;
  const key = view.key.value.split('\n').map(line => line.trim()).filter(Boolean);
  if (key.length) request.idempotency_key = Object.fromEntries(key.map(line => {
    const at = line.indexOf('=');
    return at < 0 ? [line, null] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }));
  status(view.status, 'Publishing…');
  const answer = await api('/events', { method: 'POST', body: request });
  if (!answer.ok) return showError(answer.body || { error: `HTTP ${answer.status}` }, answer.status);
  view.status.replaceChildren('Published ', eventLink(answer.body.event_id, answer.body.event_id),
    answer.body.routed === false ? ' — but no queue is bound for it' : ' (it shows in the live view)');
  view.status.className = 'status ok';
}

function showError(failure, httpStatus) {
  const field = failure.field || failure.parameter;
  const boxes = [...document.querySelectorAll('#publish-form [data-field]')];
  // The field named, or the nearest enclosing one (payload.a.b → payload.a; correlation_ids[0] → correlation_ids)
  const box = field && boxes.filter(b => field === b.dataset.field || field.startsWith(b.dataset.field + '.') || field.startsWith(b.dataset.field + '['))
    .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0];
  const text = `${failure.error}${httpStatus ? ` (HTTP ${httpStatus})` : ''}`;
  if (box && box.querySelector('.field-error')) {
    box.classList.add('invalid');
    box.querySelector('.field-error').textContent = text;
    const control = box.querySelector('input, select, textarea');
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
  status(view.status, field ? `${field}: ${text}` : text, 'error');
}

function clearErrors() {
  document.querySelectorAll('#publish-form .invalid').forEach(b => b.classList.remove('invalid'));
  document.querySelectorAll('#publish-form .field-error').forEach(p => { p.textContent = ''; });
  document.querySelectorAll('#publish-form [aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
}

export function leave() {
  view = null;
}
