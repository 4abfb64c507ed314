// Talking to the server: JSON in, errors as messages the page can show.
import { $ } from './dom.js';

/** The JSON answer to a GET; an Error with the server's message (and .status) when it is not a 2xx. */
export async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : 'The server answered ' + response.status + '.';
    const err = new Error(message);
    err.status = response.status;
    throw err;
  }
  return body;
}

/** Shows a message in the page's error box; empty hides it. */
export function showError(message) {
  const box = $('error');
  box.textContent = message || '';
  box.hidden = !message;
}
