/*!
 * Relatieroute chat widget — vanilla JS, no build step.
 *
 * Embed with one tag:
 *   <script src="https://<web-app>/widget/relatieroute.js" data-gemeente="zwolle"
 *           data-server="https://<rasa-server>" defer></script>
 *
 * Optional attributes:
 *   data-channel="web"|"intake"   metadata channel (intake = wijkteam mode)
 *   data-container="#selector"    render inline in this element instead of a floating button
 *   data-escape-url="https://…"   where "Snel weg" goes (default https://www.buienradar.nl)
 *   data-snelweg="off"            no "Snel weg" button (only for the wijkteam intake page)
 *   data-api="https://<web-app>/" where /api/gemeente/<id> lives (default: next to this script)
 *
 * Privacy: the conversation lives in sessionStorage only (gone when the tab closes); no
 * localStorage, no cookies (fetch with credentials "omit"). Safety: every text from the server is
 * rendered as text; only http(s) URLs and phone numbers become links, built with DOM methods.
 *
 * Events on document: "relatieroute:outcome" (detail: the outcome custom payload plus
 * "contacts", the gemeente's public contact data, and "channel") and "relatieroute:restart"
 * (detail: {channel}) — used by the intake page.
 */
(function () {
  'use strict';

  var SCRIPT = document.currentScript;
  if (!SCRIPT) {
    return;
  }

  var VERSION = 'v1';
  var STORAGE_PREFIX = 'relatieroute.';
  var DEFAULT_GEMEENTE = 'voorbeeld';
  var DEFAULT_SERVER = 'http://127.0.0.1:5005';
  var DEFAULT_ESCAPE_URL = 'https://www.buienradar.nl';
  var WEBHOOK_PATH = '/webhooks/relatieroute/webhook';
  var GREET = '/greet';
  var REQUEST_TIMEOUT_MS = 30000;
  var GEMEENTE_TIMEOUT_MS = 5000;
  var DOUBLE_ESC_MS = 1000;
  var MAX_INPUT = 500;
  var GEMEENTE_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

  // Last resort when neither the web app nor its cache can be reached.
  var NATIONAL = [
    { id: '112', name: 'Alarmnummer', phone: '112', text: 'Direct gevaar? Bel 112.' },
    {
      id: 'veilig_thuis', name: 'Veilig Thuis', phone: '0800-2000',
      text: 'Niet veilig thuis? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).'
    },
    {
      id: '113', name: '113 Zelfmoordpreventie', phone: '0800-0113',
      text: 'Denk je aan zelfdoding? Bel 113 of 0800-0113 (gratis, dag en nacht).'
    }
  ];

  var TEXT = {
    launcher: 'Chat over je relatie of scheiding',
    title: 'Relatieroute-assistent',
    titleIntake: 'Intake met de Relatieroute-assistent',
    botNotice: 'Je praat met een computer (een bot), niet met een mens.',
    botNoticeIntake: 'Deze bot stelt de vragen voor de intake. Het antwoord ziet u hiernaast.',
    escape: 'Snel weg',
    escapeHint: 'Snel weg? Klik op de knop of druk 2 keer op Esc.',
    close: 'Chat sluiten',
    log: 'Gesprek',
    you: 'Jij: ',
    bot: 'Assistent: ',
    options: 'Kies een antwoord',
    inputLabel: 'Typ je antwoord',
    inputLabelIntake: 'Typ het antwoord',
    send: 'Verstuur',
    restart: 'Opnieuw beginnen',
    typing: 'De assistent schrijft…',
    newWindow: ' (opent in een nieuw venster)',
    call: 'Bel ',
    errorTitle: 'Het lukt nu niet om de assistent te bereiken.',
    errorBody: 'Probeer het straks nog een keer. Heb je nu hulp nodig? Neem dan contact op:',
    retry: 'Opnieuw proberen',
    busy: 'Het is nu erg druk. Probeer het over een minuut opnieuw.',
    badRequest: 'Dat bericht kon ik niet lezen. Probeer het anders te zeggen.',
    wijkteam: 'Wijkteam',
    hours: 'Bereikbaar: ',
    emptyInput: 'Typ eerst een antwoord.'
  };

  // ---------------------------------------------------------------- configuration

  function attr(name) {
    var value = SCRIPT.getAttribute('data-' + name);
    return value === null ? '' : String(value).trim();
  }

  function absoluteHttpUrl(value, base) {
    try {
      var url = new URL(value, base);
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        return url;
      }
    } catch (e) { /* not a URL */ }
    return null;
  }

  var scriptUrl = absoluteHttpUrl(SCRIPT.src, document.baseURI) || new URL(document.baseURI);
  var config = {
    gemeente: attr('gemeente').toLowerCase(),
    server: (absoluteHttpUrl(attr('server') || DEFAULT_SERVER) || new URL(DEFAULT_SERVER))
      .href.replace(/\/+$/, ''),
    channel: attr('channel') === 'intake' ? 'intake' : 'web',
    container: attr('container'),
    escapeUrl: (absoluteHttpUrl(attr('escape-url') || DEFAULT_ESCAPE_URL, document.baseURI) ||
      new URL(DEFAULT_ESCAPE_URL)).href,
    snelweg: attr('snelweg') !== 'off',
    api: (absoluteHttpUrl(attr('api') || '../', scriptUrl) || scriptUrl).href.replace(/\/?$/, '/'),
    css: new URL('relatieroute.css', scriptUrl).href
  };
  var intake = config.channel === 'intake';
  var stateKey = STORAGE_PREFIX + VERSION + '.chat.' + config.channel;

  if (!GEMEENTE_ID.test(config.gemeente)) {
    if (config.gemeente) {
      warn('ongeldige data-gemeente "' + config.gemeente + '"; de standaardgemeente wordt gebruikt.');
    }
    config.gemeente = '';
  }

  function warn(message) {
    if (window.console && console.warn) {
      console.warn('Relatieroute: ' + message);
    }
  }

  // ---------------------------------------------------------------- storage (session only)

  var memoryStore = {};
  var store = {
    get: function (key) {
      try {
        return window.sessionStorage.getItem(key);
      } catch (e) {
        return Object.prototype.hasOwnProperty.call(memoryStore, key) ? memoryStore[key] : null;
      }
    },
    set: function (key, value) {
      try {
        window.sessionStorage.setItem(key, value);
      } catch (e) {
        memoryStore[key] = value;
      }
    },
    clearAll: function () {
      memoryStore = {};
      try {
        var keys = [];
        for (var i = 0; i < window.sessionStorage.length; i++) {
          var key = window.sessionStorage.key(i);
          if (key && key.indexOf(STORAGE_PREFIX) === 0) {
            keys.push(key);
          }
        }
        keys.forEach(function (k) { window.sessionStorage.removeItem(k); });
      } catch (e) { /* storage unavailable: nothing stored */ }
    }
  };

  function readJson(key) {
    var raw = store.get(key);
    if (!raw) {
      return null;
    }
    try {
      return JSON.parse(raw);
    } catch (e) {
      return null;
    }
  }

  function newSenderId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  function freshState(gemeente) {
    return { gemeente: gemeente, sender: newSenderId(), open: false, log: [], outcome: null };
  }

  var state = null;

  function saveState() {
    if (state && !exited) {
      store.set(stateKey, JSON.stringify(state));
    }
  }

  // ---------------------------------------------------------------- gemeente contact data

  var contacts = null; // public contact data of the gemeente, from /api/gemeente/<id>

  function fetchJson(url, timeoutMs) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, timeoutMs) : null;
    return fetch(url, {
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json' },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        return { status: response.status, body: body };
      });
    }).finally(function () {
      if (timer) {
        clearTimeout(timer);
      }
    });
  }

  function gemeenteCacheKey(id) {
    return STORAGE_PREFIX + VERSION + '.gemeente.' + id;
  }

  function loadGemeente(id, allowFallback) {
    var cached = readJson(gemeenteCacheKey(id || DEFAULT_GEMEENTE));
    if (cached && cached.id) {
      return Promise.resolve(cached);
    }
    var url = config.api + 'api/gemeente/' + encodeURIComponent(id || DEFAULT_GEMEENTE);
    return fetchJson(url, GEMEENTE_TIMEOUT_MS).then(function (result) {
      if (result.status === 200 && result.body && result.body.id) {
        store.set(gemeenteCacheKey(result.body.id), JSON.stringify(result.body));
        if (id && id !== result.body.id) {
          store.set(gemeenteCacheKey(id), JSON.stringify(result.body));
        }
        return result.body;
      }
      if (result.status === 404 && allowFallback) {
        var fallback = (result.body && result.body.default_gemeente) || DEFAULT_GEMEENTE;
        warn('onbekende gemeente "' + id + '" in data-gemeente; de standaardgemeente "' +
          fallback + '" wordt gebruikt.');
        return loadGemeente(fallback, false);
      }
      throw new Error('gemeente ' + result.status);
    }).catch(function () {
      // The web app is unreachable: keep the id we were given and the national numbers.
      return { id: id || DEFAULT_GEMEENTE, name: '', wijkteam: null, national: NATIONAL,
        offline: true };
    });
  }

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function hiddenText(text) {
    return el('span', 'rr-sr', text);
  }

  function telHref(phone) {
    var digits = String(phone).replace(/[^\d+]/g, '');
    return digits ? 'tel:' + digits : null;
  }

  function makeLink(href, text, external) {
    var a = el('a', 'rr-link', text);
    a.setAttribute('href', href);
    if (external) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener noreferrer');
      a.appendChild(hiddenText(TEXT.newWindow));
    }
    return a;
  }

  // --- linkify: only http(s) URLs and Dutch phone numbers, everything else stays text.

  var TOKEN = /(https?:\/\/[^\s<>"'`]+)|((?:\+31|0)\d+(?:[ -]\d+)*)|(11[23])/gi;

  function digitsOf(s) {
    return s.replace(/\D/g, '');
  }

  function validPhone(candidate) {
    var digits = digitsOf(candidate);
    if (candidate.charAt(0) === '+') {
      return digits.length === 11; // +31 and 9 digits
    }
    if (/^0(800|900|906|909)/.test(digits)) {
      return digits.length === 8 || digits.length === 11;
    }
    return digits.length === 10;
  }

  // Longest prefix of digit groups that is a valid number ("0800-2000 113" → "0800-2000").
  function phonePrefix(candidate) {
    var parts = candidate.split(/(?=[ -]\d)/);
    for (var n = parts.length; n > 0; n--) {
      var attempt = parts.slice(0, n).join('');
      if (validPhone(attempt)) {
        return attempt;
      }
    }
    return null;
  }

  function trimUrl(url) {
    var trimmed = url.replace(/[.,;:!?'"]+$/, '');
    // Drop a closing bracket that belongs to the sentence, not the URL.
    while (/[)\]]$/.test(trimmed)) {
      var open = (trimmed.match(/[([]/g) || []).length;
      var close = (trimmed.match(/[)\]]/g) || []).length;
      if (close <= open) {
        break;
      }
      trimmed = trimmed.slice(0, -1).replace(/[.,;:!?'"]+$/, '');
    }
    return trimmed;
  }

  function isBoundary(ch) {
    return !ch || !/[\w-]/.test(ch);
  }

  /** Append `text` to `parent` as text nodes and safe links. Never parses HTML. */
  function renderRichText(parent, text) {
    var source = String(text);
    var last = 0;
    var match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(source)) !== null) {
      var start = match.index;
      var before = source.charAt(start - 1);
      var token = null;
      var node = null;
      if (match[1]) {
        token = trimUrl(match[1]);
        var url = absoluteHttpUrl(token);
        if (url) {
          node = makeLink(url.href, token, true);
        }
      } else if (match[2] && isBoundary(before)) {
        token = phonePrefix(match[2]);
        if (token && isBoundary(source.charAt(start + token.length)) &&
            source.charAt(start + token.length) !== '-') {
          node = makeLink(telHref(token), token, false);
        }
      } else if (match[3] && isBoundary(before) &&
                 isBoundary(source.charAt(start + match[3].length))) {
        token = match[3];
        node = makeLink(telHref(token), token, false);
      }
      if (!node) {
        // Not a link after all: continue scanning right after the first character.
        TOKEN.lastIndex = start + 1;
        continue;
      }
      if (start > last) {
        parent.appendChild(document.createTextNode(source.slice(last, start)));
      }
      parent.appendChild(node);
      last = start + token.length;
      TOKEN.lastIndex = last;
    }
    if (last < source.length) {
      parent.appendChild(document.createTextNode(source.slice(last)));
    }
  }

  // ---------------------------------------------------------------- building the widget

  var host = null;
  var ui = {};
  var pending = false;
  var exited = false;
  var inflight = null;
  var lastRequest = null;
  var focusOptionsNext = false;

  function build() {
    host = el('div');
    host.id = intake ? 'relatieroute-intake-widget' : 'relatieroute-widget';
    host.setAttribute('data-relatieroute', config.channel);
    var mount = null;
    if (config.container) {
      try {
        mount = document.querySelector(config.container);
      } catch (e) {
        mount = null;
      }
      if (!mount) {
        warn('data-container "' + config.container + '" niet gevonden; de chat komt rechtsonder.');
      }
    }
    var inline = Boolean(mount);
    (mount || document.body).appendChild(host);

    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    var sheet = el('link');
    sheet.rel = 'stylesheet';
    sheet.href = config.css;
    var wrapper = el('div', 'rr-root');
    wrapper.setAttribute('lang', 'nl'); // also on a site whose page is not marked as Dutch
    wrapper.hidden = true; // shown once the stylesheet is there (no flash of unstyled widget)
    sheet.addEventListener('load', function () { wrapper.hidden = false; });
    sheet.addEventListener('error', function () { wrapper.hidden = false; });
    root.appendChild(sheet);
    root.appendChild(wrapper);
    wrapper.setAttribute('data-mode', inline ? 'inline' : 'floating');
    wrapper.setAttribute('data-channel', config.channel);
    ui.wrapper = wrapper;
    ui.inline = inline;

    // Closed state (floating only): launcher + "Snel weg".
    var bar = el('div', 'rr-bar');
    ui.launcher = el('button', 'rr-launcher', TEXT.launcher);
    ui.launcher.type = 'button';
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.launcher.setAttribute('aria-controls', 'rr-panel');
    ui.launcher.addEventListener('click', function () { openPanel(true); });
    bar.appendChild(ui.launcher);
    if (config.snelweg) {
      bar.appendChild(escapeButton());
    }
    ui.bar = bar;
    if (!inline) {
      wrapper.appendChild(bar);
    }

    // The chat panel.
    var panel = el('section', 'rr-panel');
    panel.id = 'rr-panel';
    panel.setAttribute('aria-labelledby', 'rr-title');
    ui.panel = panel;

    var header = el('div', 'rr-header');
    var heading = el('h2', 'rr-title', intake ? TEXT.titleIntake : TEXT.title);
    heading.id = 'rr-title';
    heading.tabIndex = -1;
    ui.heading = heading;
    var titles = el('div', 'rr-titles');
    titles.appendChild(heading);
    titles.appendChild(el('p', 'rr-bot-notice', intake ? TEXT.botNoticeIntake : TEXT.botNotice));
    header.appendChild(titles);
    var actions = el('div', 'rr-header-actions');
    if (config.snelweg) {
      actions.appendChild(escapeButton());
    }
    if (!inline) {
      var close = el('button', 'rr-close');
      close.type = 'button';
      close.setAttribute('aria-label', TEXT.close);
      close.appendChild(el('span', 'rr-close-icon', '×')).setAttribute('aria-hidden', 'true');
      close.addEventListener('click', closePanel);
      actions.appendChild(close);
    }
    header.appendChild(actions);
    panel.appendChild(header);
    if (config.snelweg) {
      panel.appendChild(el('p', 'rr-escape-hint', TEXT.escapeHint));
    }

    // One scrolling area for the messages, the typing indicator, notices and the error box,
    // so the input field below always stays in view.
    ui.scroll = el('div', 'rr-scroll');
    ui.scroll.setAttribute('role', 'region');
    ui.scroll.setAttribute('aria-label', TEXT.log);
    ui.scroll.tabIndex = 0; // scrollable region: reachable and scrollable by keyboard
    panel.appendChild(ui.scroll);

    ui.log = el('ol', 'rr-log');
    ui.scroll.appendChild(ui.log);

    ui.typing = el('div', 'rr-typing');
    ui.typing.hidden = true;
    ui.typing.setAttribute('aria-hidden', 'true');
    ui.typing.appendChild(el('span', 'rr-dot'));
    ui.typing.appendChild(el('span', 'rr-dot'));
    ui.typing.appendChild(el('span', 'rr-dot'));
    ui.typing.appendChild(el('span', 'rr-typing-text', TEXT.typing));
    ui.scroll.appendChild(ui.typing);

    // Bot messages are read out here (the log itself is not live: you do not need to
    // hear your own messages back).
    ui.live = el('div', 'rr-sr');
    ui.live.setAttribute('aria-live', 'polite');
    ui.live.setAttribute('aria-atomic', 'true');
    panel.appendChild(ui.live);

    ui.notice = el('p', 'rr-notice');
    ui.notice.setAttribute('role', 'status');
    ui.scroll.appendChild(ui.notice);

    ui.error = el('div', 'rr-error');
    ui.error.setAttribute('role', 'alert');
    ui.error.hidden = true;
    ui.scroll.appendChild(ui.error);

    var form = el('form', 'rr-composer');
    form.noValidate = true;
    var label = el('label', 'rr-input-label', intake ? TEXT.inputLabelIntake : TEXT.inputLabel);
    label.htmlFor = 'rr-input';
    ui.input = el('input', 'rr-input');
    ui.input.id = 'rr-input';
    ui.input.type = 'text';
    ui.input.autocomplete = 'off';
    ui.input.maxLength = MAX_INPUT;
    ui.input.setAttribute('enterkeyhint', 'send');
    ui.send = el('button', 'rr-send', TEXT.send);
    ui.send.type = 'submit';
    var row = el('div', 'rr-composer-row');
    row.appendChild(ui.input);
    row.appendChild(ui.send);
    form.appendChild(label);
    form.appendChild(row);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      submitTyped();
    });
    panel.appendChild(form);

    var footer = el('div', 'rr-footer');
    var restart = el('button', 'rr-restart', TEXT.restart);
    restart.type = 'button';
    restart.addEventListener('click', restartConversation);
    footer.appendChild(restart);
    panel.appendChild(footer);

    wrapper.appendChild(panel);
    if (!inline) {
      panel.hidden = true;
    }
  }

  function escapeButton() {
    var button = el('button', 'rr-escape', TEXT.escape);
    button.type = 'button';
    button.setAttribute('data-rr-escape', '');
    button.addEventListener('click', quickExit);
    return button;
  }

  // ---------------------------------------------------------------- rendering messages

  function appendEntry(entry, index) {
    var item = el('li', 'rr-msg rr-msg-' + entry.from);
    item.setAttribute('data-index', String(index));
    var bubble = el('div', 'rr-bubble');
    bubble.appendChild(hiddenText(entry.from === 'user' ? TEXT.you : TEXT.bot));
    if (entry.text) {
      var text = el('p', 'rr-text');
      renderRichText(text, entry.text);
      bubble.appendChild(text);
    }
    if (entry.link) {
      var url = absoluteHttpUrl(entry.link);
      if (url) {
        var p = el('p', 'rr-text');
        p.appendChild(makeLink(url.href, url.href, true));
        bubble.appendChild(p);
      }
    }
    item.appendChild(bubble);
    // Answered questions lose their buttons: the chosen answer is shown as the resident's
    // message, and old buttons would only take room (and tab stops) on a small screen.
    if (entry.buttons && entry.buttons.length && !entry.answered) {
      var group = el('div', 'rr-options');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', TEXT.options);
      entry.buttons.forEach(function (b) {
        var button = el('button', 'rr-option', b.title);
        button.type = 'button';
        button.addEventListener('click', function () {
          if (pending || button.disabled) {
            return;
          }
          focusOptionsNext = true;
          ui.input.focus();
          sendMessage(b.payload, b.title);
        });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    ui.log.appendChild(item);
    return item;
  }

  function renderLog() {
    while (ui.log.firstChild) {
      ui.log.removeChild(ui.log.firstChild);
    }
    state.log.forEach(appendEntry);
    scrollToEnd();
  }

  function scrollToEnd() {
    ui.scroll.scrollTop = ui.scroll.scrollHeight;
  }

  /** Remove all open answer buttons; returns the indexes of the entries it closed. */
  function markAnswered() {
    var closed = [];
    state.log.forEach(function (entry, index) {
      if (entry.buttons && entry.buttons.length && !entry.answered) {
        entry.answered = true;
        closed.push(index);
      }
    });
    if (closed.length) {
      var groups = ui.log.querySelectorAll('.rr-options');
      Array.prototype.forEach.call(groups, function (g) { g.parentNode.removeChild(g); });
    }
    return closed;
  }

  /**
   * The server did not take the message (busy or unreadable): go back to just before sending,
   * so the resident can simply try again (same buttons, typed text back in the field).
   */
  function undoSend(undo) {
    if (!undo || !state) {
      return;
    }
    if (undo.userIndex !== null && undo.userIndex === state.log.length - 1) {
      state.log.pop();
    }
    undo.closed.forEach(function (index) {
      if (state.log[index]) {
        state.log[index].answered = false;
      }
    });
    saveState();
    renderLog();
    if (undo.typed) {
      ui.input.value = undo.typed;
    }
  }

  function addEntry(entry) {
    state.log.push(entry);
    saveState();
    return appendEntry(entry, state.log.length - 1);
  }

  function announce(texts) {
    if (!texts.length) {
      return;
    }
    ui.live.textContent = '';
    // A fresh text node after a tick makes screen readers read repeated messages too.
    setTimeout(function () {
      ui.live.textContent = TEXT.bot + texts.join(' ');
    }, 50);
  }

  function cleanButtons(buttons) {
    if (!Array.isArray(buttons)) {
      return [];
    }
    return buttons.filter(function (b) {
      return b && typeof b.title === 'string' && typeof b.payload === 'string' && b.title;
    }).map(function (b) {
      return { title: b.title, payload: b.payload };
    });
  }

  function handleMessages(messages) {
    var texts = [];
    var firstNewItem = null;
    (Array.isArray(messages) ? messages : []).forEach(function (message) {
      if (!message || typeof message !== 'object') {
        return;
      }
      if (message.custom && typeof message.custom === 'object') {
        handleCustom(message.custom);
      }
      var text = typeof message.text === 'string' ? message.text : '';
      var buttons = cleanButtons(message.buttons);
      var link = typeof message.image === 'string' ? message.image : '';
      if (!text && !buttons.length && !link) {
        return;
      }
      var item = addEntry({ from: 'bot', text: text, buttons: buttons, link: link });
      if (buttons.length && !firstNewItem) {
        firstNewItem = item;
      }
      if (text) {
        texts.push(text);
      }
    });
    scrollToEnd();
    announce(texts);
    var active = host.shadowRoot ? host.shadowRoot.activeElement : document.activeElement;
    var focusInWidget = active && (active === ui.input || ui.panel.contains(active));
    if (focusOptionsNext && firstNewItem && focusInWidget) {
      var first = firstNewItem.querySelector('.rr-option');
      if (first) {
        first.focus();
      }
    }
    focusOptionsNext = false;
  }

  function handleCustom(custom) {
    if (custom.relatieroute !== 'outcome') {
      return;
    }
    state.outcome = custom;
    saveState();
    emitOutcome();
  }

  function emitOutcome() {
    if (!state.outcome) {
      return;
    }
    var decision = state.outcome.decision || {};
    if (decision.route) {
      host.setAttribute('data-route', String(decision.route));
    }
    var detail = {};
    Object.keys(state.outcome).forEach(function (k) { detail[k] = state.outcome[k]; });
    detail.contacts = contacts;
    detail.channel = config.channel;
    document.dispatchEvent(new CustomEvent('relatieroute:outcome', { detail: detail }));
  }

  // ---------------------------------------------------------------- talking to the server

  function setPending(value) {
    pending = value;
    ui.typing.hidden = !value;
    ui.scroll.setAttribute('aria-busy', value ? 'true' : 'false');
    ui.send.disabled = value;
    if (value) {
      scrollToEnd();
    }
  }

  function showNotice(text) {
    ui.notice.textContent = text || '';
    if (text) {
      scrollToEnd();
    }
  }

  function submitTyped() {
    var text = ui.input.value.trim();
    if (!text) {
      showNotice(TEXT.emptyInput);
      ui.input.focus();
      return;
    }
    if (pending) {
      return;
    }
    ui.input.value = '';
    focusOptionsNext = false;
    sendMessage(text, text, text);
  }

  function sendMessage(message, shownText, typed) {
    if (pending || exited) {
      return;
    }
    showNotice('');
    var undo = { userIndex: null, closed: [], typed: typed || '' };
    if (shownText) {
      undo.closed = markAnswered();
      addEntry({ from: 'user', text: shownText });
      undo.userIndex = state.log.length - 1;
    }
    lastRequest = message;
    post(message, undo);
  }

  function post(message, undo) {
    hideError();
    setPending(true);
    var controller = window.AbortController ? new AbortController() : null;
    inflight = controller;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS)
      : null;
    var body = JSON.stringify({
      sender: state.sender,
      message: message,
      metadata: { gemeente: state.gemeente, channel: config.channel }
    });
    fetch(config.server + WEBHOOK_PATH, {
      method: 'POST',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body,
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }).then(function (result) {
      if (exited) {
        return;
      }
      setPending(false);
      if (result.status === 200) {
        lastRequest = null;
        handleMessages(result.data);
      } else if (result.status === 429 || result.status === 400) {
        var serverText = Array.isArray(result.data) && result.data[0] &&
          typeof result.data[0].text === 'string' ? result.data[0].text : '';
        undoSend(undo);
        showNotice(serverText || (result.status === 429 ? TEXT.busy : TEXT.badRequest));
        lastRequest = null;
      } else {
        showError();
      }
    }).catch(function () {
      if (exited) {
        return;
      }
      setPending(false);
      showError();
    }).finally(function () {
      if (timer) {
        clearTimeout(timer);
      }
      inflight = null;
    });
  }

  // ---------------------------------------------------------------- error state

  function contactLine(list, label, phone, extra) {
    var li = el('li', 'rr-contact');
    li.appendChild(el('span', 'rr-contact-name', label + ': '));
    if (phone) {
      li.appendChild(makeLink(telHref(phone), phone, false));
    }
    if (extra) {
      li.appendChild(document.createTextNode(' '));
      var span = el('span', 'rr-contact-extra');
      renderRichText(span, extra);
      li.appendChild(span);
    }
    list.appendChild(li);
  }

  function showError() {
    var box = ui.error;
    while (box.firstChild) {
      box.removeChild(box.firstChild);
    }
    box.appendChild(el('p', 'rr-error-title', TEXT.errorTitle));
    box.appendChild(el('p', 'rr-error-body', TEXT.errorBody));
    var list = el('ul', 'rr-contacts');
    var national = (contacts && Array.isArray(contacts.national) && contacts.national.length)
      ? contacts.national : NATIONAL;
    var has113 = false;
    national.forEach(function (c) {
      if (c.id === '113') {
        has113 = true;
        contactLine(list, c.name, '113', '');
        var last = list.lastChild;
        last.appendChild(document.createTextNode(' of '));
        last.appendChild(makeLink(telHref(c.phone), c.phone, false));
        last.appendChild(document.createTextNode(' (gratis, dag en nacht)'));
      } else if (c.id === 'veilig_thuis') {
        contactLine(list, c.name, c.phone, '(gratis, dag en nacht)');
      } else if (c.id === '112') {
        contactLine(list, 'Direct gevaar', c.phone, '');
      } else if (c.phone) {
        contactLine(list, c.name, c.phone, '');
      }
    });
    if (!has113) {
      contactLine(list, '113 Zelfmoordpreventie', '113', 'of 0800-0113');
    }
    var team = contacts && contacts.wijkteam;
    if (team && (team.phone || team.email || team.url)) {
      var li = el('li', 'rr-contact rr-contact-wijkteam');
      li.appendChild(el('span', 'rr-contact-name', (team.name || TEXT.wijkteam) + ': '));
      if (team.phone) {
        li.appendChild(makeLink(telHref(team.phone), String(team.phone), false));
      }
      if (team.email && /^[^\s@<>]+@[^\s@<>]+$/.test(String(team.email))) {
        li.appendChild(document.createTextNode(' · '));
        li.appendChild(makeLink('mailto:' + String(team.email), String(team.email), false));
      }
      if (team.url) {
        var teamUrl = absoluteHttpUrl(String(team.url));
        if (teamUrl) {
          li.appendChild(document.createTextNode(' · '));
          li.appendChild(makeLink(teamUrl.href, String(team.url), true));
        }
      }
      if (team.hours) {
        li.appendChild(el('span', 'rr-contact-hours', TEXT.hours + plain(team.hours)));
      }
      if (team.outside_hours) {
        var outside = el('span', 'rr-contact-hours');
        renderRichText(outside, plain(team.outside_hours));
        li.appendChild(outside);
      }
      list.appendChild(li);
    }
    box.appendChild(list);
    var retry = el('button', 'rr-retry', TEXT.retry);
    retry.type = 'button';
    retry.addEventListener('click', function () {
      hideError();
      if (lastRequest !== null) {
        post(lastRequest);
      } else {
        ui.input.focus();
      }
    });
    box.appendChild(retry);
    box.hidden = false;
    ui.wrapper.setAttribute('data-error', 'true');
    // Show the top of the box: the emergency numbers matter most.
    ui.scroll.scrollTop = Math.max(0, box.offsetTop - 8);
  }

  function plain(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (typeof value === 'string') {
      return value;
    }
    if (Array.isArray(value)) {
      return value.map(plain).join('; ');
    }
    if (typeof value === 'object') {
      return Object.keys(value).map(function (k) { return k + ': ' + plain(value[k]); })
        .join('; ');
    }
    return String(value);
  }

  function hideError() {
    ui.error.hidden = true;
    ui.wrapper.removeAttribute('data-error');
  }

  // ---------------------------------------------------------------- open, close, restart, exit

  var openWhenReady = false;

  function openPanel(userAction) {
    if (!state) {
      // Still looking up the gemeente: open as soon as we know which one.
      openWhenReady = true;
      ui.launcher.setAttribute('aria-busy', 'true');
      return;
    }
    if (!ui.inline) {
      ui.panel.hidden = false;
      ui.bar.hidden = true;
      ui.launcher.setAttribute('aria-expanded', 'true');
    }
    ui.wrapper.setAttribute('data-state', 'open');
    state.open = true;
    saveState();
    scrollToEnd();
    if (userAction) {
      ui.input.focus();
    }
    if (!state.log.length && !pending) {
      focusOptionsNext = Boolean(userAction);
      lastRequest = GREET;
      post(GREET);
    }
  }

  function closePanel() {
    ui.panel.hidden = true;
    ui.bar.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.wrapper.setAttribute('data-state', 'closed');
    state.open = false;
    saveState();
    ui.launcher.focus();
  }

  function restartConversation() {
    if (inflight) {
      inflight.abort();
    }
    setPending(false);
    hideError();
    showNotice('');
    state = freshState(state.gemeente);
    state.open = true;
    host.removeAttribute('data-route');
    saveState();
    document.dispatchEvent(new CustomEvent('relatieroute:restart', {
      detail: { channel: config.channel }
    }));
    renderLog();
    ui.input.value = '';
    ui.input.focus();
    focusOptionsNext = true;
    lastRequest = GREET;
    post(GREET);
  }

  function quickExit() {
    exited = true;
    if (inflight) {
      try {
        inflight.abort();
      } catch (e) { /* already done */ }
    }
    store.clearAll();
    state = null;
    try {
      if (host && host.parentNode) {
        host.parentNode.removeChild(host);
      }
    } catch (e) { /* page is going away anyway */ }
    window.location.replace(config.escapeUrl);
  }

  var lastEscape = 0;
  function onKeydown(event) {
    if (event.key !== 'Escape' && event.key !== 'Esc') {
      return;
    }
    var now = Date.now();
    if (now - lastEscape <= DOUBLE_ESC_MS) {
      lastEscape = 0;
      quickExit();
    } else {
      lastEscape = now;
    }
  }

  // ---------------------------------------------------------------- start

  function start() {
    build();
    if (config.snelweg) {
      document.addEventListener('keydown', onKeydown, true);
    }
    var saved = readJson(stateKey);
    var requested = config.gemeente;
    loadGemeente(requested, true).then(function (info) {
      if (exited) {
        return;
      }
      contacts = info;
      var gemeente = info.id;
      host.setAttribute('data-gemeente', gemeente);
      if (saved && saved.sender && Array.isArray(saved.log) && saved.gemeente === gemeente) {
        state = saved;
      } else {
        state = freshState(gemeente);
        state.open = ui.inline;
      }
      saveState();
      renderLog();
      ui.wrapper.setAttribute('data-state', state.open ? 'open' : 'closed');
      ui.launcher.removeAttribute('aria-busy');
      if (state.open || openWhenReady) {
        openPanel(openWhenReady);
      }
      emitOutcome();
      ui.wrapper.setAttribute('data-ready', 'true');
      host.setAttribute('data-ready', 'true');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
