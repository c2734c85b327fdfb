// The console's shell: one view at a time, chosen by the URL's hash (#/live, #/event/<id>, ...).
import { token } from './api.js';
import * as live from './live.js';
import * as event from './event.js';
import * as publish from './publish.js';
import * as dlq from './dlq.js';
import * as search from './search.js';
import * as health from './health.js';

const views = { live, event, publish, dlq, search, health };
const main = document.getElementById('main');
let current = null;

function route() {
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  const view = views[name] ? name : 'live';
  if (current && current.name !== view && current.module.leave) current.module.leave();
  document.querySelectorAll('nav a').forEach(a => a.toggleAttribute('aria-current', a.dataset.view === view));
  if (!current || current.name !== view) {
    main.replaceChildren();
    current = { name: view, module: views[view] };
    current.module.enter(main, rest.map(decodeURIComponent));
  } else if (current.module.update) {
    current.module.update(rest.map(decodeURIComponent));
  }
  document.title = `Bloodbank · ${document.querySelector(`nav a[data-view=${view}]`).textContent}`;
}

const dialog = document.getElementById('token-dialog');
const tokenButton = document.getElementById('token-button');
function askToken(why) {
  tokenButton.hidden = false;
  if (dialog.open) return;
  document.getElementById('token-input').value = '';
  dialog.querySelector('p').textContent = why
    ? `${why}. The token is kept in this tab only.`
    : 'This Bloodbank requires a bearer token (BLOODBANK_API_TOKENS). It is kept in this tab only.';
  dialog.showModal();
}
token.onMissing(askToken);
tokenButton.addEventListener('click', () => askToken());
if (token.get()) tokenButton.hidden = false;
document.getElementById('token-form').addEventListener('submit', () => {
  token.set(document.getElementById('token-input').value.trim());
  current = null;
  route();
});

window.addEventListener('hashchange', route);
route();
