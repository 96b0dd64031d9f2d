// The niows chat client. Everything from the network is rendered with textContent, never as
// markup, so a name or a message can never become HTML or script.
'use strict';

(() => {
  const RECONNECT_FIRST_MS = 500;
  const RECONNECT_MAX_MS = 15000;
  const ERROR_SHOWN_MS = 6000;

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('status'), retry: $('retry'),
    join: $('join'), joinForm: $('join-form'), name: $('name'), joinError: $('join-error'),
    room: $('room'), online: $('online'), onlineCount: $('online-count'),
    messages: $('messages'), sayForm: $('say-form'), message: $('message'),
    send: $('send'), sayError: $('say-error'),
  };

  const state = {
    ws: null,         // the current WebSocket, or null while offline
    name: null,       // the name to join (and rejoin after a reconnect) with
    joined: false,    // whether the server welcomed us on the current connection
    online: [],       // names of the members, in the order they joined
    attempts: 0,      // failed connection attempts since the last success
    timer: null,      // the pending reconnect, or null
    countdown: null,  // the interval that updates "reconnecting in N s"
  };

  // ---- connection ------------------------------------------------------------------------

  function connect() {
    clearTimers();
    setStatus('connecting', 'Connecting…');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}/chat`);
    state.ws = ws;
    ws.addEventListener('open', () => {
      state.attempts = 0;
      setStatus('online', 'Connected');
      if (state.name) {
        send({ type: 'join', name: state.name });
      }
      updateControls();
    });
    ws.addEventListener('message', (event) => receive(event.data));
    ws.addEventListener('close', () => {
      if (state.ws !== ws) {
        return;
      }
      state.ws = null;
      state.joined = false;
      updateControls();
      scheduleReconnect();
    });
  }

  // Exponential backoff with jitter, capped, so a restarting server is not stampeded.
  function scheduleReconnect() {
    const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** state.attempts);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    state.attempts += 1;
    const due = Date.now() + delay;
    const show = () => {
      const seconds = Math.max(1, Math.ceil((due - Date.now()) / 1000));
      setStatus('offline', `Offline — reconnecting in ${seconds} s`);
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
      case 'message': addMessage(message); break;
      case 'error': onError(message); break;
      default: break;
    }
  }

  function onWelcome(message) {
    const rejoin = ui.messages.childElementCount > 0;
    state.joined = true;
    state.name = String(message.name);
    state.online = Array.isArray(message.online) ? message.online.map(String) : [state.name];
    ui.messages.replaceChildren();
    (Array.isArray(message.history) ? message.history : []).forEach(addMessage);
    addNotice(rejoin ? `Reconnected as ${state.name}` : `You joined as ${state.name}`);
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

  function onError(message) {
    const text = String(message.text || 'The server refused that.');
    if (!state.joined) {
      state.name = null;
      ui.room.hidden = true;
      ui.join.hidden = false;
      ui.joinError.textContent = text;
      ui.name.focus();
      return;
    }
    showSayError(text);
  }

  // ---- rendering (textContent only) ------------------------------------------------------

  function addMessage(message) {
    if (typeof message.name !== 'string' || typeof message.text !== 'string') {
      return;
    }
    const item = element('li', message.name === state.name ? 'message mine' : 'message');
    const meta = item.appendChild(element('div', 'meta'));
    const who = meta.appendChild(element('span', 'who', message.name));
    who.style.color = colorOf(message.name);
    meta.appendChild(timeElement(message.time));
    item.appendChild(element('div', 'text', message.text));
    append(item, message.name === state.name);
  }

  function addNotice(text, time) {
    const item = element('li', 'notice', text);
    if (typeof time === 'number') {
      item.append(' · ', timeElement(time));
    }
    append(item, false);
  }

  function append(item, forceScroll) {
    const list = ui.messages;
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    list.appendChild(item);
    if (nearBottom || forceScroll) {
      list.scrollTop = list.scrollHeight;
    }
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

  function autosize() {
    ui.message.style.height = 'auto';
    ui.message.style.height = `${ui.message.scrollHeight + 2}px`;
  }
  ui.message.addEventListener('input', autosize);

  ui.retry.addEventListener('click', () => {
    state.attempts = 0;
    connect();
  });

  connect();
})();
