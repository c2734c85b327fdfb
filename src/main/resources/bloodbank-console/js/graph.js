// Lineage as a layered DAG in SVG: longest-path layering (each event right of all its parents), then a few
// barycentre sweeps to order each layer. A node's children beyond a page are folded into one "+N more" node.
const SVG = 'http://www.w3.org/2000/svg';
const W = 224, H = 46, GAP_X = 48, GAP_Y = 16, PAGE = 8;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && value !== null) node.setAttribute(key, value);
  children.forEach(child => node.append(child));
  return node;
}

/**
 * Draws the graph of {nodes: [{event_id, event_type, created_at, parents}]} around centre into container.
 * pages: Map node id → pages of children shown (kept by the caller across redraws).
 */
export function drawLineage(container, lineage, centre, pages, redraw) {
  const all = new Map(lineage.nodes.map(n => [n.event_id, { ...n, children: [] }]));
  for (const node of all.values()) {
    node.parents = (node.parents || []).filter(p => all.has(p));
    node.parents.forEach(p => all.get(p).children.push(node.event_id));
  }
  const visible = visibleNodes(all, centre, pages);
  const layers = layer(visible);
  order(layers, visible);
  const height = Math.max(...layers.map(l => l.length)) * (H + GAP_Y);
  const width = layers.length * (W + GAP_X) - GAP_X;
  const place = new Map();
  layers.forEach((ids, x) => ids.forEach((id, y) => place.set(id, {
    x: x * (W + GAP_X), y: y * (H + GAP_Y) + (height - ids.length * (H + GAP_Y)) / 2 })));
  const root = svg('svg', { viewBox: `-4 -4 ${width + 8} ${height + 8}`, width: width + 8, height: height + 8,
    role: 'group', 'aria-label': `Lineage: ${visible.size} events` });
  root.append(svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }))));
  for (const node of visible.values()) {
    for (const parent of node.parents) {
      if (!place.has(parent)) continue;
      const a = place.get(parent), b = place.get(node.event_id);
      const x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, mid = (x1 + x2) / 2;
      root.append(svg('path', { d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`, class: 'edge', 'marker-end': 'url(#arrow)' }));
    }
  }
  for (const [id, node] of visible) root.append(nodeShape(node, place.get(id), id === centre, pages, redraw));
  container.replaceChildren(root);
}

function visibleNodes(all, centre, pages) {
  const visible = new Map();
  const up = [centre];
  while (up.length) {
    const id = up.pop();
    if (visible.has(id) || !all.has(id)) continue;
    visible.set(id, all.get(id));
    up.push(...all.get(id).parents);
  }
  const down = [centre];
  const opened = new Set();
  while (down.length) {
    const id = down.shift();
    if (opened.has(id) || id.startsWith('more:')) continue;
    opened.add(id);
    const node = all.get(id);
    const shown = (pages.get(id) || 1) * PAGE;
    const children = node.children.slice().sort((a, b) => (all.get(a).created_at || '').localeCompare(all.get(b).created_at || ''));
    children.slice(0, shown).forEach(child => { visible.set(child, all.get(child)); down.push(child); });
    if (children.length > shown) {
      const more = `more:${id}`;
      visible.set(more, { event_id: more, more: children.length - shown, owner: id, parents: [id] });
    }
  }
  // Edges only between drawn nodes
  for (const node of visible.values()) node.parents = node.parents.filter(p => visible.has(p));
  return visible;
}

function layer(visible) {
  const depth = new Map();
  const visit = (id, path) => {
    if (depth.has(id)) return depth.get(id);
    if (path.has(id)) return 0; // a cycle: the walk stops
    path.add(id);
    const node = visible.get(id);
    const d = node.parents.length ? 1 + Math.max(...node.parents.map(p => visit(p, path))) : 0;
    path.delete(id);
    depth.set(id, d);
    return d;
  };
  const layers = [];
  for (const id of visible.keys()) {
    const d = visit(id, new Set());
    (layers[d] = layers[d] || []).push(id);
  }
  return layers.filter(Boolean);
}

function order(layers, visible) {
  const position = new Map();
  const index = () => layers.forEach(ids => ids.forEach((id, i) => position.set(id, i)));
  index();
  const centreOf = ids => ids.length ? ids.reduce((s, id) => s + (position.get(id) ?? 0), 0) / ids.length : null;
  const children = new Map();
  for (const [id, node] of visible) node.parents.forEach(p => (children.get(p) || children.set(p, []).get(p)).push(id));
  for (let sweep = 0; sweep < 4; sweep++) {
    const downward = sweep % 2 === 0;
    const sequence = downward ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const ids of sequence) {
      const key = new Map(ids.map(id => [id, centreOf(downward ? visible.get(id).parents : (children.get(id) || [])) ?? position.get(id)]));
      ids.sort((a, b) => key.get(a) - key.get(b));
      index();
    }
  }
}

function nodeShape(node, at, isCentre, pages, redraw) {
  if (node.more) {
    const more = svg('a', { href: '#', role: 'button', class: 'node more', 'aria-label': `Show ${Math.min(node.more, PAGE)} more of ${node.more} further events` },
      svg('rect', { x: at.x, y: at.y, width: W, height: H, rx: 6 }),
      svg('text', { x: at.x + W / 2, y: at.y + H / 2 + 5, 'text-anchor': 'middle' }, `+${node.more} more…`));
    more.addEventListener('click', e => { e.preventDefault(); pages.set(node.owner, (pages.get(node.owner) || 1) + 1); redraw(); });
    return more;
  }
  const type = node.event_type || 'unknown type';
  const failed = /\.failed$|\.error$/.test(type);
  const title = svg('title', {}, `${type}\n${node.event_id}\n${node.created_at || ''}`);
  return svg('a', { href: `#/event/${node.event_id}`, class: `node${failed ? ' failed' : ''}${isCentre ? ' centre' : ''}`,
      'aria-label': `${type} ${node.event_id}${failed ? ' (failure)' : ''}${isCentre ? ' (this event)' : ''}`, 'data-event-id': node.event_id },
    title,
    svg('rect', { x: at.x, y: at.y, width: W, height: H, rx: 6 }),
    svg('text', { x: at.x + 10, y: at.y + 19, class: 'label' }, clip(type, 29)),
    svg('text', { x: at.x + 10, y: at.y + 36, class: 'sub' },
      `${node.event_id.slice(0, 8)}${node.created_at ? ' · ' + new Date(node.created_at).toLocaleTimeString([], { hour12: false }) : ''}`));
}

const clip = (text, n) => text.length > n ? text.slice(0, n - 1) + '…' : text;
