// Bora dashboard: renders from the REST API (/v2, same origin) and follows
// running executions through the event stream (/v2/events). Text from the
// server only ever goes into text nodes (no innerHTML).
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const $ = (sel) => document.querySelector(sel);

function build(doc, tag, attrs, kids) {
  const el = doc(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'style') Object.assign(el.style, v); // CSSOM: allowed by the page's CSP
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) {
    if (kid !== null && kid !== undefined && kid !== false) el.append(kid);
  }
  return el;
}
// Replaces an element's children, skipping the null/false of optional parts.
const fill = (el, ...kids) => el.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
const h = (tag, attrs, ...kids) => build((t) => document.createElement(t), tag, attrs, kids);
const s = (tag, attrs, ...kids) => build((t) => document.createElementNS(SVG_NS, t), tag, attrs, kids);

// With authentication on, the first 401 asks for an API token once; the
// server keeps it in an HttpOnly, SameSite=Strict cookie (same-origin only).
let signingIn = null;
async function signIn() {
  if (!signingIn) {
    signingIn = (async () => {
      const token = window.prompt('This Bora needs an API token (bora token create):');
      if (!token) return false;
      const reply = await fetch('/ui/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: token.trim() }),
      });
      if (reply.ok) connectLive();
      return reply.ok;
    })().finally(() => { signingIn = null; });
  }
  return signingIn;
}

async function api(method, path, body, retried) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const reply = await fetch('/v2' + path, init);
  if (reply.status === 401 && !retried && await signIn()) return api(method, path, body, true);
  const text = await reply.text();
  let data = text;
  try { data = text ? JSON.parse(text) : null; } catch (_) { /* not JSON */ }
  if (!reply.ok) throw new Error((data && data.faultstring) || `${method} ${path}: ${reply.status}`);
  return data;
}

const parse = (v) => { try { return typeof v === 'string' ? JSON.parse(v) : v; } catch (_) { return v; } };
const pretty = (v) => JSON.stringify(parse(v), null, 2);
const badge = (state) => h('span', { class: `badge ${state}`, text: state });
const enc = encodeURIComponent;

function showError(err) {
  const box = $('#error');
  box.hidden = !err;
  box.textContent = err ? String(err.message || err) : '';
}

function duration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(2)} s`;
  const m = Math.floor(ms / 60000);
  return `${m}m ${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')}s`;
}

// ---- live updates: one stream; the current view says what to do on a change.
let onChange = null;
let view = 0; // bumped on navigation, so late answers of an old view are dropped

let live = null;
function connectLive() {
  if (live) live.close();
  const stream = new EventSource('/v2/events');
  live = stream;
  const fire = (ids) => { if (onChange) onChange(ids); };
  stream.addEventListener('ready', () => { $('#live').className = 'on'; fire(null); });
  stream.addEventListener('changed', (e) => fire(JSON.parse(e.data).ids));
  stream.addEventListener('lagged', () => fire(null));
  stream.onerror = () => { $('#live').className = 'off'; };
}

// Runs `load` now and again after changes, never two at once.
function refresher(load) {
  let running = false, again = false;
  const run = async () => {
    if (running) { again = true; return; }
    running = true;
    try { await load(); showError(null); } catch (err) { showError(err); }
    running = false;
    if (again) { again = false; run(); }
  };
  return run;
}

// ---- executions list
const STATES = ['', 'RUNNING', 'SUCCESS', 'ERROR', 'PAUSED', 'CANCELLED', 'IDLE'];

function toApiTime(local) {
  const t = new Date(local);
  return isNaN(t) ? null : t.toISOString().slice(0, 19).replace('T', ' ');
}

