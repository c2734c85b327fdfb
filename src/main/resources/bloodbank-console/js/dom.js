// Small DOM helpers: elements from tag, attributes and children (text is always text, never HTML).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

export const shortId = id => (id || '').slice(0, 8);
export const time = iso => iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : '';
export const dateTime = iso => iso ? new Date(iso).toLocaleString([], { hour12: false }) : '';
export const isFailure = type => /\.failed$|\.error$/.test(type || '');

/** A link to an event's view. */
export const eventLink = (id, text = shortId(id)) => el('a', { href: `#/event/${id}`, class: 'mono', title: id }, text);

/** A message in the view's status line (role=status: read out by screen readers). */
export function status(node, text, kind = '') {
  node.textContent = text || '';
  node.className = `status ${kind}`;
}

/** Envelopes the console has seen (live stream, publish answers), newest kept: the event view shows them at once. */
export const seen = new Map();
export function remember(envelope) {
  seen.delete(envelope.event_id);
  seen.set(envelope.event_id, envelope);
  if (seen.size > 5000) seen.delete(seen.keys().next().value);
}
