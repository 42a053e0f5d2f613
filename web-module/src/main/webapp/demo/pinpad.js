/*
 * Portcullis PIN pad demo: one person plays the relying system (a bank website) and the
 * customer. The relying-system half calls the PIN pad API with HTTP Basic credentials; the
 * customer half clicks server-drawn keys and never sees more than dots.
 *
 * Loaded as a classic deferred script under a strict Content-Security-Policy (script-src
 * 'self', style-src 'self'): no inline handlers, no style attributes, no innerHTML with data
 * from the server. The pure helpers at the top carry no DOM and are exported for Node so they
 * can be checked without a browser.
 */
'use strict';

const PinpadDemo = (() => {
  /** The longest PIN a customer may have (SPEC 3.6); more clicks than this are ignored. */
  const OTC_MAX_LENGTH = 10;
  /** The shortest PIN any bank policy allows; Submit stays disabled below it. */
  const OTC_MIN_LENGTH = 4;
  const FRAGMENT_KEYS = ['system', 'secret', 'account'];

  function decodeComponent(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }

  /**
   * Reads `#system=…&secret=…&account=…` into an object holding only those keys that are
   * present. Values are percent-decoded; a literal "+" stays "+" (secrets may contain it), so
   * the launcher must percent-encode spaces as %20. The first occurrence of a key wins.
   */
  function parseFragment(hash) {
    const values = {};
    const text = String(hash || '').replace(/^#/, '');
    for (const part of text.split('&')) {
      if (part === '') {
        continue;
      }
      const eq = part.indexOf('=');
      const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeComponent(part.slice(eq + 1));
      if (FRAGMENT_KEYS.includes(key) && !Object.prototype.hasOwnProperty.call(values, key)) {
        values[key] = value;
      }
    }
    return values;
  }

  /** Base64 of the UTF-8 bytes of a string (btoa alone rejects characters above U+00FF). */
  function base64Utf8(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    for (const byte of bytes) {
      binary += String.fromCharCode(byte);
    }
    return btoa(binary);
  }

  /** The HTTP Basic `Authorization` value for a relying system (RFC 7617, charset UTF-8). */
  function basicAuthorization(systemId, secret) {
    return 'Basic ' + base64Utf8(`${systemId}:${secret}`);
  }

  function isValidSystemId(systemId) {
    return /^[0-9]{8}$/.test(String(systemId));
  }

  function isValidLocation(location) {
    return Number.isInteger(location) && location >= 1 && location <= 10;
  }

  /** The code character a cell contributes: its location mod 10, so location 10 gives "0". */
  function codeDigitForLocation(location) {
    if (!isValidLocation(location)) {
      throw new RangeError(`PIN pad location out of range: ${location}`);
    }
    return String(location % 10);
  }

  /** The one-time code after clicking a cell; unchanged once it holds OTC_MAX_LENGTH digits. */
  function appendToCode(code, location) {
    if (code.length >= OTC_MAX_LENGTH) {
      return code;
    }
    return code + codeDigitForLocation(location);
  }

  function canSubmit(code) {
    return code.length >= OTC_MIN_LENGTH && code.length <= OTC_MAX_LENGTH;
  }

  function progressDots(length) {
    return '\u2022'.repeat(Math.max(0, length));
  }

  function digitsEnteredText(length) {
    if (length === 0) {
      return 'No digits entered';
    }
    return length === 1 ? '1 digit entered' : `${length} digits entered`;
  }

  /** "m:ss" for a remaining duration in milliseconds, rounded up, never negative. */
  function formatRemaining(milliseconds) {
    const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  /**
   * When the pad expires, in this browser's clock. The server's `Date` header, when readable,
   * cancels clock skew between browser and server (to within its one-second resolution).
   * Returns null when expiresAt is not a valid instant.
   */
  function localDeadline(expiresAt, serverDateHeader, clientNow) {
    const expires = Date.parse(expiresAt);
    if (Number.isNaN(expires)) {
      return null;
    }
    const serverNow = serverDateHeader ? Date.parse(serverDateHeader) : NaN;
    if (Number.isNaN(serverNow)) {
      return expires;
    }
    return clientNow + (expires - serverNow);
  }

  /**
   * Places the cells of a session on a rows × cols grid, row-major, with null for slots no
   * cell occupies. Throws on a malformed layout so the page can say so instead of drawing
   * half a pad.
   */
  function arrangeCells(layout, cells) {
    const rows = layout && layout.rows;
    const cols = layout && layout.cols;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1
        || rows > 10 || cols > 10) {
      throw new Error('The server sent a PIN pad layout this page cannot draw.');
    }
    if (!Array.isArray(cells) || cells.length === 0) {
      throw new Error('The server sent a PIN pad without cells.');
    }
    const slots = new Array(rows * cols).fill(null);
    const seen = new Set();
    for (const cell of cells) {
      const ok = cell && isValidLocation(cell.location)
          && Number.isInteger(cell.row) && cell.row >= 0 && cell.row < rows
          && Number.isInteger(cell.col) && cell.col >= 0 && cell.col < cols
          && typeof cell.imageUrl === 'string' && cell.imageUrl !== '';
      if (!ok) {
        throw new Error('The server sent a PIN pad cell this page cannot place.');
      }
      const index = cell.row * cols + cell.col;
      if (slots[index] !== null || seen.has(cell.location)) {
        throw new Error('The server sent two PIN pad cells for the same place or location.');
      }
      seen.add(cell.location);
      slots[index] = cell;
    }
    return { rows, cols, slots };
  }

  const RESULTS = {
    OK: { tone: 'ok', badge: '\u2713', title: 'Customer verified', text: 'Verified: the PIN was right.' },
    FAIL: {
      tone: 'bad', badge: '\u2715', title: 'Not verified',
      text: 'Wrong PIN \u2014 one answer per pad; start a new one.',
    },
    EXPIRED: { tone: 'warn', badge: '!', title: 'Pad expired', text: 'This pad expired.' },
    LOCKED: {
      tone: 'bad', badge: '\u2715', title: 'PIN pad locked',
      text: 'Too many wrong attempts: PIN pad locked for now.',
    },
  };

  /** How to show a verification result; an unknown value is shown as such, never as success. */
  function describeResult(result) {
    if (Object.prototype.hasOwnProperty.call(RESULTS, result)) {
      return { ...RESULTS[result], answer: result };
    }
    return {
      tone: 'warn', badge: '?', title: 'Unexpected answer',
      text: `The server answered "${String(result)}", which this page does not know.`,
      answer: String(result),
    };
  }

  /**
   * A displayable summary of a failed response: an RFC 9457 problem when the body is one,
   * otherwise the HTTP status. `fields` is a list of [name, message] pairs.
   */
  function summarizeProblem(status, statusText, body) {
    const problem = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    const title = typeof problem.title === 'string' && problem.title !== ''
      ? problem.title
      : `HTTP ${status}${statusText ? ' ' + statusText : ''}`;
    const detail = typeof problem.detail === 'string' && problem.detail !== ''
      ? problem.detail
      : defaultDetail(status);
    return { status, title, detail, fields: problemFields(problem.fields) };
  }

  function problemFields(fields) {
    const out = [];
    if (Array.isArray(fields)) {
      for (const item of fields) {
        if (item && typeof item === 'object') {
          out.push([String(item.field ?? item.name ?? ''), String(item.message ?? item.detail ?? '')]);
        } else if (item != null) {
          out.push(['', String(item)]);
        }
      }
    } else if (fields && typeof fields === 'object') {
      for (const [name, message] of Object.entries(fields)) {
        const text = Array.isArray(message) ? message.join('; ') : String(message);
        out.push([name, text]);
      }
    }
    return out;
  }

  function defaultDetail(status) {
    switch (status) {
      case 400: return 'The server refused the request as bad input.';
      case 401: return 'The system ID or secret was not accepted.';
      case 403: return 'This relying system may not use the PIN pad.';
      case 404: return 'The server does not know this PIN pad.';
      case 409: return 'This PIN pad has already been answered.';
      case 410: return 'This PIN pad has expired.';
      case 429: return 'Too many requests; wait a moment and try again.';
      default: return 'The server could not handle the request.';
    }
  }

  /** Seconds from a Retry-After header (delta-seconds or HTTP date), or null. */
  function retryAfterSeconds(header, clientNow) {
    if (!header) {
      return null;
    }
    if (/^\s*\d+\s*$/.test(header)) {
      return Number(header);
    }
    const when = Date.parse(header);
    return Number.isNaN(when) ? null : Math.max(0, Math.ceil((when - clientNow) / 1000));
  }

  return {
    OTC_MAX_LENGTH,
    OTC_MIN_LENGTH,
    parseFragment,
    base64Utf8,
    basicAuthorization,
    isValidSystemId,
    codeDigitForLocation,
    appendToCode,
    canSubmit,
    progressDots,
    digitsEnteredText,
    formatRemaining,
    localDeadline,
    arrangeCells,
    describeResult,
    summarizeProblem,
    retryAfterSeconds,
  };
})();

/* ---- the page --------------------------------------------------------------------------- */

function startPinpadDemo(doc, win) {
  const H = PinpadDemo;
  const $ = (id) => doc.getElementById(id);

  const form = $('credentials-form');
  const systemInput = $('system-id');
  const secretInput = $('secret');
  const accountInput = $('account');
  const startButton = $('start');
  const errorBox = $('error');
  const padCard = $('pad-card');
  const pad = $('pad');
  const timer = $('timer');
  const timerValue = $('timer-value');
  const progress = $('progress');
  const progressHint = $('progress-hint');
  const clearButton = $('clear');
  const submitButton = $('submit');
  const textModeRow = $('text-mode-row');
  const textMode = $('text-mode');
  const resultBox = $('result');
  const newPadButton = $('new-pad');

  const apiBase = new URL('../api/v1/', doc.baseURI);

  /*
   * The pad being answered. `code` is the one-time code so far: it lives only in this closure
   * and is never written to the page. `state` is 'open', 'sending' or 'done'.
   */
  let session = null;
  let timerHandle = null;
  let busy = false;

  fillFromFragment();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    startSession();
  });
  systemInput.addEventListener('input', () => {
    systemInput.setCustomValidity('');
  });
  clearButton.addEventListener('click', () => {
    if (session && session.state === 'open') {
      session.code = '';
      renderProgress();
      const firstKey = pad.querySelector('.pad-key');
      if (firstKey) {
        firstKey.focus();
      }
    }
  });
  submitButton.addEventListener('click', submitCode);
  newPadButton.addEventListener('click', () => {
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit(startButton);
    } else {
      startButton.click();
    }
  });
  textMode.addEventListener('change', () => {
    pad.classList.toggle('pad--text', textMode.checked);
  });

  function fillFromFragment() {
    const values = H.parseFragment(win.location.hash);
    if ('system' in values) systemInput.value = values.system;
    if ('secret' in values) secretInput.value = values.secret;
    if ('account' in values) accountInput.value = values.account;
    if ('secret' in values && win.history && typeof win.history.replaceState === 'function') {
      // Keep the secret out of the address bar and the browser history once it is in the form.
      win.history.replaceState(null, '', win.location.pathname + win.location.search);
    }
  }

  function credentials() {
    return {
      systemId: systemInput.value.trim(),
      secret: secretInput.value,
      account: accountInput.value.trim(),
    };
  }

  async function startSession() {
    if (busy) {
      return;
    }
    const creds = credentials();
    systemInput.setCustomValidity(H.isValidSystemId(creds.systemId) ? '' : 'The system ID is 8 digits.');
    if (!form.reportValidity()) {
      return;
    }
    hideError();
    endSession();
    setBusy(true, 'Starting\u2026');
    let response;
    try {
      response = await postJson('pinpad/sessions', creds, { account: creds.account });
    } catch (error) {
      showError('Could not start a PIN pad', describeFailure(error), []);
      return;
    } finally {
      setBusy(false);
    }
    if (response.status !== 201 && response.status !== 200) {
      showProblem(response, 'Could not start a PIN pad');
      return;
    }
    try {
      openPad(response, creds);
    } catch (error) {
      endSession();
      padCard.hidden = true;
      showError('Could not draw the PIN pad', error.message, []);
    }
  }

  function openPad(response, creds) {
    const body = response.body || {};
    if (typeof body.sessionKey !== 'string' || body.sessionKey === '') {
      throw new Error('The server answered without a session key.');
    }
    const arranged = H.arrangeCells(body.layout, body.cells);
    session = {
      key: body.sessionKey,
      creds,
      code: '',
      state: 'open',
      deadline: H.localDeadline(body.expiresAt, response.date, Date.now()),
    };
    drawPad(arranged);
    hideResult();
    padCard.hidden = false;
    renderProgress();
    startTimer();
    const firstKey = pad.querySelector('.pad-key');
    padCard.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    if (firstKey) {
      firstKey.focus({ preventScroll: true });
    }
  }

  function drawPad(arranged) {
    pad.replaceChildren();
    pad.dataset.cols = String(arranged.cols);
    pad.dataset.rows = String(arranged.rows);
    let anyDigit = false;
    let brokenShown = false;
    for (const cell of arranged.slots) {
      if (cell === null) {
        const empty = doc.createElement('span');
        empty.className = 'pad-slot';
        empty.setAttribute('aria-hidden', 'true');
        pad.append(empty);
        continue;
      }
      const key = doc.createElement('button');
      key.type = 'button';
      key.className = 'pad-key';

      const image = doc.createElement('img');
      image.alt = 'PIN pad key';
      image.decoding = 'async';
      image.draggable = false;
      image.addEventListener('error', () => {
        key.classList.add('pad-key--broken');
        if (!brokenShown) {
          brokenShown = true;
          showError('Some keys could not be drawn',
              'The server did not deliver the image of a PIN pad key. Start a new PIN pad.', []);
        }
      });
      image.src = new URL(cell.imageUrl, doc.baseURI).href;
      key.append(image);

      if (cell.digit !== undefined && cell.digit !== null) {
        anyDigit = true;
        const digit = String(cell.digit);
        key.setAttribute('aria-label', digit);
        const label = doc.createElement('span');
        label.className = 'pad-digit';
        label.textContent = digit;
        key.append(label);
      }

      const location = cell.location;
      key.addEventListener('click', () => pressKey(location));
      pad.append(key);
    }
    textModeRow.hidden = !anyDigit;
    if (!anyDigit) {
      textMode.checked = false;
    }
    pad.classList.toggle('pad--text', anyDigit && textMode.checked);
  }

  function pressKey(location) {
    if (!session || session.state !== 'open') {
      return;
    }
    session.code = H.appendToCode(session.code, location);
    renderProgress();
  }

  function renderProgress() {
    const length = session ? session.code.length : 0;
    progress.replaceChildren();
    if (length === 0) {
      const empty = doc.createElement('span');
      empty.className = 'dots-empty';
      empty.textContent = 'Nothing entered yet';
      progress.append(empty);
    } else {
      const dots = doc.createElement('span');
      dots.className = 'dots';
      dots.setAttribute('aria-hidden', 'true');
      dots.textContent = H.progressDots(length);
      const spoken = doc.createElement('span');
      spoken.className = 'visually-hidden';
      spoken.textContent = H.digitsEnteredText(length);
      progress.append(dots, spoken);
    }
    const open = Boolean(session) && session.state === 'open';
    const full = length >= H.OTC_MAX_LENGTH;
    progressHint.textContent = full
      ? `That is the longest PIN there is (${H.OTC_MAX_LENGTH} digits).`
      : 'Only dots are shown, never the code.';
    // Keys stay enabled when the code is full (extra clicks are ignored) so keyboard focus
    // never drops off a key that just became disabled.
    for (const key of pad.querySelectorAll('.pad-key')) {
      key.disabled = !open;
    }
    clearButton.disabled = !open || length === 0;
    submitButton.disabled = !open || !H.canSubmit(session ? session.code : '');
  }

  async function submitCode() {
    if (!session || session.state !== 'open' || !H.canSubmit(session.code)) {
      return;
    }
    const current = session;
    const otc = current.code;
    current.state = 'sending';
    submitButton.textContent = 'Checking\u2026';
    renderProgress();
    hideError();
    let response;
    try {
      response = await postJson(`pinpad/sessions/${encodeURIComponent(current.key)}/verification`,
          current.creds, { otc });
    } catch (error) {
      submitButton.textContent = 'Submit';
      if (session === current) {
        current.state = 'open';
        renderProgress();
      }
      showError('Could not submit the code', describeFailure(error), []);
      return;
    }
    submitButton.textContent = 'Submit';
    if (session !== current) {
      return;
    }
    current.code = '';
    if (response.status === 200 && response.body && typeof response.body.result === 'string') {
      finish(H.describeResult(response.body.result));
    } else if (response.status === 409) {
      const problem = H.summarizeProblem(response.status, response.statusText, response.body);
      finish({ tone: 'warn', badge: '!', title: 'Already answered', text: problem.detail });
    } else if (response.status === 400 || response.status === 429) {
      // Bad input and throttling change nothing on the server (SPEC 4): the pad stays usable.
      current.state = 'open';
      renderProgress();
      showProblem(response, 'The code was not accepted');
    } else {
      finish(null);
      showProblem(response, 'Could not check the code');
    }
  }

  /** Ends the pad: no more clicks, the countdown stops, and a new pad is offered. */
  function finish(view) {
    session.state = 'done';
    session.code = '';
    stopTimer();
    timer.hidden = true;
    renderProgress();
    if (view) {
      showResult(view);
    } else {
      showResult({ tone: 'neutral', badge: '!', title: 'Pad closed', text: 'Start a new PIN pad to try again.' });
    }
  }

  function endSession() {
    stopTimer();
    if (session) {
      session.code = '';
      session.state = 'done';
    }
    session = null;
  }

  function showResult(view) {
    resultBox.classList.remove('result--ok', 'result--bad', 'result--warn');
    if (view.tone === 'ok' || view.tone === 'bad' || view.tone === 'warn') {
      resultBox.classList.add(`result--${view.tone}`);
    }
    $('result-badge').textContent = view.badge;
    $('result-title').textContent = view.title;
    $('result-text').textContent = view.text;
    const answer = $('result-answer');
    answer.hidden = !view.answer;
    $('result-answer-value').textContent = view.answer || '';
    resultBox.hidden = false;
    resultBox.focus({ preventScroll: true });
    resultBox.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function hideResult() {
    resultBox.hidden = true;
  }

  function startTimer() {
    stopTimer();
    timer.classList.remove('timer--low', 'timer--expired');
    timer.hidden = !session || session.deadline === null;
    tick();
    timerHandle = win.setInterval(tick, 250);
  }

  function stopTimer() {
    if (timerHandle !== null) {
      win.clearInterval(timerHandle);
      timerHandle = null;
    }
  }

  function tick() {
    if (!session || session.deadline === null) {
      return;
    }
    const remaining = session.deadline - Date.now();
    if (remaining <= 0) {
      // The server has the last word: an answer sent now comes back EXPIRED, which the demo shows.
      timerValue.textContent = 'expired';
      timer.classList.remove('timer--low');
      timer.classList.add('timer--expired');
      stopTimer();
      return;
    }
    timerValue.textContent = H.formatRemaining(remaining);
    timer.classList.toggle('timer--low', remaining <= 20000);
  }

  async function postJson(path, creds, payload) {
    const response = await win.fetch(new URL(path, apiBase), {
      method: 'POST',
      headers: {
        'Authorization': H.basicAuthorization(creds.systemId, creds.secret),
        'Content-Type': 'application/json',
        'Accept': 'application/json, application/problem+json',
      },
      body: JSON.stringify(payload),
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
    const text = await response.text();
    let body = null;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch (e) {
        body = null;
      }
    }
    return {
      status: response.status,
      statusText: response.statusText,
      body,
      date: response.headers.get('Date'),
      retryAfter: response.headers.get('Retry-After'),
    };
  }

  /** Only the request itself fails here, so a TypeError is fetch's "network error". */
  function describeFailure(error) {
    if (error instanceof TypeError) {
      return 'The server could not be reached. Check that Portcullis is running and try again.';
    }
    return error && error.message ? error.message : String(error);
  }

  function showProblem(response, fallbackTitle) {
    const problem = H.summarizeProblem(response.status, response.statusText, response.body);
    let detail = problem.detail;
    if (response.status === 429) {
      const wait = H.retryAfterSeconds(response.retryAfter, Date.now());
      if (wait !== null) {
        detail += ` Try again in ${wait} s.`;
      }
    }
    const title = problem.title || fallbackTitle;
    showError(`${title} (HTTP ${response.status})`, detail, problem.fields);
  }

  function showError(title, detail, fields) {
    $('error-title').textContent = title;
    $('error-detail').textContent = detail;
    const list = $('error-fields');
    list.replaceChildren();
    for (const [name, message] of fields) {
      const item = doc.createElement('li');
      if (name) {
        const code = doc.createElement('code');
        code.textContent = name;
        item.append(code, doc.createTextNode(`: ${message}`));
      } else {
        item.textContent = message;
      }
      list.append(item);
    }
    list.hidden = fields.length === 0;
    errorBox.hidden = false;
  }

  function hideError() {
    errorBox.hidden = true;
  }

  function setBusy(on, label) {
    busy = on;
    startButton.disabled = on;
    newPadButton.disabled = on;
    startButton.textContent = on ? label : 'Start PIN pad';
  }
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = PinpadDemo;
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') {
  startPinpadDemo(document, window);
}