function executionsView(main, params) {
  const field = (name) => params.get(name) || '';
  const form = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const name of ['state', 'workflow', 'since']) {
      const value = form.elements[name].value;
      if (value) q.set(name, value);
    }
    location.hash = `#/executions?${q}`;
  } },
  h('label', {}, 'State', h('select', { name: 'state' },
    STATES.map((st) => h('option', { value: st, selected: st === field('state'), text: st || 'any' })))),
  h('label', {}, 'Workflow', h('input', { name: 'workflow', value: field('workflow'), placeholder: 'name' })),
  h('label', {}, 'Created since', h('input', { name: 'since', type: 'datetime-local', value: field('since') })),
  h('button', { type: 'submit' }, 'Filter'));
  const body = h('tbody');
  const pager = h('div', { class: 'pager' });
  main.append(h('h1', {}, 'Executions'), form,
    h('table', {}, h('thead', {}, h('tr', {}, ['ID', 'Workflow', 'State', 'Created (UTC)', 'Updated (UTC)', 'Info']
      .map((c) => h('th', { text: c })))), body), pager);

  let query = '/executions?limit=20&sort_keys=created_at,id&sort_dirs=desc,desc' +
    '&fields=workflow_name,state,state_info,created_at,updated_at,task_execution_id';
  if (field('state')) query += `&state=${enc(field('state'))}`;
  if (field('workflow')) query += `&workflow_name=${enc(field('workflow'))}`;
  const since = toApiTime(field('since'));
  if (since) query += `&created_at=${enc('gte:' + since)}`;
  if (field('marker')) query += `&marker=${enc(field('marker'))}`;
  const mine = view;
  const load = refresher(async () => {
    const page = await api('GET', query);
    if (mine !== view) return;
    body.replaceChildren(...page.executions.map((e) => h('tr', {},
      h('td', { class: 'mono' }, h('a', { href: `#/executions/${e.id}`, text: e.id })),
      h('td', {}, e.workflow_name, e.task_execution_id ? h('span', { class: 'muted', text: ' (sub)' }) : null),
      h('td', {}, badge(e.state)),
      h('td', { text: e.created_at }), h('td', { text: e.updated_at || '' }),
      h('td', { class: 'muted', text: (e.state_info || '').slice(0, 120) }))));
    if (!page.executions.length) body.append(h('tr', {}, h('td', { colspan: 6, class: 'muted', text: 'No executions.' })));
    const older = new URLSearchParams(params);
    fill(pager,
      field('marker') ? h('a', { href: '#/executions?' + new URLSearchParams([...params].filter(([k]) => k !== 'marker')), text: '← Newest' }) : null,
      page.next ? h('a', { href: (older.set('marker', new URL(page.next).searchParams.get('marker')), `#/executions?${older}`), text: 'Older →' }) : null);
  });
  onChange = () => load();
  load();
}

// ---- workflows
function workflowsView(main) {
  const body = h('tbody');
  main.append(h('h1', {}, 'Workflows'), h('table', {}, h('thead', {}, h('tr', {},
    ['Name', 'Namespace', 'Input', 'Tags', 'Updated (UTC)', ''].map((c) => h('th', { text: c })))), body));
  const mine = view;
  refresher(async () => {
    const list = await api('GET', '/workflows?fields=name,namespace,input,tags,created_at,updated_at&limit=1000');
    if (mine !== view) return;
    body.replaceChildren(...list.workflows.map((w) => h('tr', {},
      h('td', {}, h('a', { href: `#/workflows/${w.id}`, text: w.name })),
      h('td', { text: w.namespace }), h('td', { class: 'mono', text: w.input }),
      h('td', { text: (w.tags || []).join(', ') }), h('td', { text: w.updated_at || w.created_at }),
      h('td', {}, h('a', { href: `#/executions?workflow=${enc(w.name)}`, text: 'executions' })))));
    if (!list.workflows.length) body.append(h('tr', {}, h('td', { colspan: 6, class: 'muted', text: 'No workflows yet: bora workflow create FILE.yaml' })));
  })();
}

function workflowView(main, id) {
  const mine = view;
  refresher(async () => {
    const w = await api('GET', `/workflows/${enc(id)}`);
    if (mine !== view) return;
    fill(main, h('h1', {}, w.name),
      h('div', { class: 'meta' }, h('span', {}, 'ID ', h('b', { class: 'mono', text: w.id })),
        h('span', {}, 'Input ', h('b', { class: 'mono', text: w.input || '(none)' })),
        h('span', {}, 'Updated ', h('b', { text: w.updated_at || w.created_at })),
        h('a', { href: `#/executions?workflow=${enc(w.name)}`, text: 'Executions →' })),
      h('h2', {}, 'Definition'), h('pre', { class: 'definition', text: w.definition }));
  })();
}

// ---- one execution: graph, timeline, tasks, task detail
const NODE_W = 180, NODE_H = 48, GAP_X = 70, GAP_Y = 24, PAD = 20;

