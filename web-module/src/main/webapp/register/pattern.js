/*
 * Portcullis pattern registration page (register/pattern.html), SPEC 3.1.
 *
 * The bank sends the customer a single-use link, register/pattern.html#<token>. The page then
 *   1. confirms the customer's mobile number with a 6-digit code sent by SMS (SPEC 3.1.4),
 *   2. takes their derivation pattern: cells picked on the table (or a suggested candidate),
 *      found by narrowing (the server works out the pattern they have in mind from the digits
 *      they read off one or two grids), or a fixed password; plus an optional conversion rule,
 *   3. shows a fresh confirmation grid; the right password turns the provisional registration
 *      (15 minutes) into a formal one, and the link is used up.
 *
 * The token is in the fragment so that the request for this page never carries it; it stays in
 * the address bar so that a reload still works (the link is single use and expires anyway).
 * Every API call goes to ../api/v1/pattern/registrations/{token}… and errors come back as RFC
 * 9457 problems, handled in one place: api() and ApiError.
 *
 * Secrets (the pattern, the passwords, the SMS code) live only in this closure and in the form
 * fields: never in the URL, web storage, or the console. Password fields are emptied after
 * every submission.
 *
 * Loaded as a classic deferred script under a strict Content-Security-Policy (script-src
 * 'self', style-src 'self'): no inline handlers, no style attributes, no innerHTML. Grid sizes
 * go through a CSS custom property set with the CSSOM, which that policy allows. The pure
 * helpers at the top carry no DOM and are exported for Node so they can be checked without a
 * browser.
 *
 * Stable element ids (browser tests drive the page by these):
 *
 *   whole page
 *     #skip-link, #main                     skip link (keeps the fragment) and its target
 *     #steps, #step-phone, #step-pattern, #step-confirm   stepper; the current <li> has
 *                                           aria-current="step" and class step--current,
 *                                           finished ones class step--done
 *     #announcer                            polite live region for short spoken updates
 *     #loading                              shown while the link is checked
 *     #fatal, #fatal-title, #fatal-text, #fatal-detail, #retry
 *                                           link missing, damaged, unknown (404), used or
 *                                           expired (410), or the server unreachable (#retry)
 *     #info, #info-table, #info-system, #info-phone, #info-expires
 *                                           the registration's facts (side panel)
 *
 *   step 1, phone (#phone-card, heading #phone-title)
 *     #phone-number                         masked number the code goes to
 *     #phone-send-row, #phone-send          POST …/phone-code (first code)
 *     #phone-form, #phone-sent              code form, shown once a code was sent
 *     #phone-code, #phone-code-error        the 6-digit code and its message
 *     #phone-confirm                        submit: POST …/phone-confirmation
 *     #phone-resend                         another code (held for 30 s after each send)
 *     #phone-error                          problem notice (-title, -detail, -fields)
 *
 *   step 2, pattern (#pattern-card, heading #pattern-title)
 *     #pattern-notice, #pattern-notice-text e.g. "your provisional registration expired"
 *     #rules-list                           the table's rules in words
 *     #method-pick, #method-find, #method-fixed   tabs; panels #panel-pick, #panel-find,
 *                                           #panel-fixed
 *     pick:  #table (role=group), #cell-1 … #cell-N (buttons; data-cell=N; data-uses=count;
 *            class cell--picked / cell--full; .cell-order shows the places, e.g. "1·5"),
 *            #add-dummy, #undo, #clear-pattern,
 *            #positions (text, kept in sync with the cells both ways), #positions-error,
 *            #pattern-summary, #wide-table-hint, #wide-table-find,
 *            #suggest-row, #suggest, #candidate, #candidate-title, #candidate-table,
 *            #candidate-positions, #candidate-prev, #candidate-next, #candidate-use, #pick-error
 *     find:  #find-start, #narrow-length (select), #narrow-length-error, #narrow-start,
 *            #find-round, #narrow-title, #narrow-instructions, #narrow-form,
 *            #narrow-grid (table; td#narrow-cell-N, data-cell=N, class is-blank for a cell
 *            not shown), #narrow-digits, #narrow-digits-error,
 *            #narrow-show, #narrow-submit, #narrow-restart,
 *            #find-found, #found-title, #found-table, #found-positions, #narrow-again,
 *            #narrow-edit, #find-error
 *     fixed: #fixed-password, #fixed-password-error, #fixed-password-repeat,
 *            #fixed-password-repeat-error
 *     rule (pick and find): #rule-section (hidden for fixed, and for find until found),
 *            #rule-details (<details>; #rule-summary opens it), #rule, #rule-error,
 *            #rule-preview, #mode (fieldset), #mode-fixed, #mode-variable (radios, name=mode,
 *            FIXED checked by default), #mode-error, #example-grid
 *     #pattern-submit, #pattern-submit-hint, #pattern-error   POST …/{token}
 *
 *   step 3, confirm (#confirm-card, heading #confirm-title)
 *     #confirm-timer, #confirm-timer-value  countdown to the provisional expiry; class
 *                                           timer--low (last minute), timer--expired
 *     #confirm-notice, #confirm-notice-text e.g. "that did not match; here is a new grid"
 *     #confirm-intro                        what to type (says so when it is a fixed password)
 *     #confirm-grid-area, #confirm-grid     table; td#confirm-cell-N (data-cell=N) holds a digit;
 *                                           the area is hidden after a fixed password
 *     #confirm-form, #confirm-password-label, #confirm-password, #confirm-password-error,
 *     #confirm-show
 *     #confirm-submit                       POST …/confirmation
 *     #change-pattern                       back to step 2
 *     #confirm-error                        problem notice
 *
 *   #done, #done-title, #done-text          success: the registration is formal
 */
'use strict';

