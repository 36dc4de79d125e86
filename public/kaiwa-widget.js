/*! Kaiwa web chat widget. Embed: <script src="https://<kaiwa>/kaiwa-widget.js" data-kaiwa-key="<public key>" async></script>
 * Optional: data-kaiwa-title="Shop name", data-kaiwa-color="#0f766e", data-kaiwa-ref="spring_sale". A page
 * opened from an entry point's link (?kaiwa_ref=<ref>) passes that ref on. No dependencies; styles live
 * in a Shadow DOM so the host page and the widget cannot restyle each other. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-kaiwa-key]");
  var key = script && script.getAttribute("data-kaiwa-key");
  if (!key) return void console.warn("Kaiwa widget: the <script> tag needs a data-kaiwa-key attribute");
  var registry = (window.KaiwaWidget = window.KaiwaWidget || { instances: {}, destroy: function (k) { var w = this.instances[k]; if (w) w.destroy(); } });
  if (registry.instances[key]) return;

  var api = new URL(script.src, location.href).origin + "/api/webchat/" + encodeURIComponent(key);
  var colorAttr = script.getAttribute("data-kaiwa-color");
  var color = colorAttr && window.CSS && CSS.supports("color", colorAttr) ? colorAttr : "#0f766e";
  var titleAttr = script.getAttribute("data-kaiwa-title");
  var storeKey = "kaiwa-webchat:" + key;
  // Sent with the first message of this page view: it attributes the visitor and opens its flow.
  var entryRef = new URLSearchParams(location.search).get("kaiwa_ref") || script.getAttribute("data-kaiwa-ref");
  if (entryRef && !/^[A-Za-z0-9_-]{1,64}$/.test(entryRef)) entryRef = null;
  var URL_RE = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

  var state = { hint: null, visitor: null, cursor: 0, started: null, source: null, retry: 0, retryTimer: 0, typingTimer: 0, open: false, unread: 0, destroyed: false };

  // ---- DOM ------------------------------------------------------------------------------------
  var host = document.createElement("div");
  host.setAttribute("data-kaiwa-widget", key);
  var root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    "<style>" +
    ":host{all:initial}*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Hiragino Sans','Noto Sans JP',sans-serif}" +
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;background:var(--k);color:#fff;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}" +
    ".launcher:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #2563eb;outline-offset:2px}" +
    ".badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;line-height:20px;text-align:center;padding:0 5px}" +
    ".panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:360px;max-width:calc(100vw - 24px);height:520px;max-height:calc(100vh - 110px);background:#fff;color:#0f172a;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden;font-size:14px;line-height:1.4}" +
    ".panel[hidden]{display:none}" +
    "header{background:var(--k);color:#fff;padding:12px 14px;display:flex;align-items:center;justify-content:space-between;font-weight:600;font-size:15px}" +
    "header button{background:transparent;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:2px 6px;border-radius:6px}" +
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f8fafc}" +
    ".msg{max-width:82%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}" +
    ".bot{align-self:flex-start;background:#fff;border:1px solid #e2e8f0;border-bottom-left-radius:4px}" +
    ".visitor{align-self:flex-end;background:var(--k);color:#fff;border-bottom-right-radius:4px}" +
    ".visitor a{color:#fff}.pending{opacity:.65}.failed{background:#fee2e2;color:#991b1b;cursor:pointer}" +
    ".msg img{display:block;max-width:100%;border-radius:8px;margin-bottom:4px}" +
    ".choices{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start;max-width:90%}" +
    ".choices button{border:1px solid var(--k);color:var(--k);background:#fff;border-radius:16px;padding:6px 12px;font-size:13px;cursor:pointer}" +
    ".choices button:disabled{opacity:.5;cursor:default}.choices button.chosen{background:var(--k);color:#fff;opacity:.8}" +
    ".note{align-self:center;color:#64748b;font-size:12px;text-align:center}" +
    ".typing{align-self:flex-start;color:#64748b;font-size:12px;padding:2px 4px}" +
    "form{display:flex;gap:8px;padding:10px;border-top:1px solid #e2e8f0;background:#fff}" +
    "input{flex:1;min-width:0;border:1px solid #cbd5e1;border-radius:18px;padding:8px 12px;font-size:14px;color:#0f172a;background:#fff}" +
    "form button{border:0;border-radius:18px;background:var(--k);color:#fff;padding:0 14px;font-weight:600;cursor:pointer}" +
    "form button:disabled{opacity:.5;cursor:default}" +
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}" +
    "@media (max-width:480px){.panel{right:12px;bottom:84px;height:calc(100vh - 100px)}}" +
    "</style>" +
    '<button class="launcher" type="button" data-testid="kaiwa-launcher" aria-expanded="false" aria-controls="kaiwa-panel">' +
    '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg></button>' +
    '<section class="panel" id="kaiwa-panel" data-testid="kaiwa-panel" role="dialog" aria-modal="false" hidden>' +
    '<header><span class="title"></span><button type="button" class="close" aria-label="Close chat">×</button></header>' +
    '<div class="log" role="log" aria-live="polite" aria-relevant="additions"></div>' +
    '<div class="sr" aria-live="assertive"></div>' +
    '<form><input type="text" data-testid="kaiwa-input" aria-label="Type your message" placeholder="Type a message…" maxlength="4000" autocomplete="off">' +
    '<button type="submit" data-testid="kaiwa-send">Send</button></form></section>';
  host.style.setProperty("--k", color);
  var $ = function (selector) { return root.querySelector(selector); };
  var launcher = $(".launcher"), panel = $(".panel"), log = $(".log"), input = $("input"), form = $("form"), alert = $(".sr");
  var setTitle = function (text) { $(".title").textContent = text; panel.setAttribute("aria-label", text + " chat"); };
  setTitle(titleAttr || "Chat");
  setLauncherLabel();
  (document.body || document.documentElement).appendChild(host);

  function setLauncherLabel() {
    var label = (state.open ? "Close chat" : "Open chat") + (state.unread ? " (" + state.unread + " new)" : "");
    launcher.setAttribute("aria-label", label);
    launcher.setAttribute("aria-expanded", String(state.open));
    var badge = launcher.querySelector(".badge");
    if (state.unread && !state.open) {
      if (!badge) launcher.appendChild((badge = el("span", "badge")));
      badge.textContent = String(state.unread);
    } else if (badge) badge.remove();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // Text as text nodes (never HTML), URLs as links that open elsewhere.
  function fillText(node, text) {
    var last = 0, match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text))) {
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      var link = el("a", "", match[0]);
      link.href = match[0];
      link.target = "_blank";
      link.rel = "noopener noreferrer nofollow";
      node.appendChild(link);
      last = match.index + match[0].length;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function note(text) {
    var node = el("div", "note", text);
    log.appendChild(node);
    scrollDown();
    return node;
  }

  function addMessage(message) {
    var from = message.from === "bot" ? "bot" : "visitor";
    var bubble = el("div", "msg " + from);
    bubble.setAttribute("data-testid", "kaiwa-message");
    bubble.setAttribute("data-from", from);
    if (message.media && /^https?:/.test(message.media.url)) {
      if (message.media.kind === "image") {
        var img = el("img");
        img.src = message.media.url;
        img.alt = message.text || "Image";
        bubble.appendChild(img);
      } else fillText(bubble, message.media.filename ? message.media.filename + ": " + message.media.url + "\n" : message.media.url + "\n");
    }
    fillText(bubble, message.text || "");
    log.appendChild(bubble);
    if (from === "bot" && message.buttons && message.buttons.length) addChoices(message.buttons);
    scrollDown();
    return bubble;
  }

  function addChoices(buttons) {
    var group = el("div", "choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Choose an answer");
    buttons.forEach(function (choice) {
      var button = el("button", "", choice.label);
      button.type = "button";
      button.setAttribute("data-testid", "kaiwa-button");
      button.addEventListener("click", function () {
        button.classList.add("chosen");
        disableChoices();
        send(choice.label, choice.payload);
        input.focus();
      });
      group.appendChild(button);
    });
    log.appendChild(group);
  }

  // Once the visitor has answered (a tap or typing), earlier options no longer apply.
  function disableChoices() {
    root.querySelectorAll(".choices button").forEach(function (button) { button.disabled = true; });
  }

  function showTyping(on) {
    clearTimeout(state.typingTimer);
    var node = $(".typing");
    if (!on) return node && node.remove();
    if (!node) log.appendChild((node = el("div", "typing", "…")));
    node.setAttribute("aria-hidden", "true");
    log.appendChild(node);
    scrollDown();
    state.typingTimer = setTimeout(function () { showTyping(false); }, 8000);
  }

  // ---- storage and HTTP -------------------------------------------------------------------------
  function load() { try { return JSON.parse(localStorage.getItem(storeKey) || "null"); } catch { return null; } }
  function save(value) { try { localStorage.setItem(storeKey, JSON.stringify(value)); } catch { /* private mode: this page only */ } }
  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }
  function randomId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function query() { return "visitorId=" + encodeURIComponent(state.visitor.visitorId) + "&token=" + encodeURIComponent(state.visitor.token); }

  // JSON as text/plain: a "simple" cross-origin request, so no preflight per message.
  function post(path, body) {
    return fetch(api + path, { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8" }, body: JSON.stringify(body), credentials: "omit" });
  }

  async function session() {
    var response = await post("/session", load() || {});
    if (!response.ok) throw new Error("session " + response.status);
    var data = await response.json();
    state.visitor = { visitorId: data.visitorId, token: data.token };
    save(state.visitor);
    if (!titleAttr && data.title) setTitle(data.title);
    return data;
  }

  // Session, then the conversation so far, then live replies. Retried from the start on failure.
  function start() {
    if (!state.started) {
      state.started = (async function () {
        var data = await session();
        var history = await fetchHistory();
        if (history.messages.length === 0 && data.greeting) addMessage({ from: "bot", text: data.greeting });
        else if (history.messages.length === 0) state.hint = note("Say hello to start the conversation.");
        history.messages.forEach(function (m) {
          if (m.from === "visitor") disableChoices();
          addMessage(m);
        });
        state.cursor = Math.max(state.cursor, history.cursor || 0);
        connect();
      })().catch(function () {
        state.started = null;
        note("Chat is unavailable right now. Please try again in a moment.");
      });
    }
    return state.started;
  }

  async function fetchHistory() {
    var response = await fetch(api + "/history?" + query(), { credentials: "omit" });
    if (response.status === 403) {
      // The stored token no longer opens this conversation (a new server key): start afresh.
      save(null);
      await session();
      return fetchHistory();
    }
    if (!response.ok) throw new Error("history " + response.status);
    return response.json();
  }

  function onBotMessage(message) {
    if (message.cursor && message.cursor <= state.cursor) return;
    state.cursor = Math.max(state.cursor, message.cursor || 0);
    showTyping(false);
    addMessage(message);
    if (!state.open) {
      state.unread += 1;
      setLauncherLabel();
    }
  }

  function connect() {
    if (state.destroyed) return;
    var source = new EventSource(api + "/stream?" + query() + "&after=" + state.cursor);
    state.source = source;
    source.addEventListener("open", function () { state.retry = 0; });
    source.addEventListener("message", function (event) {
      try { onBotMessage(JSON.parse(event.data)); } catch { /* a malformed event is skipped */ }
    });
    source.addEventListener("error", function () {
      // Reconnect ourselves with backoff (1 s … 30 s), catching up from history first.
      source.close();
      if (state.source !== source || state.destroyed) return;
      state.source = null;
      var delay = Math.min(30000, 1000 * Math.pow(2, state.retry++));
      state.retryTimer = setTimeout(function () {
        fetchHistory().then(function (history) {
          history.messages.forEach(function (m) { if (m.from === "bot") onBotMessage(m); });
          connect();
        }, connect);
      }, delay);
    });
  }

  async function send(text, payload) {
    text = text.trim();
    if (!text && !payload) return;
    if (state.hint) state.hint.remove();
    disableChoices();
    var bubble = addMessage({ from: "visitor", text: text });
    bubble.classList.add("pending");
    var body = { visitorId: "", token: "", text: text, clientMessageId: randomId() };
    if (payload) body.payload = payload;
    if (entryRef) body.ref = entryRef;
    var cursorBefore = state.cursor;
    try {
      await start();
      if (!state.visitor) throw new Error("no session");
      for (var attempt = 0; ; attempt++) {
        body.visitorId = state.visitor.visitorId;
        body.token = state.visitor.token;
        var response = await post("/messages", body).catch(function () { return null; });
        if (response && response.ok) break;
        if (response && response.status === 429) {
          alert.textContent = "You're sending messages quickly. Waiting a moment…";
          await sleep(1000 * Number(response.headers.get("retry-after") || 3));
          continue;
        }
        // The same clientMessageId on every retry: the server stores the message once.
        if (attempt >= 3 || (response && response.status < 500)) throw new Error("send failed");
        await sleep(1000 * Math.pow(2, attempt));
      }
      bubble.classList.remove("pending");
      if (body.ref) entryRef = null;
      if (state.cursor === cursorBefore) showTyping(true);
    } catch {
      bubble.classList.remove("pending");
      bubble.classList.add("failed");
      bubble.title = "Not sent. Click to try again.";
      bubble.appendChild(el("span", "sr", " (not sent, click to try again)"));
      alert.textContent = "Your message was not sent.";
      bubble.addEventListener("click", function () { bubble.remove(); send(text, payload); }, { once: true });
    }
  }

  // ---- interaction ----------------------------------------------------------------------------
  function setOpen(open) {
    state.open = open;
    panel.hidden = !open;
    if (open) {
      state.unread = 0;
      start();
      input.focus();
      scrollDown();
    } else launcher.focus();
    setLauncherLabel();
  }

  launcher.addEventListener("click", function () { setOpen(!state.open); });
  $(".close").addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") setOpen(false); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send(text);
  });

  registry.instances[key] = {
    open: function () { setOpen(true); },
    close: function () { setOpen(false); },
    destroy: function () {
      state.destroyed = true;
      clearTimeout(state.retryTimer);
      if (state.source) state.source.close();
      host.remove();
      delete registry.instances[key];
    },
  };
})();