// Columns by longest path from the start tasks, ignoring edges that close a loop.
function layout(graph) {
  const names = graph.tasks.map((t) => t.name);
  const edges = graph.transitions.filter((e) => !e.command && names.includes(e.to) && names.includes(e.from));
  const out = new Map(names.map((n) => [n, []]));
  edges.forEach((e) => out.get(e.from).push(e));
  const inbound = new Set(edges.filter((e) => e.from !== e.to).map((e) => e.to));
  const roots = names.filter((n) => !inbound.has(n));
  const back = new Set(), state = new Map();
  const visit = (n) => {
    state.set(n, 'open');
    for (const e of out.get(n)) {
      if (state.get(e.to) === 'open') back.add(e);
      else if (!state.has(e.to)) visit(e.to);
    }
    state.set(n, 'done');
  };
  (roots.length ? roots : names.slice(0, 1)).forEach(visit);
  names.forEach((n) => state.has(n) || visit(n));
  const level = new Map(names.map((n) => [n, 0]));
  for (let i = 0; i < names.length; i++) {
    for (const e of edges) if (!back.has(e)) level.set(e.to, Math.max(level.get(e.to), level.get(e.from) + 1));
  }
  const columns = [];
  names.forEach((n) => (columns[level.get(n)] ||= []).push(n));
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const pos = new Map();
  columns.forEach((col, x) => col.forEach((n, y) => pos.set(n, {
    x: PAD + x * (NODE_W + GAP_X),
    y: PAD + (y + (tallest - col.length) / 2) * (NODE_H + GAP_Y),
  })));
  return { edges, back, pos, width: 2 * PAD + columns.length * (NODE_W + GAP_X) - GAP_X, height: 2 * PAD + tallest * (NODE_H + GAP_Y) + 30 };
}

function latestRuns(graph) {
  const runs = new Map();
  for (const t of graph.task_executions) {
    const list = runs.get(t.name) || [];
    list.push(t);
    runs.set(t.name, list);
  }
  return runs;
}

function drawGraph(graph, selected, select) {
  const { edges, back, pos, width, height } = layout(graph);
  const runs = latestRuns(graph);
  const taken = new Set(graph.task_executions.flatMap((t) => t.next.map((n) => `${t.name}|${n.to}|${n.on}`)));
  const pairs = new Map();
  const paths = edges.map((e) => {
    const a = pos.get(e.from), b = pos.get(e.to);
    const key = `${e.from}|${e.to}`;
    const nth = pairs.get(key) || 0;
    pairs.set(key, nth + 1);
    const dy = nth * 6;
    let d;
    if (back.has(e) || b.x <= a.x) {
      const x1 = a.x + NODE_W / 2 + dy, x2 = b.x + NODE_W / 2 + dy, low = Math.max(a.y, b.y) + NODE_H + 26;
      d = `M${x1},${a.y + NODE_H} C${x1},${low} ${x2},${low} ${x2},${b.y + NODE_H}`;
    } else {
      const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2 + dy, x2 = b.x, y2 = b.y + NODE_H / 2 + dy;
      const c = Math.max(30, (x2 - x1) / 2);
      d = `M${x1},${y1} C${x1 + c},${y1} ${x2 - c},${y2} ${x2},${y2}`;
    }
    const cls = `edge ${e.on}${taken.has(`${e.from}|${e.to}|${e.on}`) ? ' taken' : ''}`;
    return s('path', { d, class: cls, 'marker-end': `url(#arrow-${e.on})`, 'data-edge': `${e.from}>${e.to}` },
      s('title', { text: `${e.from} → ${e.to} (${e.on}${e.condition ? ': ' + e.condition : ''})` }));
  });
  const markers = ['on-success', 'on-error', 'on-complete', 'on-skip', 'requires'].map((on) =>
    s('marker', { id: `arrow-${on}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow ${on}` })));
  const nodes = graph.tasks.map((t) => {
    const list = runs.get(t.name) || [];
    const run = list[list.length - 1];
    const state = run ? run.state : 'none';
    const p = pos.get(t.name);
    const what = t.workflow ? `workflow ${t.workflow}` : (t.action || 'std.noop');
    const subs = run ? run.sub_executions : [];
    const tags = [];
    if (run && run.items) tags.push(`${run.items.succeeded + run.items.failed + run.items.cancelled}/${run.items.count}`);
    if (run && run.retry_no) tags.push(`retry ${run.retry_no}`);
    if (list.length > 1) tags.push(`×${list.length}`);
    const sub = s('text', { class: 'sub', x: 10, y: 38, text: what.length > 26 ? what.slice(0, 25) + '…' : what });
    return s('g', { class: `node ${state}${selected === t.name ? ' selected' : ''}`, transform: `translate(${p.x},${p.y})`,
      'data-task': t.name, 'data-state': run ? run.state : 'NOT RUN', onclick: () => select(t.name) },
    s('title', { text: `${t.name}: ${run ? run.state : 'not run'}\n${what}` }),
    s('rect', { width: NODE_W, height: NODE_H, rx: 7 }),
    s('text', { class: 'name', x: 10, y: 19, text: t.name.length > 20 ? t.name.slice(0, 19) + '…' : t.name }),
    subs.length ? s('a', { href: `#/executions/${subs[subs.length - 1].id}` }, sub) : sub,
    s('text', { class: 'tag', x: NODE_W - 8, y: 19, 'text-anchor': 'end', text: tags.join(' ') }));
  });
  return s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'task graph' },
    s('defs', {}, markers), paths, nodes);
}