const PatternRegistration = (() => {
  /** A dummy position: the customer types any digit there and it is ignored (SPEC 3.1). */
  const DUMMY = '*';
  /** The longest pattern or password this page takes; the server has the last word. */
  const MAX_LENGTH = 16;
  const CODE_LENGTH = 6;
  /** Registration tokens are URL-safe base64 (about 43 characters); allow some slack. */
  const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,512}={0,2}$/;
  /** The worked example of SPEC 3.1, shown next to the rule field (never sent anywhere). */
  const EXAMPLE = Object.freeze({
    rows: 4,
    cols: 4,
    digits: '5082741936052847',
    positions: Object.freeze([3, 6, 16, 9]),
  });

  /** An API call that did not succeed: an RFC 9457 problem, or status 0 for no connection. */
  class ApiError extends Error {
    constructor(problem, retryAfter) {
      super(problem.detail);
      this.name = 'ApiError';
      this.status = problem.status;
      this.slug = problem.slug;
      this.detail = problem.detail;
      this.fields = problem.fields;
      this.retryAfter = retryAfter;
    }
  }

  /**
   * The registration token from the fragment, or why there is none: 'missing' (the link was cut
   * short) or 'malformed' (something was added to or taken from it, often by a mail program).
   */
  function readToken(hash) {
    let text = String(hash || '').replace(/^#/, '').trim();
    try {
      text = decodeURIComponent(text);
    } catch (e) {
      // Keep the raw text: the shape test below refuses it.
    }
    if (text === '') {
      return { token: null, problem: 'missing' };
    }
    if (!TOKEN_SHAPE.test(text)) {
      return { token: null, problem: 'malformed' };
    }
    return { token: text, problem: null };
  }

  function isWhole(value, min, max) {
    return Number.isInteger(value) && value >= min && value <= max;
  }

  /** The GET answer, checked and normalised; throws when the page could not work with it. */
  function readRegistration(body) {
    const table = body && body.table;
    if (!table || !isWhole(table.rows, 1, 100) || !isWhole(table.cols, 1, 100)
        || table.rows * table.cols > 1000 || !isWhole(table.minLength, 1, 1000)
        || !isWhole(table.maxCellUses, 1, 1000)) {
      throw new Error('The bank sent a pattern table this page cannot show.');
    }
    const phone = body.phone && typeof body.phone === 'object' ? body.phone : {};
    return {
      table: {
        name: typeof table.name === 'string' ? table.name : '',
        rows: table.rows,
        cols: table.cols,
        cells: table.rows * table.cols,
        minLength: table.minLength,
        maxCellUses: table.maxCellUses,
        rejectAdjacent: table.rejectAdjacent === true,
      },
      systemName: typeof body.systemName === 'string' && body.systemName !== ''
        ? body.systemName
        : null,
      expiresAt: typeof body.expiresAt === 'string' ? body.expiresAt : null,
      state: body.state === 'PROVISIONAL' ? 'PROVISIONAL' : 'OPEN',
      phone: {
        confirmed: phone.confirmed === true,
        maskedMsisdn: typeof phone.maskedMsisdn === 'string' ? phone.maskedMsisdn : '',
      },
    };
  }

  /** The table's registration rules in plain words, one sentence each. */
  function rulesText(table) {
    const rules = [
      `Your pattern needs at least ${table.minLength} places, and at most ${MAX_LENGTH}.`,
      table.maxCellUses === 1
        ? 'Each cell can be used only once.'
        : `You can use the same cell up to ${table.maxCellUses} times.`,
    ];
    if (table.rejectAdjacent) {
      rules.push('It must not be made only of neighbouring cells (each cell touching the one '
          + 'before it, side by side, above, below or diagonally): such patterns are easy to '
          + 'guess.');
    }
    rules.push('You can add dummies (*): at a dummy you type any digit, and it is ignored.');
    return rules;
  }

  /** Pattern lengths offered for narrowing: minLength to 16. */
  function lengthChoices(minLength) {
    const choices = [];
    for (let length = Math.min(minLength, MAX_LENGTH); length <= MAX_LENGTH; length++) {
      choices.push(length);
    }
    return choices;
  }

  /**
   * Typed positions, e.g. "3, 6, *, 16": cell numbers and dummies separated by commas or spaces
   * (lenient, so a trailing comma while typing is no error). Returns { items, error }; items is
   * null when the text cannot be read.
   */
  function parsePositions(text, cellCount) {
    const tokens = String(text).split(/[\s,;]+/).filter((token) => token !== '');
    const items = [];
    for (const token of tokens) {
      if (token === DUMMY) {
        items.push(DUMMY);
      } else if (/^[Ff]$/.test(token)) {
        return {
          items: null,
          error: 'For a fixed password, choose \u201cFixed password\u201d above.',
        };
      } else if (/^\d{1,6}$/.test(token)) {
        const cell = Number(token);
        if (cell < 1 || cell > cellCount) {
          return {
            items: null,
            error: `There is no cell ${cell}: the cells are numbered 1 to ${cellCount}.`,
          };
        }
        items.push(cell);
      } else {
        return {
          items: null,
          error: `\u201c${token.slice(0, 12)}\u201d is not a cell number. Use numbers from 1 to `
              + `${cellCount}, or * for a dummy, separated by commas.`,
        };
      }
    }
    return { items, error: null };
  }

  /** The positions as the API takes them: "3,6,16,9". */
  function positionsText(items) {
    return items.join(',');
  }

  /** For each cell in the pattern, the places (1-based) where it is used. */
  function usesByCell(items) {
    const uses = new Map();
    items.forEach((item, index) => {
      if (item !== DUMMY) {
        const places = uses.get(item) || [];
        places.push(index + 1);
        uses.set(item, places);
      }
    });
    return uses;
  }

  /** What in a pattern breaks a rule the page can check while the customer picks, or null. */
  function sequenceProblem(items, table) {
    if (items.length > MAX_LENGTH) {
      return `That is ${items.length} places; a pattern can have at most ${MAX_LENGTH}.`;
    }
    for (const [cell, places] of usesByCell(items)) {
      if (places.length > table.maxCellUses) {
        return `Cell ${cell} is used ${places.length} times; each cell may be used at most `
            + `${timesText(table.maxCellUses)}.`;
      }
    }
    return null;
  }

  /** The pattern with one more cell or dummy, or the reason it cannot take it. */
  function addItem(items, item, table) {
    if (items.length >= MAX_LENGTH) {
      return {
        items,
        refusal: `Your pattern already has ${MAX_LENGTH} places, the most there can be.`,
      };
    }
    if (item !== DUMMY) {
      const used = (usesByCell(items).get(item) || []).length;
      if (used >= table.maxCellUses) {
        return {
          items,
          refusal: `Cell ${item} is already used ${timesText(used)}, the most allowed.`,
        };
      }
    }
    return { items: [...items, item], refusal: null };
  }

  function timesText(count) {
    return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
  }

  function placesText(count) {
    return count === 1 ? '1 place' : `${count} places`;
  }

  function row(cell, cols) {
    return Math.floor((cell - 1) / cols);
  }

  function column(cell, cols) {
    return (cell - 1) % cols;
  }

  /**
   * Whether every consecutive pair of cells touches (side by side, vertically or diagonally),
   * dummies skipped. Only a hint: the server applies the table's rule and has the last word.
   */
  function isAllNeighbours(items, cols) {
    const cells = items.filter((item) => item !== DUMMY);
    if (cells.length < 2) {
      return false;
    }
    for (let i = 1; i < cells.length; i++) {
      const rows = Math.abs(row(cells[i], cols) - row(cells[i - 1], cols));
      const columns = Math.abs(column(cells[i], cols) - column(cells[i - 1], cols));
      if (rows > 1 || columns > 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * A conversion rule, SPEC 3.1: OP (',' OP)*, OP = ('+'|'-'|'*'|'/') INTEGER. Spaces are
   * dropped and the typographic signs − × ÷ read as - * /, since phones offer them. Returns
   * { rule, ops, error }; rule is the compact text to send ('' for none).
   */
  function parseRule(text) {
    const compact = String(text || '')
      .replace(/\s+/g, '')
      .replace(/[\u2212\u2013]/g, '-')
      .replace(/\u00d7/g, '*')
      .replace(/\u00f7/g, '/');
    if (compact === '') {
      return { rule: '', ops: [], error: null };
    }
    if (!/^[+\-*/]\d{1,6}(,[+\-*/]\d{1,6})*$/.test(compact)) {
      return {
        rule: compact,
        ops: null,
        error: 'Write a sign (+ - * /) and a whole number for each operation, separated by '
            + 'commas, for example +2 or +1,-2,*3,/2.',
      };
    }
    const ops = compact.split(',').map((part) => ({ op: part[0], value: Number(part.slice(1)) }));
    if (ops.some((op) => op.op === '/' && op.value === 0)) {
      return {
        rule: compact,
        ops: null,
        error: 'Dividing by 0 is not possible: use another number after /.',
      };
    }
    return { rule: compact, ops, error: null };
  }

  /** The operation that applies at a place: one for all, or one per place. */
  function opAt(ops, index) {
    return ops.length === 1 ? ops[0] : ops[index];
  }

  /** Whether a valid rule fits a pattern of these items in this mode; the problem or null. */
  function ruleProblem(ops, items, mode) {
    if (ops.length > 1 && ops.length !== items.length) {
      return `Your rule has ${ops.length} operations but your pattern has `
          + `${placesText(items.length)}. Use one operation for all places, or exactly one `
          + 'per place.';
    }
    if (mode === 'VARIABLE') {
      const subtracts = items.some((item, index) => {
        const op = opAt(ops, index);
        return item !== DUMMY && op.op === '-' && op.value > 0;
      });
      if (subtracts) {
        return 'When you type each result in full, a subtraction could give a number below 0, '
            + 'which is not allowed. Type the last digit instead, or use another operation.';
      }
    }
    return null;
  }

  function applyOp(op, digit) {
    switch (op.op) {
      case '+': return digit + op.value;
      case '-': return digit - op.value;
      case '*': return digit * op.value;
      default: return Math.floor(digit / op.value);
    }
  }

  /**
   * What a pattern and rule give on a grid (row-major digit string), as SPEC 3.1 defines it.
   * Used only to explain rules on the worked example; the page never derives a real password.
   */
  function derive(digits, items, ops, mode) {
    const read = [];
    const results = [];
    let password = '';
    items.forEach((item, index) => {
      if (item === DUMMY) {
        read.push(null);
        results.push(null);
        password += '?';
        return;
      }
      const digit = Number(digits[item - 1]);
      const result = ops.length === 0 ? digit : applyOp(opAt(ops, index), digit);
      read.push(digit);
      results.push(result);
      password += mode === 'VARIABLE' ? String(result) : String(((result % 10) + 10) % 10);
    });
    return { read, results, password };
  }

  /** Problems with a fixed password and its repetition, keyed by field id. */
  function fixedPasswordProblems(password, repeat, minLength) {
    const problems = {};
    const min = Math.min(minLength, MAX_LENGTH);
    if (password === '') {
      problems['fixed-password'] = 'Choose a password.';
    } else if (!/^\d+$/.test(password)) {
      problems['fixed-password'] = 'Use digits only.';
    } else if (password.length < min || password.length > MAX_LENGTH) {
      problems['fixed-password'] =
          `Use ${min} to ${MAX_LENGTH} digits; this has ${password.length}.`;
    } else if (repeat !== password) {
      problems['fixed-password-repeat'] = repeat === ''
        ? 'Type the password again.'
        : 'The two passwords are not the same.';
    }
    return problems;
  }

  /** Digits typed for a narrowing grid: exactly one per place of the pattern. */
  function narrowDigitsProblem(digits, length) {
    if (!/^\d*$/.test(digits)) {
      return 'Type digits only.';
    }
    if (digits.length !== length) {
      return `Type ${length} digits, one for each cell of your pattern; `
          + `you typed ${digits.length}.`;
    }
    return null;
  }

  /**
   * A grid from the server, as { rows, cols, cells, expiresAt }: cells is row-major, one entry
   * per cell, a digit character or null (null only when allowBlank, for narrowing).
   */
  function readGrid(body, allowBlank) {
    const rows = body && body.rows;
    const cols = body && body.cols;
    if (!isWhole(rows, 1, 100) || !isWhole(cols, 1, 100) || rows * cols > 1000) {
      throw new Error('The bank sent a grid this page cannot show.');
    }
    const raw = allowBlank ? body.digits : String(body.digits || '');
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split('') : null;
    if (!list || list.length !== rows * cols) {
      throw new Error('The bank sent a grid with the wrong number of cells.');
    }
    const cells = list.map((value) => {
      if (value === null && allowBlank) {
        return null;
      }
      const text = String(value);
      if (!/^\d$/.test(text)) {
        throw new Error('The bank sent a grid with something other than digits in it.');
      }
      return text;
    });
    const expiresAt = typeof body.expiresAt === 'string' ? body.expiresAt : null;
    return { rows, cols, cells, expiresAt };
  }

  /** The items of a pattern the server sent (a candidate, or the end of narrowing). */
  function readServerPositions(positions, cellCount) {
    const parsed = typeof positions === 'string'
      ? parsePositions(positions, cellCount)
      : { items: null };
    if (!parsed.items || parsed.items.length === 0) {
      throw new Error('The bank sent a pattern this page cannot show.');
    }
    return parsed.items;
  }

  /**
   * A displayable summary of a failed response: an RFC 9457 problem when the body is one,
   * otherwise the HTTP status. `fields` is a list of [name, message] pairs. The problem's title
   * is an HTTP reason phrase, so the page uses its own headings and shows only `detail`.
   */
  function summarizeProblem(status, body) {
    const problem = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    const type = typeof problem.type === 'string' ? problem.type : '';
    const prefix = 'urn:portcullis:problem:';
    return {
      status,
      slug: type.startsWith(prefix) ? type.slice(prefix.length) : '',
      detail: typeof problem.detail === 'string' && problem.detail !== ''
        ? problem.detail
        : defaultDetail(status),
      fields: problemFields(problem.fields),
    };
  }

  function problemFields(fields) {
    const out = [];
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
      for (const [name, message] of Object.entries(fields)) {
        out.push([name, Array.isArray(message) ? message.join('; ') : String(message)]);
      }
    }
    return out;
  }

  function defaultDetail(status) {
    switch (status) {
      case 0: return 'We could not reach the bank. Check your internet connection and try again.';
      case 400: return 'Something you sent was not accepted. Check it and try again.';
      case 404: return 'We do not recognise this registration link.';
      case 409: return 'This cannot be done right now.';
      case 410: return 'This registration link has been used or has expired.';
      case 429: return 'There have been too many attempts.';
      default: return 'Something went wrong at the bank\u2019s end. Please try again in a moment.';
    }
  }

  /** The problem for a request that never got an answer. */
  function networkProblem() {
    return { status: 0, slug: 'network', detail: defaultDetail(0), fields: [] };
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

  /** "45 seconds", "3 minutes", "2 hours": how long to wait, rounded up. */
  function formatWait(seconds) {
    const s = Math.max(1, Math.ceil(seconds));
    if (s < 60) {
      return s === 1 ? '1 second' : `${s} seconds`;
    }
    const minutes = Math.ceil(s / 60);
    if (minutes < 60) {
      return minutes === 1 ? '1 minute' : `${minutes} minutes`;
    }
    const hours = Math.ceil(minutes / 60);
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }

  /** "m:ss" for a remaining duration in milliseconds, rounded up, never negative. */
  function formatRemaining(milliseconds) {
    const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  /**
   * When something expires, in this browser's clock. The server's `Date` header, when readable,
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

  return {
    DUMMY,
    MAX_LENGTH,
    CODE_LENGTH,
    EXAMPLE,
    ApiError,
    readToken,
    readRegistration,
    rulesText,
    lengthChoices,
    parsePositions,
    positionsText,
    usesByCell,
    sequenceProblem,
    addItem,
    placesText,
    isAllNeighbours,
    parseRule,
    ruleProblem,
    derive,
    fixedPasswordProblems,
    narrowDigitsProblem,
    readGrid,
    readServerPositions,
    summarizeProblem,
    networkProblem,
    retryAfterSeconds,
    formatWait,
    formatRemaining,
    localDeadline,
  };
})();

/* ---- the page --------------------------------------------------------------------------- */

function startPatternRegistration(doc, win) {
  const H = PatternRegistration;
  const $ = (id) => doc.getElementById(id);

  const apiBase = new URL('../api/v1/pattern/registrations/', doc.baseURI);
  const reducedMotion = Boolean(win.matchMedia)
      && win.matchMedia('(prefers-reduced-motion: reduce)').matches;

  /** Which card each step shows, and the page title that goes with it. */
  const STEPS = {
    loading: { card: 'loading', title: 'Set up your pattern' },
    fatal: { card: 'fatal', title: 'Set up your pattern' },
    phone: { card: 'phone-card', focus: 'phone-title', title: 'Step 1 of 3: confirm your mobile number' },
    pattern: { card: 'pattern-card', focus: 'pattern-title', title: 'Step 2 of 3: choose your pattern' },
    confirm: { card: 'confirm-card', focus: 'confirm-title', title: 'Step 3 of 3: confirm your pattern' },
    done: { card: 'done', title: 'Pattern registered', focus: 'done' },
  };
  const METHODS = ['pick', 'find', 'fixed'];
  /** Server field names (problem `fields`) and the inputs that show their messages. */
  const FIELD_INPUTS = { rule: 'rule', mode: 'mode', fixedPassword: 'fixed-password' };
  const PATTERN_FIELDS = ['positions', 'rule', 'mode', 'fixed-password', 'fixed-password-repeat'];
  /** A fresh SMS code may be asked for this long after the last one: saves texts and tempers. */
  const RESEND_WAIT_MS = 30000;
  /** Shown when the page opens on a provisional registration (a reload, or a second visit). */
  const RESUME_NOTICE = 'You have already chosen a pattern. Confirm it on this grid, or choose '
      + '\u201cChange my pattern\u201d to choose again.';

  /* All the page's state. Nothing here is ever written to storage or the URL. */
  let token = null;
  let registration = null;
  let step = 'loading';
  let afterPhone = 'pattern';
  let method = 'pick';
  let busy = false;
  /** Per endpoint: when a 429 said to come back (ms since epoch). */
  const throttled = new Map();
  const pick = { items: [], textError: null, refusal: null, focusCell: 1 };
  const candidates = { n: 0, byN: new Map() };
  const narrow = { length: null, round: 0, found: null };
  /** Whether the provisional registration is a fixed password; null when not known (reload). */
  let submittedFixed = null;
  let deadline = null;
  let timerHandle = null;
  let resendAt = 0;
  let resendHandle = null;

  wireEvents();
  start();

  /* ---- start-up --------------------------------------------------------------------------- */

  function wireEvents() {
    // The skip link would replace the fragment, and with it the token: move focus instead.
    $('skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      $('main').focus();
      $('main').scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    });
    win.addEventListener('hashchange', () => {
      const link = H.readToken(win.location.hash);
      if (link.token && link.token !== token) {
        win.location.reload();
      }
    });
    $('retry').addEventListener('click', start);

    $('phone-send').addEventListener('click', () => sendCode($('phone-send')));
    $('phone-resend').addEventListener('click', () => sendCode($('phone-resend')));
    $('phone-form').addEventListener('submit', (event) => {
      event.preventDefault();
      confirmCode();
    });
    $('phone-code').addEventListener('input', () => setFieldError('phone-code', null));

    for (const name of METHODS) {
      const tab = $(`method-${name}`);
      tab.addEventListener('click', () => selectMethod(name, true));
      tab.addEventListener('keydown', onTabKey);
    }
    $('wide-table-find').addEventListener('click', () => selectMethod('find', true));

    $('table').addEventListener('click', onTableClick);
    $('table').addEventListener('keydown', onTableKey);
    $('add-dummy').addEventListener('click', () => addToPattern(H.DUMMY));
    $('undo').addEventListener('click', undoLast);
    $('clear-pattern').addEventListener('click', clearPattern);
    $('positions').addEventListener('input', onPositionsTyped);
    $('positions').addEventListener('change', tidyPositions);
    $('suggest').addEventListener('click', () => showCandidate(1));
    $('candidate-prev').addEventListener('click', () => showCandidate(candidates.n - 1));
    $('candidate-next').addEventListener('click', () => showCandidate(candidates.n + 1));
    $('candidate-use').addEventListener('click', useCandidate);

    $('find-start').addEventListener('submit', (event) => {
      event.preventDefault();
      startNarrowing();
    });
    $('narrow-form').addEventListener('submit', (event) => {
      event.preventDefault();
      answerNarrowing();
    });
    $('narrow-digits').addEventListener('input', () => setFieldError('narrow-digits', null));
    $('narrow-show').addEventListener('change', () => {
      $('narrow-digits').type = $('narrow-show').checked ? 'text' : 'password';
    });
    $('narrow-restart').addEventListener('click', () => showNarrowingStart(true));
    $('narrow-again').addEventListener('click', () => showNarrowingStart(true));
    $('narrow-edit').addEventListener('click', editFoundPattern);

    $('rule').addEventListener('input', () => {
      setFieldError('rule', null);
      renderRulePreview();
    });
    $('rule').addEventListener('change', showRuleProblem);
    for (const radio of [$('mode-fixed'), $('mode-variable')]) {
      radio.addEventListener('change', () => {
        setFieldError('mode', null);
        renderRulePreview();
      });
    }
    $('fixed-password').addEventListener('input', () => setFieldError('fixed-password', null));
    $('fixed-password-repeat').addEventListener('input',
        () => setFieldError('fixed-password-repeat', null));
    // The pattern step has no <form> (the narrowing form sits inside it), so Enter submits here.
    for (const id of ['positions', 'rule', 'fixed-password', 'fixed-password-repeat']) {
      $(id).addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.isComposing) {
          event.preventDefault();
          submitPattern();
        }
      });
    }
    $('pattern-submit').addEventListener('click', submitPattern);

    $('confirm-form').addEventListener('submit', (event) => {
      event.preventDefault();
      submitConfirmation();
    });
    $('confirm-password').addEventListener('input', () => setFieldError('confirm-password', null));
    $('confirm-show').addEventListener('change', () => {
      $('confirm-password').type = $('confirm-show').checked ? 'text' : 'password';
    });
    $('change-pattern').addEventListener('click', () => backToPattern(null));
  }

  async function start() {
    const link = H.readToken(win.location.hash);
    if (!link.token) {
      showFatal(link.problem === 'missing'
        ? {
          title: 'This link is incomplete',
          text: 'The link you opened is missing its last part. Open it again from the bank\u2019s '
              + 'message, making sure you use the whole link, or ask the bank for a new link.',
        }
        : {
          title: 'This link looks damaged',
          text: 'Part of the link is not as the bank sent it; some mail programs change links. '
              + 'Open it again from the bank\u2019s message, or ask the bank for a new link.',
        });
      return;
    }
    token = link.token;
    showStep('loading', { focus: false });
    try {
      const { body } = await api('GET', '');
      registration = H.readRegistration(body);
    } catch (error) {
      failStart(error);
      return;
    }
    setUpPage();
    if (!registration.phone.confirmed) {
      // The phone comes first: the final confirmation needs it (SPEC 3.1.4).
      afterPhone = registration.state === 'PROVISIONAL' ? 'confirm' : 'pattern';
      openPhoneStep(null, { scroll: false });
    } else if (registration.state === 'PROVISIONAL') {
      await loadFreshGrid(RESUME_NOTICE, { scroll: false });
    } else {
      showStep('pattern', { scroll: false });
    }
  }

  function failStart(error) {
    if (error instanceof H.ApiError && (error.status === 404 || error.status === 410)) {
      handleLinkProblem(error);
      return;
    }
    const network = error instanceof H.ApiError && error.status === 0;
    showFatal({
      title: network ? 'We could not reach the bank' : 'We could not open your registration',
      text: network
        ? 'Check your internet connection and try again.'
        : 'Please try again in a moment. If it keeps happening, contact the bank.',
      detail: network ? null : error.message,
      retry: true,
    });
  }

  /** Everything that depends on the registration and is drawn once. */
  function setUpPage() {
    const table = registration.table;
    renderInfo();
    const rules = $('rules-list');
    rules.replaceChildren(...H.rulesText(table).map((text) => element('li', null, text)));
    buildTable();
    fillPreview($('example-grid'), H.EXAMPLE.rows, H.EXAMPLE.cols, H.EXAMPLE.positions,
        (cell) => H.EXAMPLE.digits[cell - 1]);
    const lengths = $('narrow-length');
    lengths.replaceChildren(...H.lengthChoices(table.minLength).map((length) => {
      const option = element('option', null, H.placesText(length));
      option.value = String(length);
      return option;
    }));
    const min = Math.min(table.minLength, H.MAX_LENGTH);
    $('fixed-password-hint').textContent = `${min} to ${H.MAX_LENGTH} digits. Avoid dates and `
        + 'easy runs such as 123456.';
    watchTableWidth();
    selectMethod('pick', false);
    renderPick();
  }

  function renderInfo() {
    const table = registration.table;
    const size = `${table.rows} \u00d7 ${table.cols}`;
    $('info-table').textContent = table.name ? `${table.name} (${size})` : size;
    $('info-system').textContent = registration.systemName || 'All the bank\u2019s services';
    $('info-phone').textContent = (registration.phone.maskedMsisdn || 'Your mobile')
        + (registration.phone.confirmed ? ' (confirmed)' : ' (not confirmed yet)');
    $('info-expires').textContent = formatDateTime(registration.expiresAt);
  }

  /* ---- steps, focus, notices -------------------------------------------------------------- */

  /**
   * Shows one step's card. Focus moves to its heading so screen readers start reading there and
   * keyboard users carry on from the top of the new step.
   */
  function showStep(name, { focus = true, scroll = true } = {}) {
    step = name;
    for (const [key, view] of Object.entries(STEPS)) {
      $(view.card).hidden = key !== name;
    }
    $('info').hidden = !registration || name === 'fatal';
    $('steps').hidden = name === 'fatal';
    if (name !== 'confirm') {
      stopTimer();
    }
    renderSteps();
    doc.title = `${STEPS[name].title} \u00b7 Portcullis`;
    if (focus && STEPS[name].focus) {
      moveFocus($(STEPS[name].focus), scroll ? $('steps') : null);
    }
  }

  /** 'current', 'done' or '' for one of the stepper's steps. */
  function stepState(name) {
    if (name === step) {
      return 'current';
    }
    if (step === 'done') {
      return 'done';
    }
    if (name === 'phone') {
      return registration && registration.phone.confirmed ? 'done' : '';
    }
    return name === 'pattern' && step === 'confirm' ? 'done' : '';
  }

  function renderSteps() {
    for (const name of ['phone', 'pattern', 'confirm']) {
      const state = stepState(name);
      const item = $(`step-${name}`);
      item.classList.toggle('step--current', state === 'current');
      item.classList.toggle('step--done', state === 'done');
      if (state === 'current') {
        item.setAttribute('aria-current', 'step');
      } else {
        item.removeAttribute('aria-current');
      }
      $(`step-${name}-state`).textContent = state === 'current' ? ' (current step)'
        : state === 'done' ? ' (done)' : '';
    }
  }

  function showFatal({ title, text, detail = null, retry = false }) {
    $('fatal-title').textContent = title;
    $('fatal-text').textContent = text;
    $('fatal-detail').textContent = detail || '';
    $('fatal-detail').hidden = !detail;
    $('retry').hidden = !retry;
    showStep('fatal');
  }

  /** Focuses an element without the browser's jump, then scrolls `into` (or it) into view. */
  function moveFocus(target, into) {
    target.focus({ preventScroll: true });
    (into || target).scrollIntoView({
      block: into ? 'start' : 'nearest',
      behavior: scrollBehavior(),
    });
  }

  function scrollBehavior() {
    return reducedMotion ? 'auto' : 'smooth';
  }

  /** Says something to screen readers; cleared first so the same words are read again. */
  function announce(text) {
    const announcer = $('announcer');
    announcer.textContent = '';
    win.setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  }

  /** A problem notice in one of the areas phone, pick, find, pattern, confirm. */
  function showProblem(area, title, detail, fields = []) {
    $(`${area}-error-title`).textContent = title;
    $(`${area}-error-detail`).textContent = detail;
    const list = $(`${area}-error-fields`);
    list.replaceChildren(...fields.map(([, message]) => element('li', null, message)));
    list.hidden = fields.length === 0;
    $(`${area}-error`).hidden = false;
    $(`${area}-error`).scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }

  function hideProblem(area) {
    $(`${area}-error`).hidden = true;
  }

  /** The yellow notice at the top of the pattern or confirm step; null hides it. */
  function setNotice(area, text) {
    $(`${area}-notice-text`).textContent = text || '';
    $(`${area}-notice`).hidden = !text;
  }

  /** A message under an input (or the mode fieldset), tied to it with aria-invalid. */
  function setFieldError(id, message) {
    const error = $(`${id}-error`);
    error.textContent = message || '';
    error.hidden = !message;
    const inputs = id === 'mode' ? [$('mode-fixed'), $('mode-variable')] : [$(id)];
    for (const input of inputs) {
      if (message) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    }
  }

  /**
   * Shows a failed call. Problems that mean the same everywhere (unknown, used or expired link,
   * phone not confirmed) change the step; the rest go to the given area under `title`.
   */
  function reportFailure(area, title, error) {
    if (!(error instanceof H.ApiError)) {
      showProblem(area, title, `${error.message} Please try again; if it keeps happening, `
          + 'contact the bank.');
      return;
    }
    if (handleLinkProblem(error)) {
      return;
    }
    if (error.status === 0) {
      showProblem(area, 'No connection', error.detail);
    } else if (error.status === 429) {
      showProblem(area, 'Please wait', waitText(error));
    } else {
      showProblem(area, title, error.detail, error.fields);
    }
  }

  function waitText(error) {
    return error.retryAfter
      ? `${error.detail} Please wait ${H.formatWait(error.retryAfter)} and try again.`
      : `${error.detail} Please wait a little and try again.`;
  }

  /** 404, 410 and 409 phone-unconfirmed; true when handled. */
  function handleLinkProblem(error) {
    if (error.status === 404) {
      showFatal({
        title: 'We do not recognise this link',
        text: 'Check that you opened the whole link from the bank\u2019s message. If you did, '
            + 'ask the bank for a new link.',
        detail: error.detail,
      });
      return true;
    }
    if (error.status === 410) {
      showFatal({
        title: 'This link can no longer be used',
        text: 'It has already been used or it has expired. Please ask the bank for a new link.',
        detail: error.detail,
      });
      return true;
    }
    if (error.status === 409 && error.slug === 'phone-unconfirmed') {
      goToPhone(step === 'confirm' ? 'confirm' : 'pattern', error.detail);
      return true;
    }
    return false;
  }

  /**
   * Runs one API action at a time. The button says what is happening; it is marked
   * aria-disabled rather than disabled, because a disabled button drops keyboard focus.
   */
  async function withBusy(button, label, action) {
    if (busy) {
      return;
    }
    busy = true;
    const text = button.textContent;
    button.textContent = label;
    button.setAttribute('aria-disabled', 'true');
    const card = button.closest('section');
    card.setAttribute('aria-busy', 'true');
    try {
      await action();
    } finally {
      busy = false;
      button.textContent = text;
      button.removeAttribute('aria-disabled');
      card.removeAttribute('aria-busy');
    }
  }

  /* ---- the API ---------------------------------------------------------------------------- */

  /**
   * One call to …/registrations/{token}{suffix}. Resolves to { body, date } on 2xx; rejects with
   * an ApiError carrying the problem's slug, detail and fields, or status 0 when there was no
   * answer. After a 429 the same endpoint is not called again before Retry-After has passed.
   */
  async function api(method, suffix, payload) {
    const key = `${method} ${suffix.replace(/\/\d+$/, '/n')}`;
    const waitMs = (throttled.get(key) || 0) - Date.now();
    if (waitMs > 0) {
      // Still inside a Retry-After: answer as the server would, without asking it again.
      throw new H.ApiError(H.summarizeProblem(429, null), Math.ceil(waitMs / 1000));
    }
    const headers = { Accept: 'application/json, application/problem+json' };
    const init = { method, headers, cache: 'no-store', credentials: 'omit', redirect: 'error' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    let response;
    try {
      response = await win.fetch(new URL(encodeURIComponent(token) + suffix, apiBase), init);
    } catch (e) {
      // Only the request itself fails here: fetch's TypeError means no answer came back.
      throw new H.ApiError(H.networkProblem(), null);
    }
    const body = await readBody(response);
    if (response.ok) {
      return { body: body || {}, date: response.headers.get('Date') };
    }
    let retryAfter = null;
    if (response.status === 429) {
      retryAfter = H.retryAfterSeconds(response.headers.get('Retry-After'), Date.now());
      if (retryAfter) {
        throttled.set(key, Date.now() + retryAfter * 1000);
      }
    }
    throw new H.ApiError(H.summarizeProblem(response.status, body), retryAfter);
  }

  async function readBody(response) {
    let text = '';
    try {
      text = await response.text();
    } catch (e) {
      return null;
    }
    if (text === '') {
      return null;
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  /* ---- step 1: phone ---------------------------------------------------------------------- */

  function openPhoneStep(message, options) {
    $('phone-number').textContent = registration.phone.maskedMsisdn || 'your mobile';
    if (message) {
      showProblem('phone', 'Please confirm your mobile number first', message);
    } else {
      hideProblem('phone');
    }
    showStep('phone', options);
  }

  /** The server needs the phone confirmed first (409); come back to `returnTo` afterwards. */
  function goToPhone(returnTo, message) {
    afterPhone = returnTo;
    registration.phone.confirmed = false;
    renderInfo();
    openPhoneStep(message);
  }

  async function sendCode(button) {
    if (button.getAttribute('aria-disabled') === 'true' || Date.now() < resendAt) {
      return;
    }
    hideProblem('phone');
    setFieldError('phone-code', null);
    await withBusy(button, 'Sending\u2026', async () => {
      try {
        const { body } = await api('POST', '/phone-code');
        codeSent(body);
      } catch (error) {
        reportFailure('phone', 'We could not send a code', error);
      }
    });
    renderResendButton();
  }

  function codeSent(body) {
    const sentTo = typeof body.sentTo === 'string' && body.sentTo ? body.sentTo
      : registration.phone.maskedMsisdn;
    const until = formatTime(body.expiresAt);
    $('phone-sent').textContent = `We sent a code to ${sentTo}.`
        + (until ? ` It works until ${until}.` : '');
    $('phone-send-row').hidden = true;
    $('phone-form').hidden = false;
    $('phone-code').value = '';
    startResendWait();
    $('phone-code').focus();
  }

  function startResendWait() {
    resendAt = Date.now() + RESEND_WAIT_MS;
    if (resendHandle === null) {
      resendHandle = win.setInterval(renderResendButton, 1000);
    }
    renderResendButton();
  }

  function renderResendButton() {
    const button = $('phone-resend');
    const left = resendAt - Date.now();
    if (left > 0) {
      button.textContent = `Send a new code (${H.formatRemaining(left)})`;
      button.setAttribute('aria-disabled', 'true');
    } else {
      button.textContent = 'Send a new code';
      if (!busy) {
        button.removeAttribute('aria-disabled');
      }
      if (resendHandle !== null) {
        win.clearInterval(resendHandle);
        resendHandle = null;
      }
    }
  }

  async function confirmCode() {
    const input = $('phone-code');
    const code = input.value.replace(/\s+/g, '');
    if (!new RegExp(`^\\d{${H.CODE_LENGTH}}$`).test(code)) {
      setFieldError('phone-code', `Type the ${H.CODE_LENGTH} digits from the text message.`);
      input.focus();
      return;
    }
    hideProblem('phone');
    await withBusy($('phone-confirm'), 'Checking\u2026', async () => {
      try {
        const { body } = await api('POST', '/phone-confirmation', { code });
        if (body.confirmed !== true) {
          throw new Error('The bank did not confirm your number.');
        }
        input.value = '';
        await phoneConfirmed();
      } catch (error) {
        codeRefused(error);
      }
    });
  }

  function codeRefused(error) {
    const input = $('phone-code');
    if (error instanceof H.ApiError && error.status === 400) {
      const fieldMessage = error.fields.find(([name]) => name === 'code');
      let message = fieldMessage ? fieldMessage[1] : error.detail;
      if (error.slug === 'code-expired') {
        message += ' Choose \u201cSend a new code\u201d.';
      }
      setFieldError('phone-code', message);
      input.select();
      input.focus();
      return;
    }
    reportFailure('phone', 'We could not check the code', error);
  }

  async function phoneConfirmed() {
    registration.phone.confirmed = true;
    renderInfo();
    announce('Your mobile number is confirmed.');
    if (afterPhone === 'confirm') {
      await loadFreshGrid(submittedFixed === null ? RESUME_NOTICE : null);
    } else {
      showStep('pattern');
    }
  }

  /* ---- step 2: choosing the method ---------------------------------------------------------- */

  function selectMethod(name, focus) {
    method = name;
    for (const each of METHODS) {
      const tab = $(`method-${each}`);
      const selected = each === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(`panel-${each}`).hidden = !selected;
    }
    hideProblem('pattern');
    renderPatternActions();
    if (focus) {
      $(`method-${name}`).focus();
    }
  }

  /** Tabs follow the ARIA tabs pattern: arrows, Home and End move and select. */
  function onTabKey(event) {
    const index = METHODS.indexOf(method);
    const moves = {
      ArrowRight: (index + 1) % METHODS.length,
      ArrowLeft: (index + METHODS.length - 1) % METHODS.length,
      Home: 0,
      End: METHODS.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      selectMethod(METHODS[moves[event.key]], true);
    }
  }

  /** The rule applies to pick and to a found pattern; Continue needs a pattern to send. */
  function renderPatternActions() {
    const waitingForFind = method === 'find' && !narrow.found;
    $('rule-section').hidden = method === 'fixed' || waitingForFind;
    $('pattern-submit').disabled = waitingForFind;
    $('pattern-submit-hint').textContent = waitingForFind
      ? 'Answer the grids above first: then you can continue with the pattern we found.' : '';
  }

  /* ---- step 2: picking cells ---------------------------------------------------------------- */

  function buildTable() {
    const { rows, cols, cells } = registration.table;
    const grid = $('table');
    grid.style.setProperty('--grid-cols', String(cols));
    grid.setAttribute('aria-label',
        `Pattern table: ${rows} rows of ${cols} cells, numbered 1 to ${cells}`);
    const buttons = [];
    for (let cell = 1; cell <= cells; cell++) {
      const button = element('button', 'cell');
      button.type = 'button';
      button.id = `cell-${cell}`;
      button.dataset.cell = String(cell);
      button.tabIndex = cell === 1 ? 0 : -1;
      button.append(element('span', 'cell-number', String(cell)), element('span', 'cell-order'));
      button.lastChild.setAttribute('aria-hidden', 'true');
      buttons.push(button);
    }
    grid.replaceChildren(...buttons);
    pick.focusCell = 1;
  }

  function onTableClick(event) {
    const button = event.target.closest('.cell');
    if (button) {
      setFocusCell(Number(button.dataset.cell), false);
      addToPattern(Number(button.dataset.cell));
    }
  }

  /**
   * The table is one tab stop (roving tabindex): arrows move between cells, Enter or Space
   * press the cell (a native button), Backspace takes back the last one, * adds a dummy.
   */
  function onTableKey(event) {
    const button = event.target.closest('.cell');
    if (!button) {
      return;
    }
    const { cols, cells } = registration.table;
    const cell = Number(button.dataset.cell);
    const rowStart = cell - ((cell - 1) % cols);
    const moves = {
      ArrowRight: Math.min(cell + 1, cells),
      ArrowLeft: Math.max(cell - 1, 1),
      ArrowDown: cell + cols <= cells ? cell + cols : cell,
      ArrowUp: cell - cols >= 1 ? cell - cols : cell,
      Home: event.ctrlKey ? 1 : rowStart,
      End: event.ctrlKey ? cells : Math.min(rowStart + cols - 1, cells),
    };
    if (event.key in moves) {
      event.preventDefault();
      setFocusCell(moves[event.key], true);
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      undoLast();
    } else if (event.key === '*') {
      event.preventDefault();
      addToPattern(H.DUMMY);
    }
  }

  function setFocusCell(cell, focus) {
    const previous = $(`cell-${pick.focusCell}`);
    if (previous) {
      previous.tabIndex = -1;
    }
    pick.focusCell = cell;
    const next = $(`cell-${cell}`);
    next.tabIndex = 0;
    if (focus) {
      next.focus();
    }
  }

  function addToPattern(item) {
    const { items, refusal } = H.addItem(pick.items, item, registration.table);
    if (refusal) {
      pick.refusal = refusal;
      renderPick();
      announce(refusal);
      return;
    }
    pick.items = items;
    pick.refusal = null;
    renderPick();
    const place = items.length;
    announce(item === H.DUMMY
      ? `Dummy added at place ${place}.`
      : `Cell ${item} added at place ${place}.`);
  }

  function undoLast() {
    if (pick.items.length === 0) {
      return;
    }
    const removed = pick.items[pick.items.length - 1];
    pick.items = pick.items.slice(0, -1);
    pick.refusal = null;
    renderPick();
    announce(removed === H.DUMMY ? 'Last dummy taken back.' : `Cell ${removed} taken back.`);
    keepFocus($('undo'));
  }

  function clearPattern() {
    pick.items = [];
    pick.refusal = null;
    renderPick();
    announce('Pattern cleared.');
    keepFocus($('clear-pattern'));
  }

  /** A button just disabled loses focus; hand it to the table instead of the page. */
  function keepFocus(button) {
    if (button.disabled && (doc.activeElement === button || doc.activeElement === doc.body)) {
      setFocusCell(pick.focusCell, true);
    }
  }

  function onPositionsTyped() {
    const parsed = H.parsePositions($('positions').value, registration.table.cells);
    if (parsed.error) {
      // Keep the cells as they were until the text reads again; the message says what is wrong.
      pick.textError = parsed.error;
    } else {
      pick.items = parsed.items;
      pick.textError = null;
    }
    pick.refusal = null;
    renderPick({ fromInput: true });
  }

  /** Once the customer leaves the field, show the positions the way the API takes them. */
  function tidyPositions() {
    if (!pick.textError) {
      $('positions').value = H.positionsText(pick.items);
    }
  }

  /**
   * Draws the pattern on the cells and in the text field. fromInput: the customer is typing, so
   * the field keeps their text.
   */
  function renderPick({ fromInput = false } = {}) {
    const table = registration.table;
    const uses = H.usesByCell(pick.items);
    for (let cell = 1; cell <= table.cells; cell++) {
      const button = $(`cell-${cell}`);
      const places = uses.get(cell) || [];
      button.classList.toggle('cell--picked', places.length > 0);
      button.classList.toggle('cell--full', places.length >= table.maxCellUses);
      button.dataset.uses = String(places.length);
      button.lastChild.textContent = places.join('\u00b7');
      button.setAttribute('aria-label', places.length === 0
        ? `Cell ${cell}`
        : `Cell ${cell}, place ${listText(places)} of your pattern`);
    }
    if (!fromInput) {
      $('positions').value = H.positionsText(pick.items);
      pick.textError = null;
    }
    setFieldError('positions', pick.textError || H.sequenceProblem(pick.items, table));
    renderSummary();
    $('undo').disabled = pick.items.length === 0;
    $('clear-pattern').disabled = pick.items.length === 0;
    $('add-dummy').disabled = pick.items.length >= H.MAX_LENGTH;
    renderRulePreview();
  }

  function renderSummary() {
    const table = registration.table;
    const summary = $('pattern-summary');
    const total = pick.items.length;
    const dummies = pick.items.filter((item) => item === H.DUMMY).length;
    let text;
    if (total === 0) {
      text = `No cells chosen yet. Your pattern needs at least ${H.placesText(table.minLength)}.`;
    } else {
      text = `${H.placesText(total)} chosen`
          + (dummies ? ` (${dummies === 1 ? '1 dummy' : `${dummies} dummies`})` : '')
          + (total < table.minLength ? `: add at least ${table.minLength - total} more.` : '.');
    }
    const neighbours = table.rejectAdjacent && H.isAllNeighbours(pick.items, table.cols);
    if (neighbours) {
      text += ' Every cell touches the one before it: the bank will not accept this pattern.';
    }
    if (pick.refusal) {
      text = `${pick.refusal} ${text}`;
    }
    summary.textContent = text;
    summary.classList.toggle('pattern-summary--warn', neighbours || Boolean(pick.refusal));
    summary.classList.toggle('pattern-summary--ok', !neighbours && !pick.refusal
        && total >= table.minLength && !pick.textError);
  }

  function listText(numbers) {
    if (numbers.length <= 1) {
      return String(numbers[0]);
    }
    return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
  }

  /** On a table wider than the screen, point to narrowing, which needs no tapping. */
  function watchTableWidth() {
    if (!win.matchMedia) {
      return;
    }
    // 44px per cell (the smallest comfortable tap target), 6px gaps, and the page's margins.
    const needed = registration.table.cols * 50 + 80;
    const query = win.matchMedia(`(max-width: ${needed}px)`);
    const update = () => {
      $('wide-table-hint').hidden = !query.matches;
    };
    update();
    if (typeof query.addEventListener === 'function') {
      query.addEventListener('change', update);
    }
  }

  /* ---- step 2: suggested candidates --------------------------------------------------------- */

  /** Suggestion n (1, 2, 3…) from the server; fetched ones are kept so Back needs no call. */
  async function showCandidate(n) {
    if (n < 1 || busy) {
      return;
    }
    hideProblem('pick');
    let items = candidates.byN.get(n);
    if (!items) {
      const button = n === 1 && $('candidate').hidden ? $('suggest')
        : n > candidates.n ? $('candidate-next') : $('candidate-prev');
      await withBusy(button, 'Finding\u2026', async () => {
        try {
          const { body } = await api('GET', `/candidates/${n}`);
          items = H.readServerPositions(body.positions, registration.table.cells);
          candidates.byN.set(n, items);
        } catch (error) {
          reportFailure('pick', 'We could not suggest a pattern', error);
        }
      });
      if (!items) {
        return;
      }
    }
    const opening = $('candidate').hidden;
    candidates.n = n;
    $('candidate-title').textContent = `Suggestion ${n}`;
    const { rows, cols } = registration.table;
    fillPreview($('candidate-table'), rows, cols, items, null);
    $('candidate-positions').textContent = H.positionsText(items);
    $('candidate').hidden = false;
    $('suggest-row').hidden = true;
    if (doc.activeElement === $('candidate-prev') && n === 1) {
      $('candidate-next').focus();
    }
    $('candidate-prev').disabled = n === 1;
    announce(`Suggestion ${n}: cells ${listText(items.map(String))}.`);
    if (opening) {
      moveFocus($('candidate-title'), null);
    }
  }

  function useCandidate() {
    const items = candidates.byN.get(candidates.n);
    if (!items) {
      return;
    }
    pick.items = [...items];
    pick.refusal = null;
    renderPick();
    announce(`Suggestion ${candidates.n} is now your pattern. Take a moment to learn it by heart.`);
    $('table').scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }

  /* ---- step 2: narrowing -------------------------------------------------------------------- */

  function showNarrowingStart(focus) {
    hideProblem('find');
    narrow.found = null;
    narrow.round = 0;
    $('narrow-digits').value = '';
    $('find-start').hidden = false;
    $('find-round').hidden = true;
    $('find-found').hidden = true;
    renderPatternActions();
    if (focus) {
      $('narrow-length').focus();
    }
  }

  async function startNarrowing(note) {
    const length = Number($('narrow-length').value);
    setFieldError('narrow-length', null);
    if (!note) {
      hideProblem('find');
    }
    await withBusy($('narrow-start'), 'Preparing\u2026', async () => {
      try {
        const { body } = await api('POST', '/narrowing', { length });
        narrow.length = length;
        showRound(H.readGrid(body, true), body.round);
      } catch (error) {
        narrowingFailed(error, 'We could not start');
      }
    });
  }

  function showRound(grid, round) {
    narrow.round = Number.isInteger(round) ? round : narrow.round + 1;
    narrow.found = null;
    fillDigitGrid($('narrow-grid'), grid, 'narrow-cell', `Grid ${narrow.round}`);
    $('narrow-title').textContent = `Grid ${narrow.round}`;
    $('narrow-instructions').textContent = narrow.round === 1
      ? 'Find the cells of your pattern on this grid, in order, and type the digit shown in each '
          + 'one.'
      : 'Nearly there. Only the cells that could still be yours show a digit. Find your cells '
          + 'again, in order, and type their digits; where one of your cells is blank, it is '
          + 'already found: type 0 for it.';
    $('narrow-digits-hint').textContent = `${narrow.length} digits, one for each cell of your `
        + 'pattern, in order.';
    $('narrow-digits').maxLength = narrow.length;
    $('narrow-digits').value = '';
    setFieldError('narrow-digits', null);
    $('find-start').hidden = true;
    $('find-found').hidden = true;
    $('find-round').hidden = false;
    renderPatternActions();
    // Focus the heading, not the input: on a phone the keyboard would cover the grid to read.
    moveFocus($('narrow-title'), $('narrow-title'));
  }

  async function answerNarrowing() {
    const input = $('narrow-digits');
    const digits = input.value.replace(/\s+/g, '');
    const problem = H.narrowDigitsProblem(digits, narrow.length);
    if (problem) {
      setFieldError('narrow-digits', problem);
      input.focus();
      return;
    }
    hideProblem('find');
    let mismatch = null;
    await withBusy($('narrow-submit'), 'Checking\u2026', async () => {
      try {
        const { body } = await api('POST', '/narrowing/answers', { digits });
        if (typeof body.positions === 'string') {
          showFound(H.readServerPositions(body.positions, registration.table.cells));
        } else {
          showRound(H.readGrid(body, true), body.round);
        }
      } catch (error) {
        if (error instanceof H.ApiError && error.slug === 'narrowing-mismatch') {
          mismatch = error;
        } else {
          narrowingFailed(error, 'We could not check those digits');
        }
      } finally {
        input.value = '';
      }
    });
    if (mismatch) {
      // No single pattern fits the digits (a slip while reading): start over with a new grid.
      showProblem('find', 'Those digits do not fit one pattern',
          `${mismatch.detail} Perhaps a digit was misread. We have started again with a new grid.`);
      await startNarrowing(true);
    }
  }

  function narrowingFailed(error, title) {
    if (error instanceof H.ApiError && error.status === 400) {
      const placed = error.fields.filter(([name]) => name === 'digits' || name === 'length');
      for (const [name, message] of placed) {
        setFieldError(name === 'digits' ? 'narrow-digits' : 'narrow-length', message);
      }
      if (placed.length > 0) {
        showProblem('find', title, error.detail);
        return;
      }
    }
    reportFailure('find', title, error);
  }

  function showFound(items) {
    narrow.found = items;
    const { rows, cols } = registration.table;
    fillPreview($('found-table'), rows, cols, items, null);
    $('found-positions').textContent = H.positionsText(items);
    $('find-start').hidden = true;
    $('find-round').hidden = true;
    $('find-found').hidden = false;
    renderPatternActions();
    renderRulePreview();
    moveFocus($('found-title'), $('found-title'));
  }

  /** Takes the found pattern to the table, to add dummies or change a cell. */
  function editFoundPattern() {
    if (!narrow.found) {
      return;
    }
    pick.items = [...narrow.found];
    pick.refusal = null;
    selectMethod('pick', false);
    renderPick();
    announce('Your pattern is on the table now.');
    setFocusCell(pick.items[0], true);
  }

  /* ---- step 2: rule and submission ---------------------------------------------------------- */

  function selectedMode() {
    return $('mode-variable').checked ? 'VARIABLE' : 'FIXED';
  }

  /** The items the rule will be checked against: the picked or the found pattern. */
  function currentItems() {
    return method === 'find' ? narrow.found || [] : pick.items;
  }

  function showRuleProblem() {
    const parsed = H.parseRule($('rule').value);
    if (parsed.error) {
      setFieldError('rule', parsed.error);
    }
  }

  /** The customer's rule worked on the example grid, so they can see what it does. */
  function renderRulePreview() {
    const preview = $('rule-preview');
    const parsed = H.parseRule($('rule').value);
    const example = H.EXAMPLE;
    if (parsed.error || parsed.ops.length === 0
        || (parsed.ops.length !== 1 && parsed.ops.length !== example.positions.length)) {
      preview.hidden = true;
      return;
    }
    const mode = selectedMode();
    const result = H.derive(example.digits, example.positions, parsed.ops, mode);
    const negative = result.results.some((value) => value < 0);
    preview.textContent = `With your rule, the example reads ${result.read.join(', ')}, `
        + `which becomes ${result.results.join(', ')}`
        + (negative && mode === 'VARIABLE' ? ' (a result below 0 is not allowed in full).'
          : `: you would type ${result.password}.`);
    preview.hidden = false;
  }

  /**
   * The request body for the chosen method, or the problems that stop it, as [field id,
   * message] pairs. The server checks everything again; this only saves a round trip.
   */
  function buildSubmission() {
    const table = registration.table;
    if (method === 'fixed') {
      const password = $('fixed-password').value;
      const repeat = $('fixed-password-repeat').value;
      const problems = H.fixedPasswordProblems(password, repeat, table.minLength);
      return {
        payload: { positions: 'F', fixedPassword: password },
        problems: Object.entries(problems),
      };
    }
    const problems = [];
    const items = currentItems();
    if (method === 'pick') {
      const itemsProblem = pick.textError || H.sequenceProblem(items, table);
      if (itemsProblem) {
        problems.push(['positions', itemsProblem]);
      } else if (items.length < table.minLength) {
        problems.push(['positions', items.length === 0
          ? 'Choose the cells of your pattern first.'
          : `Your pattern needs at least ${H.placesText(table.minLength)}; `
              + `it has ${items.length}.`]);
      }
    }
    const mode = selectedMode();
    const rule = H.parseRule($('rule').value);
    const ruleProblem = rule.error
        || (rule.ops.length > 0 ? H.ruleProblem(rule.ops, items, mode) : null);
    if (ruleProblem) {
      problems.push(['rule', ruleProblem]);
    }
    const payload = { positions: H.positionsText(items) };
    if (rule.rule !== '') {
      payload.rule = rule.rule;
      payload.mode = mode;
    }
    return { payload, problems };
  }

  async function submitPattern() {
    if (busy || $('pattern-submit').disabled) {
      return;
    }
    hideProblem('pattern');
    for (const id of PATTERN_FIELDS) {
      setFieldError(id, null);
    }
    const { payload, problems } = buildSubmission();
    if (problems.length > 0) {
      showFieldProblems(problems);
      clearFixedPasswords();
      return;
    }
    await withBusy($('pattern-submit'), 'Sending\u2026', async () => {
      let answer;
      try {
        answer = await api('POST', '', payload);
      } catch (error) {
        patternRefused(error);
        return;
      } finally {
        // The fixed password is not kept once sent, whatever the answer.
        clearFixedPasswords();
      }
      try {
        const grid = H.readGrid(answer.body, false);
        submittedFixed = payload.positions === 'F';
        showConfirm(grid, answer.date, null);
      } catch (error) {
        reportFailure('pattern', 'We could not show the confirmation grid', error);
      }
    });
  }

  function clearFixedPasswords() {
    $('fixed-password').value = '';
    $('fixed-password-repeat').value = '';
  }

  /** Puts each message next to its field (opening the rule if needed); focuses the first. */
  function showFieldProblems(problems) {
    for (const [id, message] of problems) {
      setFieldError(id, message);
    }
    if (problems.some(([id]) => id === 'rule' || id === 'mode')) {
      $('rule-details').open = true;
    }
    const first = problems[0][0];
    // Both fixed-password fields are emptied after a refusal, so typing starts at the first.
    let focusId = first;
    if (first === 'mode') {
      focusId = selectedMode() === 'VARIABLE' ? 'mode-variable' : 'mode-fixed';
    } else if (first === 'fixed-password-repeat') {
      focusId = 'fixed-password';
    }
    $(focusId).focus();
  }

  function patternRefused(error) {
    if (!(error instanceof H.ApiError) || error.status !== 400) {
      reportFailure('pattern', 'We could not save your pattern', error);
      return;
    }
    const placed = [];
    const unplaced = [];
    for (const [name, message] of error.fields) {
      // A found pattern has no positions field to point at: its message goes in the list.
      const id = name === 'positions'
        ? (method === 'pick' ? 'positions' : null)
        : FIELD_INPUTS[name];
      if (id) {
        placed.push([id, message]);
      } else {
        unplaced.push([name, message]);
      }
    }
    showProblem('pattern', 'Please check your pattern', error.detail, unplaced);
    if (placed.length > 0) {
      showFieldProblems(placed);
    }
  }

  /* ---- step 3: confirmation ----------------------------------------------------------------- */

  /** A fresh grid for the provisional registration: after a wrong answer, or after a reload. */
  async function loadFreshGrid(notice, options) {
    try {
      const answer = await api('GET', '/confirmation');
      showConfirm(H.readGrid(answer.body, false), answer.date, notice, options);
    } catch (error) {
      if (error instanceof H.ApiError && error.status === 410) {
        backToPattern('Your chosen pattern was not confirmed within 15 minutes, so it has '
            + 'expired. Please choose it again.');
        return;
      }
      if (step !== 'confirm') {
        showStep('pattern');
      }
      const area = step === 'confirm' ? 'confirm' : 'pattern';
      reportFailure(area, 'We could not show a new grid', error);
    }
  }

  function showConfirm(grid, dateHeader, notice, options) {
    fillDigitGrid($('confirm-grid'), grid, 'confirm-cell', 'Your confirmation grid');
    deadline = H.localDeadline(grid.expiresAt, dateHeader, Date.now());
    $('confirm-password').value = '';
    setFieldError('confirm-password', null);
    hideProblem('confirm');
    setNotice('confirm', notice);
    renderConfirmWording();
    $('confirm-submit').disabled = false;
    showStep('confirm', options);
    startTimer();
  }

  /** A fixed password ignores the grid, so the page says so and hides it. */
  function renderConfirmWording() {
    const fixed = submittedFixed === true;
    $('confirm-grid-area').hidden = fixed;
    $('confirm-intro').textContent = fixed
      ? 'You chose a fixed password. Type it once more to confirm it.'
      : 'This is how the bank will ask you: the table filled with digits. Follow your pattern, '
          + 'apply your rule if you chose one, and type the password it gives. For a dummy, '
          + 'type any digit.'
          + (submittedFixed === null ? ' If you chose a fixed password, type that instead.' : '');
    $('confirm-password-label').textContent = fixed
      ? 'Your fixed password'
      : 'Type the password your pattern gives on this grid';
  }

  async function submitConfirmation() {
    if ($('confirm-submit').disabled) {
      return;
    }
    const input = $('confirm-password');
    const password = input.value.replace(/\s+/g, '');
    if (!/^\d{1,64}$/.test(password)) {
      setFieldError('confirm-password', password === ''
        ? 'Type the password your pattern gives.'
        : 'Type digits only.');
      input.focus();
      return;
    }
    hideProblem('confirm');
    await withBusy($('confirm-submit'), 'Checking\u2026', async () => {
      try {
        const { body } = await api('POST', '/confirmation', { password });
        if (body.state !== 'FORMAL') {
          throw new Error('The bank did not confirm your pattern.');
        }
        finish();
      } catch (error) {
        await confirmationRefused(error);
      } finally {
        input.value = '';
      }
    });
  }

  async function confirmationRefused(error) {
    const failed = error instanceof H.ApiError && error.status === 400
        && error.slug === 'confirmation-failed';
    if (failed) {
      await loadFreshGrid(`${error.detail} Your pattern is not saved yet. Here is a new grid: `
          + 'please try again.');
      return;
    }
    if (error instanceof H.ApiError && error.status === 410) {
      backToPattern('Your chosen pattern was not confirmed within 15 minutes, so it has expired. '
          + 'Please choose it again.');
      return;
    }
    if (error instanceof H.ApiError && error.status === 400) {
      const field = error.fields.find(([name]) => name === 'password');
      if (field) {
        setFieldError('confirm-password', field[1]);
        $('confirm-password').focus();
        return;
      }
    }
    reportFailure('confirm', 'We could not check your password', error);
  }

  function backToPattern(notice) {
    stopTimer();
    $('confirm-password').value = '';
    setNotice('pattern', notice);
    showStep('pattern');
  }

  /** The registration is formal: drop every secret this page still holds. */
  function finish() {
    stopTimer();
    pick.items = [];
    narrow.found = null;
    candidates.byN.clear();
    $('positions').value = '';
    $('rule').value = '';
    clearFixedPasswords();
    registration.state = 'FORMAL';
    showStep('done');
  }

  function startTimer() {
    stopTimer();
    const timer = $('confirm-timer');
    timer.classList.remove('timer--low', 'timer--expired');
    timer.hidden = deadline === null;
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
    if (deadline === null) {
      return;
    }
    const remaining = deadline - Date.now();
    const timer = $('confirm-timer');
    if (remaining <= 0) {
      $('confirm-timer-value').textContent = 'expired';
      timer.classList.remove('timer--low');
      timer.classList.add('timer--expired');
      $('confirm-submit').disabled = true;
      setNotice('confirm', 'Time is up: this grid has expired and your pattern was not saved. '
          + 'Choose \u201cChange my pattern\u201d to send it again.');
      stopTimer();
      return;
    }
    $('confirm-timer-value').textContent = H.formatRemaining(remaining);
    timer.classList.toggle('timer--low', remaining <= 60000);
  }

  /* ---- drawing grids ------------------------------------------------------------------------ */

  function element(tag, className, text) {
    const node = doc.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /**
   * A grid of digits as a real table, so screen readers can go row by row and column by column.
   * Cell numbers are not shown (the customer must know their cells), only data-cell for tests.
   */
  function fillDigitGrid(table, grid, idPrefix, caption) {
    table.style.setProperty('--grid-cols', String(grid.cols));
    const rows = [];
    for (let r = 0; r < grid.rows; r++) {
      const tr = element('tr');
      for (let c = 0; c < grid.cols; c++) {
        const cell = r * grid.cols + c + 1;
        const digit = grid.cells[cell - 1];
        const td = element('td', digit === null ? 'is-blank' : null, digit === null ? '' : digit);
        td.id = `${idPrefix}-${cell}`;
        td.dataset.cell = String(cell);
        if (digit === null) {
          td.setAttribute('aria-label', 'not shown');
        }
        tr.append(td);
      }
      rows.push(tr);
    }
    const title = element('caption', 'visually-hidden',
        `${caption}: ${grid.rows} rows of ${grid.cols} digits`);
    table.replaceChildren(title, element('tbody'));
    table.tBodies[0].append(...rows);
  }

  /**
   * A small picture of a pattern on a table (hidden from screen readers, which get the cell
   * list next to it). Without `label` it is the pattern's shape: picked cells show their places
   * (e.g. "2" or "1·5"), the others nothing. With it, each cell shows label(cell) and picked
   * cells carry their places as a badge (the worked example's digits).
   */
  function fillPreview(table, rows, cols, items, label) {
    table.style.setProperty('--grid-cols', String(cols));
    table.classList.toggle('digit-grid--shape', !label);
    const uses = H.usesByCell(items);
    const body = element('tbody');
    for (let r = 0; r < rows; r++) {
      const tr = element('tr');
      for (let c = 0; c < cols; c++) {
        const cell = r * cols + c + 1;
        const places = uses.get(cell);
        const td = element('td', places ? 'is-picked' : null);
        if (!label) {
          td.textContent = places ? places.join('\u00b7') : '';
        } else {
          td.append(element('span', 'grid-label', label(cell)));
          if (places) {
            td.append(element('span', 'grid-order', places.join('\u00b7')));
          }
        }
        tr.append(td);
      }
      body.append(tr);
    }
    table.replaceChildren(body);
  }

  /* ---- formatting --------------------------------------------------------------------------- */

  function formatDateTime(instant) {
    const date = new Date(instant);
    if (!instant || Number.isNaN(date.getTime())) {
      return 'unknown';
    }
    return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function formatTime(instant) {
    const date = new Date(instant);
    if (!instant || Number.isNaN(date.getTime())) {
      return '';
    }
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
}

if (typeof module !== 'undefined' && module.exports) {
  module.exports = PatternRegistration;
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') {
  startPatternRegistration(document, window);
}
