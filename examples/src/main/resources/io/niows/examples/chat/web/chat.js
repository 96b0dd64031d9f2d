// The niows chat client. Everything from the network is rendered with textContent, never as
// markup, so a name or a message can never become HTML or script.
'use strict';

(() => {
  const RECONNECT_FIRST_MS = 500;
  const RECONNECT_MAX_MS = 15000;
  const ERROR_SHOWN_MS = 6000;
  // A connection that neither opens nor fails in this time (a node that accepts TCP and never
  // answers, or whose host vanished) is given up.
  const OPEN_TIMEOUT_MS = 5000;
  // A node that died holds its members' names until its presence expires in Redis (3 s): a rejoin
  // refused as "name-taken" is tried again this often, this many times, before the page asks.
  const REJOIN_RETRY_MS = 1000;
  const REJOIN_TRIES = 6;

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'), retry: $('retry'),
    join: $('join'), joinForm: $('join-form'), name: $('name'), joinError: $('join-error'),
    room: $('room'), people: $('people'), online: $('online'), onlineCount: $('online-count'),
    messages: $('messages'), sayForm: $('say-form'), message: $('message'),
    send: $('send'), sayError: $('say-error'),
  };

  const state = {
    urls: nodeUrls(), // the WebSocket URLs to try: this page's own server first, then its peers
    next: 0,          // the index in urls of the one to try next
    ws: null,         // the current WebSocket, or null while offline
    name: null,       // the name to join (and rejoin after a reconnect) with
    welcomed: false,  // whether the server welcomed that name once: a refused rejoin is retried
    rejoinTries: 0,   // rejoins refused as "name-taken" on the current connection
    rejoinTimer: null, // the pending rejoin, or null
    joined: false,    // whether the server welcomed us on the current connection
    online: [],       // names of the members, in the order they joined
    attempts: 0,      // failed connection attempts since the last success
    timer: null,      // the pending reconnect, or null
    countdown: null,  // the interval that updates "retry in N s"
    // Texts sent on this connection that the server has not answered yet, oldest first. The
    // server answers each say, to its sender and in order, with exactly one message: the
    // say's own broadcast, or an error (a refusal, such as the rate limit's "slow-down").
    unanswered: [],
    shown: new Map(), // how many times each message (by its key) is on screen
  };

  // ---- connection ------------------------------------------------------------------------

  // The server lists the room's nodes (chat --peers) in a meta tag; without it, only its own.
  function nodeUrls() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const own = `${scheme}//${location.host}/chat`;
    const meta = document.querySelector('meta[name="niows-chat-peers"]');
    const peers = meta ? meta.content.split(/\s+/).filter((url) => url !== '') : [];
    return [own, ...peers.filter((url) => url !== own)];
  }

  function connect() {
    clearTimers();
    setStatus('connecting', 'Connecting…');
    const url = state.urls[state.next];
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (e) {
      // A malformed URL throws, and so did older browsers for a URL the page's policy blocks.
      console.warn(`cannot connect to ${url}: ${e}`);
      state.ws = null;
      nextNode();
      return;
    }
    state.ws = ws;
    const opening = setTimeout(() => {
      if (ws.readyState === WebSocket.CONNECTING) {
        ws.close();
        lost(ws);
      }
    }, OPEN_TIMEOUT_MS);
    ws.addEventListener('open', () => {
      clearTimeout(opening);
      // What the handshake agreed (permessage-deflate with niows) and where: for curious readers and tests.
      document.documentElement.dataset.wsExtensions = ws.extensions;
      document.documentElement.dataset.wsUrl = ws.url;
      state.attempts = 0;
      state.rejoinTries = 0;
      setStatus('online', 'Connected');
      if (state.name) {
        send({ type: 'join', name: state.name });
      }
      updateControls();
    });
    ws.addEventListener('message', (event) => receive(event.data));
    // A connection ends with "close", usually after "error"; but one that the page's
    // Content-Security-Policy blocks gets "error" alone in Chromium. Either ends it, once.
    ws.addEventListener('error', () => { clearTimeout(opening); lost(ws); });
    ws.addEventListener('close', () => { clearTimeout(opening); lost(ws); });
  }

  function lost(ws) {
    if (state.ws !== ws) {
      return;
    }
    state.ws = null;
    clearTimeout(state.rejoinTimer);
    state.rejoinTimer = null;
    if (state.joined) {
      addNotice('Connection lost', Date.now(), 'lost');
    }
    state.joined = false;
    if (state.unanswered.length > 0) {
      putBack(state.unanswered);
      showSayError('The connection dropped before the server answered; what you sent is back in the box.');
    }
    state.unanswered = [];
    updateControls();
    nextNode();
  }

  // Each failure moves on to the next node of the list (with one node, the same one again).
  function nextNode() {
    state.next = (state.next + 1) % state.urls.length;
    scheduleReconnect();
  }

  // Exponential backoff with jitter, capped, so a restarting server is not stampeded.
  function scheduleReconnect() {
    const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** state.attempts);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    state.attempts += 1;
    const due = Date.now() + delay;
    const show = () => {
      const seconds = Math.max(1, Math.ceil((due - Date.now()) / 1000));
      setStatus('offline', `Offline · retry in ${seconds} s`);
    };
    show();
    state.countdown = setInterval(show, 1000);
    state.timer = setTimeout(connect, delay);
    ui.retry.hidden = false;
  }

  function clearTimers() {
    clearTimeout(state.timer);
    clearInterval(state.countdown);
    state.timer = null;
    state.countdown = null;
    ui.retry.hidden = true;
  }

  function send(message) {
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) {
      return false;
    }
    state.ws.send(JSON.stringify(message));
    return true;
  }

  function setStatus(kind, text) {
    ui.status.dataset.state = kind;
    ui.status.textContent = text;
  }

  // ---- messages from the server ----------------------------------------------------------

  function receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (!message || typeof message.type !== 'string') {
      return;
    }
    switch (message.type) {
      case 'welcome': onWelcome(message); break;
      case 'joined': onJoined(message); break;
      case 'left': onLeft(message); break;
      case 'message': onMessage(message); break;
      case 'error': onError(message); break;
      default: break;
    }
  }

  // After a reconnect the conversation stays on screen, and of the history only the messages not
  // on screen yet are added: those said while this page was offline (a restarted server has
  // lost the older ones, so it sends only what it heard since).
  function onWelcome(message) {
    const rejoin = ui.messages.childElementCount > 0;
    state.joined = true;
    state.welcomed = true;
    state.unanswered = [];
    state.name = String(message.name);
    state.online = Array.isArray(message.online) ? message.online.map(String) : [state.name];
    addMissed(Array.isArray(message.history) ? message.history : []);
    if (rejoin) {
      addNotice(`Reconnected as ${state.name}`, Date.now(), 'back');
    } else {
      addNotice(`You joined as ${state.name}`);
    }
    ui.join.hidden = true;
    ui.room.hidden = false;
    ui.joinError.textContent = '';
    renderOnline();
    updateControls();
    ui.message.focus();
  }

  function onJoined(message) {
    const name = String(message.name);
    if (!state.online.includes(name)) {
      state.online.push(name);
    }
    renderOnline();
    addNotice(`${name} joined`, message.time);
  }

  function onLeft(message) {
    const name = String(message.name);
    state.online = state.online.filter((n) => n !== name);
    renderOnline();
    addNotice(`${name} left`, message.time);
  }

  function onMessage(message) {
    if (message.name === state.name && state.unanswered.length > 0) {
      state.unanswered.shift();
    }
    addMessage(message);
  }

  function onError(message) {
    const text = String(message.text || 'The server refused that.');
    if (!state.joined && state.welcomed && message.code === 'name-taken' && state.rejoinTries < REJOIN_TRIES) {
      state.rejoinTries += 1;
      state.rejoinTimer = setTimeout(() => send({ type: 'join', name: state.name }), REJOIN_RETRY_MS);
      return;
    }
    if (!state.joined) {
      state.name = null;
      state.welcomed = false;
      ui.room.hidden = true;
      ui.join.hidden = false;
      ui.joinError.textContent = text;
      ui.name.focus();
      return;
    }
    const refused = state.unanswered.shift();
    if (refused !== undefined) {
      putBack([refused]);
    }
    showSayError(text);
  }

  // ---- rendering (textContent only) ------------------------------------------------------

  function addMissed(history) {
    const onScreen = new Map(state.shown);
    for (const message of history) {
      const key = keyOf(message);
      const count = onScreen.get(key) || 0;
      if (count > 0) {
        onScreen.set(key, count - 1);
      } else {
        addMessage(message);
      }
    }
  }

  // Names are unique in the room and times are in milliseconds: two messages with the same key
  // are the same message, unless one person said the same text twice within a millisecond.
  function keyOf(message) {
    return JSON.stringify([message.time, message.name, message.text]);
  }

  function addMessage(message) {
    if (typeof message.name !== 'string' || typeof message.text !== 'string') {
      return;
    }
    const key = keyOf(message);
    state.shown.set(key, (state.shown.get(key) || 0) + 1);
    const item = element('li', message.name === state.name ? 'message mine' : 'message');
    const meta = item.appendChild(element('div', 'meta'));
    const who = meta.appendChild(element('span', 'who', message.name));
    who.style.color = colorOf(message.name);
    meta.appendChild(timeElement(message.time));
    item.appendChild(element('div', 'text', message.text));
    append(item, message.name === state.name);
  }

  function addNotice(text, time, kind) {
    const item = element('li', kind ? `notice ${kind}` : 'notice', text);
    if (typeof time === 'number') {
      item.append(' · ', timeElement(time));
    }
    append(item, false);
  }

  function append(item, forceScroll) {
    const follow = nearBottom() || forceScroll;
    ui.messages.appendChild(item);
    if (follow) {
      ui.messages.scrollTop = ui.messages.scrollHeight;
    }
  }

  function nearBottom() {
    const list = ui.messages;
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  function renderOnline() {
    ui.online.replaceChildren(...state.online.map((name) =>
      element('li', name === state.name ? 'me' : '', name)));
    ui.onlineCount.textContent = String(state.online.length);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function timeElement(millis) {
    const when = new Date(typeof millis === 'number' ? millis : Date.now());
    const node = element('time', '', when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    node.dateTime = when.toISOString();
    node.title = when.toLocaleString();
    return node;
  }

  // A stable, readable color per name, so that a conversation is easy to follow.
  function colorOf(name) {
    let hash = 0;
    for (const ch of name) {
      hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
    }
    return `hsl(${hash % 360} 60% 35%)`;
  }

  let sayErrorTimer = null;
  function showSayError(text) {
    ui.sayError.textContent = text;
    clearTimeout(sayErrorTimer);
    sayErrorTimer = setTimeout(() => { ui.sayError.textContent = ''; }, ERROR_SHOWN_MS);
  }

  function updateControls() {
    const ready = state.joined && state.ws !== null && state.ws.readyState === WebSocket.OPEN;
    ui.send.disabled = !ready;
    // Offline, the list shows who was online when the connection was lost: greyed, as stale.
    ui.people.classList.toggle('offline', !ready);
  }

  // Texts the server did not take go back into the box, a line each, after what it holds.
  function putBack(texts) {
    ui.message.value = [ui.message.value, ...texts].filter((text) => text.trim() !== '').join('\n');
    autosize();
  }

  // ---- user actions ----------------------------------------------------------------------

  ui.joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = ui.name.value.trim();
    if (!name) {
      ui.joinError.textContent = 'Choose a name.';
      return;
    }
    state.name = name;
    ui.joinError.textContent = '';
    if (!send({ type: 'join', name })) {
      ui.joinError.textContent = 'Not connected yet; you will join as soon as the connection is back.';
    }
  });

  ui.sayForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = ui.message.value.trim();
    if (!text) {
      return;
    }
    if (state.joined && send({ type: 'say', text })) {
      state.unanswered.push(text);
      ui.message.value = '';
      autosize();
    } else {
      showSayError('Not connected; your message was not sent.');
    }
  });

  ui.message.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.sayForm.requestSubmit();
    }
  });

  // A box that grows takes height from the messages: keep the newest in view if it was.
  function autosize() {
    const follow = nearBottom();
    ui.message.style.height = 'auto';
    ui.message.style.height = `${ui.message.scrollHeight + 2}px`;
    if (follow) {
      ui.messages.scrollTop = ui.messages.scrollHeight;
    }
  }
  ui.message.addEventListener('input', autosize);

  ui.retry.addEventListener('click', () => {
    state.attempts = 0;
    connect();
  });

  connect();
})();