function drawTimeline(graph) {
  const at = (t) => (t ? Date.parse(t) : NaN);
  const start = at(graph.created_at);
  const now = Date.now();
  const done = !['RUNNING', 'IDLE', 'PAUSED'].includes(graph.state);
  const bars = graph.task_executions.map((t) => {
    const from = at(t.started_at || t.created_at);
    const to = isNaN(at(t.finished_at)) ? (done ? at(graph.updated_at) : now) : at(t.finished_at);
    return { t, from, to: Math.max(from, to) };
  });
  const end = Math.max(start + 1, ...bars.map((b) => b.to));
  const span = end - start;
  const rows = bars.map(({ t, from, to }) => h('div', { class: 'tl-row', 'data-task': t.name },
    h('span', { class: 'mono', text: t.name }),
    h('div', { class: 'tl-track' }, h('div', {
      class: `tl-bar ${t.state}`, title: `${t.name}: ${t.state}, ${duration(to - from)}`,
      style: { left: `${((from - start) / span) * 100}%`, width: `${Math.max(0.3, ((to - from) / span) * 100)}%` },
    })),
    h('span', { class: 'tl-dur', text: duration(to - from) })));
  return h('div', { class: 'timeline' }, rows.length ? rows : h('span', { class: 'muted', text: 'No tasks yet.' }),
    h('div', { class: 'tl-row muted' }, h('span'), h('span', { text: `0 … ${duration(span)}` }), h('span')));
}

async function taskDetail(task, reload) {
  const [full, attempts, subs] = await Promise.all([
    api('GET', `/tasks/${task.id}`),
    api('GET', `/tasks/${task.id}/action_executions`),
    api('GET', `/tasks/${task.id}/workflow_executions?fields=state,workflow_name`),
  ]);
  const item = (label, value) => [h('dt', { text: label }), h('dd', {}, value)];
  const envBox = h('input', { type: 'text', placeholder: 'env for the rerun (JSON), optional', name: 'env' });
  const keep = h('input', { type: 'checkbox', name: 'keep' });
  const rerun = async () => {
    const body = { state: 'RUNNING', reset: !keep.checked };
    if (envBox.value.trim()) {
      try { body.env = JSON.parse(envBox.value); } catch (err) { showError(`The env is not JSON: ${err.message}`); return; }
    }
    try { await api('PUT', `/tasks/${task.id}`, body); showError(null); reload(); } catch (err) { showError(err); }
  };
  const rc = parse(full.runtime_context) || {};
  return h('div', { class: 'card detail', 'data-task-id': task.id },
    h('h3', {}, task.name, ' ', badge(full.state)),
    h('dl', {},
      item('Task execution', h('span', { class: 'mono', text: full.id })),
      full.state_info ? item('Error', h('div', { class: 'info', text: full.state_info })) : null,
      full.type === 'WORKFLOW' ? null : item('Attempts', attempts.action_executions.length
        ? h('table', {}, attempts.action_executions.map((a, i) => h('tr', {},
          h('td', { text: `#${i + 1}` }), h('td', {}, badge(a.state)), h('td', { class: 'mono', text: a.name }),
          h('td', { text: a.created_at }), h('td', { class: 'muted', text: a.state_info || '' }))))
        : h('span', { class: 'muted', text: rc.with_items ? 'no items started' : 'none' })),
      attempts.action_executions.length ? item('Input', h('pre', { text: pretty(attempts.action_executions[attempts.action_executions.length - 1].input) })) : null,
      subs.executions.length ? item('Sub-workflows', subs.executions.map((e) =>
        h('div', {}, h('a', { href: `#/executions/${e.id}`, class: 'mono', text: e.id }), ' ', e.workflow_name, ' ', badge(e.state)))) : null,
      item('Published', h('pre', { text: pretty(full.published) })),
      item('Result', h('pre', { text: pretty(full.result) }))),
    full.state === 'ERROR' ? h('div', { class: 'rerun' },
      h('button', { class: 'danger', onclick: rerun, 'data-action': 'rerun' }, 'Rerun task'), envBox,
      rc.with_items ? h('label', {}, keep, ' keep succeeded items') : null) : null);
}

