"use strict";
// The operator console. Every piece of data shown comes from the operator API and is put into the page as text
// (textContent / text nodes, never HTML); the key lives in this tab's sessionStorage only. Where operators sign in with
// Entra ID (body data-auth="entra-id"), there is no key: the platform's sign-in cookie goes with each call, and the
// signed-in name (data-operator) is shown, never typed.
(() => {
  const signedIn = document.body.dataset.auth === "entra-id";
  const keyItem = "payments.operatorKey";
  const operatorItem = "payments.operatorName";
  // The API sits next to the page: /api/ops/console → /api/ops/attention, whatever the host's route prefix.
  const base = location.pathname.replace(/\/console\/?$/, "/");
  const $ = (id) => document.getElementById(id);
  const state = { attention: null, webhooks: null };

  class ProblemError extends Error {
    constructor(status, problem) {
      super(problem && typeof problem.title === "string" ? problem.title : "HTTP " + status);
      this.status = status;
      this.problem = problem && typeof problem === "object" ? problem : {};
    }
  }

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) { continue; }
      if (name === "dataset") { Object.assign(node.dataset, value); }
      else if (name === "on") { for (const [event, handler] of Object.entries(value)) { node.addEventListener(event, handler); } }
      else { node.setAttribute(name, value === true ? "" : String(value)); }
    }
    for (const child of children) {
      if (child !== undefined && child !== null) { node.append(child instanceof Node ? child : String(child)); }
    }
    return node;
  }

  const text = (value) => (value === undefined || value === null || value === "" ? "–" : String(value));

  function key() { return sessionStorage.getItem(keyItem) || ""; }

  function operatorName() { return signedIn ? "" : $("operator-name").value.trim(); }

  /** Where operators sign in: who is signed in (with a sign-out link), or the sign-in link. */
  function showSignIn() {
    for (const id of ["key-form", "key-hint", "operator-line"]) { $(id).hidden = true; }
    const who = document.body.dataset.operator || "";
    $("signin").replaceChildren(...(who
      ? ["Signed in as ", el("span", { id: "signed-in-name" }, who), " · ",
        el("a", { href: "/.auth/logout?post_logout_redirect_uri=" + encodeURIComponent(location.pathname) }, "Sign out")]
      : [el("a", { id: "sign-in", href: document.body.dataset.signIn || "/.auth/login/aad" }, "Sign in with Microsoft Entra ID")]));
    $("signin").hidden = false;
  }

  /** Whether calls can be made: a key pasted, or signed in. */
  function ready() { return signedIn ? (document.body.dataset.operator || "") !== "" : key() !== ""; }

  /** The optional body of replay and enable: who did it, when a name is given. */
  function operatorNote(note) {
    const name = operatorName();
    return name ? { operator: name, note } : undefined;
  }

  function showKeyState() {
    const keyed = key() !== "";
    document.body.dataset.keyed = keyed ? "yes" : "no";
    $("key-state").textContent = keyed ? "Key set for this tab." : "No key yet.";
  }

  async function call(method, path, body) {
    const operatorKey = key();
    if (!signedIn && !operatorKey) {
      throw new ProblemError(0, { title: "No operator key", detail: "Paste the operator key above first." });
    }

    const headers = { "accept": "application/json, application/problem+json" };
    if (!signedIn) { headers["x-functions-key"] = operatorKey; }
    const credentials = signedIn ? "same-origin" : "omit";
    const init = { method, headers, cache: "no-store", credentials, redirect: "error" };
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }

    let response;
    try {
      response = await fetch(base + path, init);
    } catch (error) {
      throw new ProblemError(0, { title: "The service did not answer", detail: String(error && error.message || error) });
    }

    const raw = await response.text();
    let json = null;
    if (raw) {
      try { json = JSON.parse(raw); } catch { json = null; }
    }

    if (!response.ok) {
      throw new ProblemError(response.status, json || { title: response.statusText || "HTTP " + response.status, detail: raw.slice(0, 500) });
    }

    return { status: response.status, json };
  }

  function clearMessages() {
    $("problem").hidden = true;
    $("problem").replaceChildren();
    $("notice").hidden = true;
    $("notice").replaceChildren();
  }

  function notice(message) {
    $("notice").replaceChildren(message);
    $("notice").hidden = false;
  }

  /** A problem+json answer: its title and status, its detail, and each invalid field with its messages. */
  function showProblem(action, error) {
    const box = $("problem");
    const problem = error instanceof ProblemError ? error.problem : { title: String(error && error.message || error) };
    const status = error instanceof ProblemError && error.status ? " (" + error.status + ")" : "";
    box.replaceChildren(el("strong", { class: "problem-title" }, action + " failed: " + text(problem.title) + status));
    if (typeof problem.detail === "string" && problem.detail) {
      box.append(el("p", { class: "problem-detail" }, problem.detail));
    }

    if (problem.errors && typeof problem.errors === "object") {
      const list = el("ul", { class: "problem-errors" });
      for (const [field, messages] of Object.entries(problem.errors)) {
        const said = Array.isArray(messages) ? messages.map(String).join(" ") : String(messages);
        list.append(el("li", { dataset: { field } }, el("code", null, field), ": " + said));
      }
      box.append(list);
    }

    if (error instanceof ProblemError && (error.status === 401 || error.status === 403)) {
      box.append(el("p", null, !signedIn ? "The key was not accepted: paste an operator key."
        : error.status === 403 ? "Your account does not hold the Payments.Operator role: ask for it to be assigned."
        : "Your sign-in was not accepted: sign in again."));
    }

    box.hidden = false;
  }

  /** Runs one operator action: messages cleared first, any failure shown as a problem. */
  async function run(action, work) {
    clearMessages();
    document.body.dataset.busy = "yes";
    try {
      await work();
    } catch (error) {
      showProblem(action, error);
    } finally {
      delete document.body.dataset.busy;
    }
  }

  function amount(item) {
    return item.amount === undefined || item.amount === null ? "–" : String(item.amount) + (item.currency ? " " + item.currency : "");
  }

  /** A time as UTC to the second, the exact value kept in the cell's title. */
  function time(value) {
    const parsed = typeof value === "string" ? new Date(value) : null;
    const shown = parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 19).replace("T", " ") + " UTC" : text(value);
    return el("td", { class: "mono time", title: typeof value === "string" ? value : null }, shown);
  }

  function statusBadge(status) {
    return el("span", { class: "status", dataset: { status: status || "" } }, text(status));
  }

  // ---- Needs attention ----

  function resolveForm(orderId) {
    const decision = el("select", { name: "decision", required: true },
      el("option", { value: "" }, "Decision…"), el("option", { value: "Succeeded" }, "Succeeded"), el("option", { value: "Failed" }, "Failed"));
    const evidence = el("select", { name: "evidence", required: true },
      el("option", { value: "" }, "Evidence…"),
      el("option", { value: "provider-answer" }, "provider-answer"),
      el("option", { value: "manual-override" }, "manual-override"));
    const operator = operatorInput();
    const note = el("textarea", { name: "note", placeholder: "why (ticket, provider's answer…)" });
    const form = el("form", { class: "resolve-form" },
      el("label", null, "Decision ", decision), el("label", null, "Evidence ", evidence),
      signedIn ? null : el("label", null, "Operator ", operator), el("label", null, "Note ", note),
      el("button", { type: "submit", class: "resolve-submit" }, "Resolve " + orderId));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run("Resolve " + orderId, async () => {
        const body = { decision: decision.value, operator: operator.value.trim() || undefined, note: note.value.trim(), evidence: evidence.value };
        if (body.operator && !operatorName()) {
          $("operator-name").value = body.operator;
          sessionStorage.setItem(operatorItem, body.operator);
        }
        const { json } = await call("POST", "orders/" + encodeURIComponent(orderId) + "/resolution", body);
        await loadAttention(false);
        notice("Order " + orderId + " resolved: now " + text(json && json.status) + ".");
      });
    });
    return el("details", { class: "resolve" }, el("summary", null, "Resolve…"), form);
  }

  /** A final order flagged for a person (late or contradicted success…): it keeps its status; acknowledging takes it off the list. */
  function acknowledgeForm(orderId) {
    const operator = operatorInput();
    const note = el("textarea", { name: "note", required: true, placeholder: "what you found or did (refund, provider's answer…)" });
    const form = el("form", { class: "acknowledge-form" },
      signedIn ? null : el("label", null, "Operator ", operator), el("label", null, "Note ", note),
      el("button", { type: "submit", class: "acknowledge-submit" }, "Acknowledge " + orderId));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run("Acknowledge " + orderId, async () => {
        const body = { operator: operator.value.trim() || undefined, note: note.value.trim() };
        if (body.operator && !operatorName()) {
          $("operator-name").value = body.operator;
          sessionStorage.setItem(operatorItem, body.operator);
        }
        const { json } = await call("POST", "orders/" + encodeURIComponent(orderId) + "/acknowledgement", body);
        await loadAttention(false);
        notice("Order " + orderId + " acknowledged: stays " + text(json && json.status) + ".");
      });
    });
    return el("details", { class: "acknowledge" }, el("summary", null, "Acknowledge…"), form);
  }

  /** The typed operator name of a form (operator keys only: a signed-in operator's own name is recorded). */
  function operatorInput() {
    const operator = el("input", { name: "operator", required: !signedIn, placeholder: "your name", autocomplete: "off", spellcheck: "false" });
    operator.value = operatorName();
    return operator;
  }

  const finalStatuses = ["Succeeded", "Failed", "Rejected", "Canceled"];

  function attentionRow(item) {
    const orderId = typeof item.orderId === "string" ? item.orderId : null;
    const needsReview = item.category === "needs-review";
    const action = !orderId || !needsReview ? ""
      : item.status === "NeedsReview" ? resolveForm(orderId)
      : finalStatuses.includes(item.status) ? acknowledgeForm(orderId) : "";
    return el("tr", { class: "item", dataset: { orderId: orderId || "", category: text(item.category) } },
      el("td", { class: "mono order-id" }, text(orderId)),
      el("td", null, text(item.provider)),
      el("td", null, statusBadge(item.status)),
      el("td", { class: "reason" }, text(item.reason)),
      time(item.since),
      el("td", null, amount(item)),
      el("td", { class: "detail" }, text(item.detail)),
      el("td", null, action));
  }

  async function loadAttention(more) {
    const category = $("category").value;
    const query = new URLSearchParams({ category, limit: $("limit").value || "50" });
    if (category === "needs-review" && $("reason").value.trim()) { query.set("reason", $("reason").value.trim()); }
    if (category === "stale" && $("older-than").value.trim()) { query.set("olderThan", $("older-than").value.trim()); }
    if (more && state.attention) { query.set("continuation", state.attention); }
    const { json } = await call("GET", "attention?" + query.toString());
    const rows = $("attention-rows");
    if (!more) { rows.replaceChildren(); }
    rows.querySelector("td.empty")?.parentElement.remove();
    for (const item of Array.isArray(json && json.items) ? json.items : []) { rows.append(attentionRow(item)); }
    state.attention = json && typeof json.continuation === "string" ? json.continuation : null;
    const shown = rows.querySelectorAll("tr.item").length;
    if (shown === 0) { rows.append(el("tr", null, el("td", { class: "empty", colspan: "8" }, "Nothing in this category."))); }
    $("attention-count").textContent = shown + " shown" + (state.attention ? ", more to see" : "");
    $("attention-more").hidden = !state.attention;
  }

  // ---- Abandoned webhooks ----

  function webhookRow(item) {
    const replay = el("button", { type: "button", class: "replay" }, "Replay");
    replay.addEventListener("click", () => run("Replay " + item.eventId, async () => {
      await call("POST", "webhooks/" + encodeURIComponent(item.orderId) + "/" + encodeURIComponent(item.eventId) + "/replay",
        operatorNote("replayed from the operator console"));
      await loadWebhooks(false);
      notice("Event " + item.eventId + " of order " + item.orderId + " is queued for delivery again.");
    }));
    return el("tr", { class: "item", dataset: { orderId: String(item.orderId), eventId: String(item.eventId) } },
      el("td", { class: "mono order-id" }, text(item.orderId)),
      el("td", { class: "mono" }, text(item.eventId)),
      el("td", null, text(item.type)),
      el("td", null, text(item.attempts)),
      el("td", null, text(item.lastError)),
      time(item.abandonedAt),
      el("td", null, replay));
  }

  async function loadWebhooks(more) {
    const query = new URLSearchParams({ state: "abandoned", limit: "50" });
    if (more && state.webhooks) { query.set("continuation", state.webhooks); }
    const { json } = await call("GET", "webhooks?" + query.toString());
    const rows = $("webhook-rows");
    if (!more) { rows.replaceChildren(); }
    rows.querySelector("td.empty")?.parentElement.remove();
    for (const item of Array.isArray(json && json.items) ? json.items : []) { rows.append(webhookRow(item)); }
    state.webhooks = json && typeof json.continuation === "string" ? json.continuation : null;
    const shown = rows.querySelectorAll("tr.item").length;
    if (shown === 0) { rows.append(el("tr", null, el("td", { class: "empty", colspan: "7" }, "No abandoned webhook."))); }
    $("webhooks-count").textContent = shown + " shown" + (state.webhooks ? ", more to see" : "");
    $("webhooks-more").hidden = !state.webhooks;
  }

  // ---- Webhook endpoint ----

  async function loadEndpoint() {
    const { json } = await call("GET", "webhooks/endpoint");
    const endpoint = json || {};
    $("endpoint-url").textContent = endpoint.url ? String(endpoint.url) : "not configured";
    const disabled = endpoint.disabled === true;
    $("endpoint-state").textContent = disabled ? "disabled" + (endpoint.disabledAt ? " since " + endpoint.disabledAt : "") : "enabled";
    $("endpoint-state").dataset.state = disabled ? "disabled" : "enabled";
    $("enable-endpoint").disabled = !disabled;
  }

  // ---- Sync ----

  function showOrder(order) {
    const list = $("sync-result");
    list.replaceChildren();
    for (const [name, value] of Object.entries(order && typeof order === "object" ? order : {})) {
      if (value !== null && typeof value === "object") { continue; }
      list.append(el("dt", null, name), el("dd", { class: "mono" }, text(value)));
    }
  }

  async function loadAll() {
    await loadAttention(false);
    await loadWebhooks(false);
    await loadEndpoint();
  }

  // ---- Wiring ----

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("key").value.trim();
    $("key").value = "";
    if (!value) { return; }
    sessionStorage.setItem(keyItem, value);
    showKeyState();
    run("Load", loadAll);
  });
  $("forget-key").addEventListener("click", () => {
    sessionStorage.removeItem(keyItem);
    showKeyState();
    clearMessages();
    for (const id of ["attention-rows", "webhook-rows", "sync-result"]) { $(id).replaceChildren(); }
  });
  $("operator-name").addEventListener("change", () => sessionStorage.setItem(operatorItem, operatorName()));
  $("category").addEventListener("change", () => {
    $("older-than").disabled = $("category").value !== "stale";
    $("reason").disabled = $("category").value !== "needs-review";
    if (ready()) { run("Show", () => loadAttention(false)); }
  });
  $("attention-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run("Show", () => loadAttention(false));
  });
  $("attention-more").addEventListener("click", () => run("More", () => loadAttention(true)));
  $("load-webhooks").addEventListener("click", () => run("Show abandoned webhooks", () => loadWebhooks(false)));
  $("webhooks-more").addEventListener("click", () => run("More", () => loadWebhooks(true)));
  $("load-endpoint").addEventListener("click", () => run("Endpoint", loadEndpoint));
  $("enable-endpoint").addEventListener("click", () => run("Enable endpoint", async () => {
    await call("POST", "webhooks/endpoint/enable", operatorNote("enabled from the operator console"));
    await loadEndpoint();
    notice("The webhook endpoint is enabled again; pending events go out on the next delivery run.");
  }));
  $("sync-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const orderId = $("sync-order").value.trim();
    run("Sync " + orderId, async () => {
      if (!orderId) { throw new ProblemError(0, { title: "No order id", errors: { orderId: ["Enter the order to ask about."] } }); }
      const { json } = await call("POST", "sync", { orderId });
      showOrder(json);
      notice("Order " + orderId + " is " + text(json && json.status) + " after asking the provider.");
    });
  });
  $("sync-all").addEventListener("click", () => run("Check all due orders", async () => {
    const { json } = await call("POST", "sync", {});
    $("sync-result").replaceChildren();
    notice("Checked " + text(json && json.checked) + " due order(s) with the provider.");
  }));

  $("operator-name").value = sessionStorage.getItem(operatorItem) || "";
  if (signedIn) { showSignIn(); } else { showKeyState(); }
  if (ready()) { run("Load", loadAll); }
})();
