"use strict";
// The operator console. Every piece of data shown comes from the operator API and is put into the page as text
// (textContent / text nodes, never HTML); the key lives in this tab's sessionStorage only, the operator's typed name in
// localStorage (it survives a reload; it is no secret). Where operators sign in with
// Entra ID (body data-auth="entra-id"), there is no key: the platform's sign-in cookie goes with each call, and the
// signed-in name (data-operator) is shown, never typed.
(() => {
  const signedIn = document.body.dataset.auth === "entra-id";
  const keyItem = "payments.operatorKey";
  const operatorItem = "payments.operatorName";
  // The API sits next to the page: /api/ops/console → /api/ops/attention, whatever the host's route prefix.
  const base = location.pathname.replace(/\/console\/?$/, "/");
  const $ = (id) => document.getElementById(id);
  const state = { attention: null, webhooks: null, detail: null };

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

    const next = nextStep(problem);
    if (next) { box.append(el("p", { class: "next-step" }, "What to do next: " + next)); }

    if (error instanceof ProblemError && (error.status === 401 || error.status === 403)) {
      box.append(el("p", null, !signedIn ? "The key was not accepted: paste an operator key."
        : error.status === 403 ? "Your account does not hold the Payments.Operator role: ask for it to be assigned."
        : "Your sign-in was not accepted: sign in again."));
    }

    box.hidden = false;
  }

  /** What an operator can do about a refused action, by the problem's code. */
  function nextStep(problem) {
    switch (problem && problem.code) {
      case "provider-disagrees":
        return "the provider disagrees: read its answer above and the order's detail, then decide as it says, "
          + "or use evidence manual-override with a note saying why.";
      case "no-provider-query":
        return "HUAWEIPIN cannot be asked: check its merchant panel, then decide with evidence manual-override and a note.";
      case "provider-unavailable":
        return "the provider gave no usable answer: try again in a moment, or decide with manual-override and a note.";
      case "order-state-conflict":
        return "the order is no longer waiting for this decision: open it again to see where it stands; nothing was changed.";
      case "order-not-found":
        return "no order has this id: check it (it may have been typed wrong).";
      case "invalid-request":
        return "correct each field named below and send again; nothing was changed.";
      case "service-unavailable":
        return "nothing was changed (the record could not be written): try again in a moment.";
      case "rate-limited":
        return "too many calls: wait a moment and try again.";
      default:
        return "";
    }
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
          localStorage.setItem(operatorItem, body.operator);
        }
        const { json } = await call("POST", "orders/" + encodeURIComponent(orderId) + "/resolution", body);
        await refreshAfter(orderId);
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
          localStorage.setItem(operatorItem, body.operator);
        }
        const { json } = await call("POST", "orders/" + encodeURIComponent(orderId) + "/acknowledgement", body);
        await refreshAfter(orderId);
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
      el("td", { class: "mono order-id" }, orderId ? openButton(orderId) : text(orderId)),
      el("td", null, text(item.provider)),
      el("td", null, statusBadge(item.status)),
      el("td", { class: "reason" }, text(item.reason)),
      time(item.since),
      el("td", null, amount(item)),
      el("td", { class: "detail" }, text(item.detail)),
      el("td", null, action));
  }

  /** The listing again, and the open detail when it is the order just decided. */
  async function refreshAfter(orderId) {
    await loadAttention(false);
    if (state.detail === orderId) { await loadDetail(orderId); }
  }

  function openButton(orderId) {
    return el("button", { type: "button", class: "open-detail", title: "Open " + orderId,
      on: { click: () => run("Open " + orderId, () => loadDetail(orderId)) } }, orderId);
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

  // ---- Order detail ----

  const detailFields = [
    ["status", "Status"], ["reviewReason", "Review reason"], ["provider", "Provider"], ["kind", "Kind"],
    ["amount", "Ordered"], ["receivedAmount", "Received"], ["fee", "Fee"], ["currency", "Currency"],
    ["providerReference", "Provider reference"], ["providerStatus", "Provider status"], ["lastError", "Last error"],
    ["reviewAcknowledgedBy", "Acknowledged by"], ["reviewAcknowledgedAt", "Acknowledged at"],
    ["resolvedAt", "Resolved at"], ["createdAt", "Created"], ["updatedAt", "Updated"], ["completedAt", "Completed"],
  ];

  async function loadDetail(orderId) {
    const { json } = await call("GET", "orders/" + encodeURIComponent(orderId));
    const order = json && typeof json === "object" ? json : {};
    state.detail = orderId;
    $("detail-id").textContent = orderId;
    $("detail-fields").replaceChildren(...detailFields.flatMap(([name, label]) =>
      [el("dt", null, label), el("dd", { class: "mono", dataset: { field: name } }, text(order[name]))]));
    const action = order.status === "NeedsReview" ? resolveForm(orderId)
      : finalStatuses.includes(order.status) && order.reviewReason && !order.reviewAcknowledgedAt ? acknowledgeForm(orderId)
      : "";
    $("detail-actions").replaceChildren(action);
    if (action) { action.open = true; }
    const audit = Array.isArray(order.audit) ? order.audit : [];
    $("detail-audit-rows").replaceChildren(...(audit.length ? audit.map((a) => el("tr", { class: "item" },
      time(a.at), el("td", null, text(a.kind)), el("td", { class: "wrap" }, el("pre", { class: "payload" }, text(a.payload)))))
      : [el("tr", null, el("td", { class: "empty", colspan: "3" }, "No audit record."))]));
    $("detail-audit-more").hidden = order.auditMore !== true;
    const hooks = Array.isArray(order.webhooks) ? order.webhooks : [];
    $("detail-webhook-rows").replaceChildren(...(hooks.length ? hooks.map((w) => el("tr", { class: "item" },
      el("td", { class: "mono wrap" }, text(w.eventId)), el("td", null, text(w.type)), el("td", null, text(w.state)),
      el("td", null, text(w.attempts)), el("td", null, text(w.lastStatusCode)), el("td", { class: "wrap" }, text(w.lastError)),
      time(w.nextAttemptAt), time(w.finishedAt)))
      : [el("tr", null, el("td", { class: "empty", colspan: "8" }, "No webhook delivery."))]));
    $("detail-webhooks-more").hidden = order.webhooksMore !== true;
    $("detail").hidden = false;
  }

  // ---- Daily close ----

  const svgNs = "http://www.w3.org/2000/svg";
  const chartDays = 30;

  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(svgNs, tag);
    for (const [name, value] of Object.entries(attributes || {})) { node.setAttribute(name, String(value)); }
    for (const child of children) { node.append(child instanceof Node ? child : String(child)); }
    return node;
  }

  /** A UTC day as yyyy-MM-dd, <paramref>offset</paramref> days from the given one. */
  function dayOf(date, offset) {
    const at = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + offset));
    return at.toISOString().slice(0, 10);
  }

  /** Decimal text added exactly (money is never summed through a binary float). */
  function addDecimal(a, b) {
    const scale = Math.max(decimals(a), decimals(b));
    const sum = scaled(a, scale) + scaled(b, scale);
    const negative = sum < 0n;
    const digits = (negative ? -sum : sum).toString().padStart(scale + 1, "0");
    const whole = digits.slice(0, digits.length - scale);
    return (negative ? "-" : "") + whole + (scale ? "." + digits.slice(digits.length - scale) : "");
  }
  function decimals(value) { const cut = value.indexOf("."); return cut < 0 ? 0 : value.length - cut - 1; }
  function scaled(value, scale) {
    const negative = value.startsWith("-");
    const [whole, fraction = ""] = (negative ? value.slice(1) : value).split(".");
    const n = BigInt(whole + fraction.padEnd(scale, "0"));
    return negative ? -n : n;
  }

  /** Net per currency of one day's close, as decimal text. */
  function netByCurrency(close) {
    const net = new Map();
    for (const t of Array.isArray(close && close.totals) ? close.totals : []) {
      if (typeof t.currency === "string" && typeof t.net === "string") {
        net.set(t.currency, addDecimal(net.get(t.currency) || "0", t.net));
      }
    }
    return net;
  }

  function cells(values) { return el("tr", { class: "item" }, ...values.map((v) => el("td", null, text(v)))); }

  function showClose(close) {
    $("close-state").textContent = close.provisional ? "Provisional: the day may still change." : "Closed.";
    const totals = Array.isArray(close.totals) ? close.totals : [];
    $("close-total-rows").replaceChildren(...(totals.length ? totals.map((t) => cells([t.provider, t.currency,
      t.collected, t.charged, t.refunded, t.fees, t.net,
      Object.entries(t.counts || {}).filter(([, n]) => n).map(([k, n]) => k + " " + n).join(", ")]))
      : [el("tr", null, el("td", { class: "empty", colspan: "8" }, "No money moved that day."))]));
    const flagged = Array.isArray(close.flagged) ? close.flagged : [];
    $("close-flagged-rows").replaceChildren(...(flagged.length ? flagged.map((f) => el("tr", { class: "item" },
      el("td", { class: "mono order-id" }, openButton(String(f.orderId))), el("td", null, text(f.provider)),
      el("td", null, statusBadge(f.status)), el("td", null, text(f.reviewReason)),
      el("td", null, text(f.amount)), el("td", null, text(f.receivedAmount)), time(f.at)))
      : [el("tr", null, el("td", { class: "empty", colspan: "7" }, "Nothing flagged."))]));
    const runs = Array.isArray(close.reconciliation) ? close.reconciliation : [];
    $("close-run-rows").replaceChildren(...(runs.length ? runs.map((r) => cells([r.source, r.phase, r.checked,
      r.matched, r.different, r.unanswered, r.queries, r.durationSeconds]))
      : [el("tr", null, el("td", { class: "empty", colspan: "8" }, "No reconciliation ran for that day."))]));
  }

  /** The 30 days ending at <paramref>last</paramref>, read five at a time (each one partition read). */
  async function readDays(last) {
    const days = [];
    for (let i = chartDays - 1; i >= 0; i--) { days.push(dayOf(last, -i)); }
    const closes = new Map();
    for (let i = 0; i < days.length; i += 5) {
      const batch = days.slice(i, i + 5);
      const answers = await Promise.all(batch.map((d) => call("GET", "close/" + d)));
      batch.forEach((d, j) => closes.set(d, answers[j].json || {}));
    }
    return { days, closes };
  }

  /** One bar group per day and currency (a day with no movement: a bar of height 0), net above or below zero. */
  function chart(days, closes) {
    const nets = days.map((d) => netByCurrency(closes.get(d)));
    const currencies = [...new Set(nets.flatMap((n) => [...n.keys()]))].sort();
    const width = 900, height = 220, top = 20, bottom = 30, left = 10;
    const slot = (width - left) / days.length;
    const bar = Math.max(2, (slot - 4) / Math.max(1, currencies.length));
    const max = Math.max(1, ...nets.flatMap((n) => [...n.values()].map((v) => Math.abs(Number(v)))));
    const zero = top + (height - top - bottom) / 2;
    const scale = (height - top - bottom) / 2 / max;
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "Net per currency, last 30 days" });
    root.append(svg("line", { class: "axis", x1: left, x2: width, y1: zero, y2: zero }));
    currencies.forEach((c, i) => root.append(
      svg("rect", { class: "legend-swatch bar c" + (i % 5), x: left + i * 70, y: 4, width: 10, height: 10 }),
      svg("text", { x: left + i * 70 + 14, y: 13 }, c)));
    days.forEach((d, di) => {
      currencies.forEach((c, ci) => {
        const net = nets[di].get(c) || "0";
        const h = Math.abs(Number(net)) * scale;
        const negative = net.startsWith("-");
        root.append(svg("g", { class: "bar-group", "data-day": d, "data-currency": c, "data-net": net },
          svg("title", null, d + " " + c + " net " + net),
          svg("rect", { class: "bar c" + (ci % 5) + (negative ? " negative" : ""), x: left + di * slot + 2 + ci * bar,
            y: negative ? zero : zero - h, width: bar, height: h })));
      });
      if (di % 5 === 0 || di === days.length - 1) {
        root.append(svg("text", { x: left + di * slot, y: height - 8 }, d.slice(5)));
      }
    });
    $("close-chart").replaceChildren(root);
  }

  async function loadClose() {
    const day = $("close-day").value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      throw new ProblemError(0, { title: "No day", errors: { day: ["Pick a UTC day."] } });
    }
    const { json } = await call("GET", "close/" + encodeURIComponent(day));
    showClose(json || {});
    const last = new Date(day + "T00:00:00Z");
    const { days, closes } = await readDays(last);
    chart(days, closes);
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
    for (const id of ["attention-rows", "webhook-rows", "sync-result", "detail-fields", "detail-audit-rows",
      "detail-webhook-rows", "close-total-rows", "close-flagged-rows", "close-run-rows", "close-chart"]) {
      $(id).replaceChildren();
    }
    $("detail").hidden = true;
  });
  $("detail-close").addEventListener("click", () => { state.detail = null; $("detail").hidden = true; });
  $("close-form").addEventListener("submit", (event) => {
    event.preventDefault();
    run("Daily close", loadClose);
  });
  $("close-day").value = dayOf(new Date(), -1);
  $("operator-name").addEventListener("change", () => localStorage.setItem(operatorItem, operatorName()));
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

  $("operator-name").value = localStorage.getItem(operatorItem) || "";
  if (signedIn) { showSignIn(); } else { showKeyState(); }
  if (ready()) { run("Load", loadAll); }
})();