function executionView(main, id) {
  let selected = null; // task name
  const mine = view;
  const known = new Set([id]);
  const load = refresher(async () => {
    const [exec, graph] = await Promise.all([api('GET', `/executions/${id}`), api('GET', `/executions/${id}/graph`)]);
    if (mine !== view) return;
    graph.task_executions.forEach((t) => t.sub_executions.forEach((c) => known.add(c.id)));
    const runs = latestRuns(graph);
    if (!selected) {
      const failed = graph.task_executions.filter((t) => t.state === 'ERROR');
      const last = failed.length ? failed : graph.task_executions;
      selected = last.length ? last[last.length - 1].name : null;
    }
    const setState = (state) => async () => {
      try { await api('PUT', `/executions/${id}`, { state }); load(); } catch (err) { showError(err); }
    };
    const active = ['RUNNING', 'IDLE', 'PAUSED'].includes(exec.state);
    const list = runs.get(selected) || [];
    const detail = list.length ? await taskDetail(list[list.length - 1], load) : h('div', { class: 'card muted', text: 'Select a task in the graph.' });
    if (mine !== view) return;
    const started = Date.parse(graph.created_at), ended = active ? Date.now() : Date.parse(graph.updated_at);
    fill(main,
      h('h1', {}, h('a', { href: `#/workflows/${exec.workflow_id}`, text: exec.workflow_name }), ' ', h('span', { id: 'exec-state' }, badge(exec.state))),
      h('div', { class: 'meta' },
        h('span', {}, 'ID ', h('b', { class: 'mono', text: exec.id })),
        h('span', {}, 'Created ', h('b', { text: exec.created_at })),
        h('span', {}, 'Duration ', h('b', { text: duration(ended - started) })),
        exec.task_execution_id ? h('a', { href: `#/executions/${exec.root_execution_id}`, text: 'root execution ↑' }) : null),
      h('div', { class: 'actions' },
        h('button', { class: 'secondary', disabled: exec.state !== 'RUNNING', onclick: setState('PAUSED'), 'data-action': 'pause' }, 'Pause'),
        h('button', { class: 'secondary', disabled: exec.state !== 'PAUSED', onclick: setState('RUNNING'), 'data-action': 'resume' }, 'Resume'),
        h('button', { class: 'danger', disabled: !active, onclick: setState('CANCELLED'), 'data-action': 'cancel' }, 'Cancel')),
      exec.state_info ? h('div', { class: 'info', text: exec.state_info }) : null,
      h('h2', {}, 'Task graph'),
      h('div', { class: 'legend' }, ['on-success', 'on-error', 'on-complete', 'requires'].map((on) =>
        h('span', {}, h('i', { class: `key ${on}` }), on)),
      h('span', {}, 'thick: taken')),
      h('div', { class: 'graph' }, drawGraph(graph, selected, (name) => { selected = name; load(); })),
      h('div', { class: 'split' },
        h('div', {}, h('h2', {}, 'Timeline'), drawTimeline(graph)),
        h('div', {}, h('h2', {}, 'Task'), detail)),
      h('h2', {}, 'Input and output'),
      h('div', { class: 'split' }, h('pre', { text: pretty(exec.input) }), h('pre', { class: 'output', text: pretty(exec.output) })));
  });
  onChange = (ids) => { if (!ids || ids.some((x) => known.has(x))) load(); };
  load();
}

function route() {
  view += 1;
  onChange = null;
  showError(null);
  const [path, query] = (location.hash.slice(1) || '/executions').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === parts[0]));
  const main = $('#main');
  main.replaceChildren();
  if (parts[0] === 'workflows' && parts[1]) workflowView(main, parts[1]);
  else if (parts[0] === 'workflows') workflowsView(main);
  else if (parts[0] === 'executions' && parts[1]) executionView(main, parts[1]);
  else executionsView(main, new URLSearchParams(query || ''));
}

window.addEventListener('hashchange', route);
route();
connectLive();
