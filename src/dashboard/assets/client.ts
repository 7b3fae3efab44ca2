/**
 * The dashboard's only script, served from /dashboard/assets/app.js (no inline script, so the CSP
 * can forbid them). Plain ES2019 kept as text: it runs in the browser, not in workerd. It builds DOM
 * with textContent only — nothing from the API is ever parsed as HTML. The formatting rules mirror
 * src/dashboard/format.ts.
 */
export const CLIENT_JS = String.raw`(function () {
  'use strict';
  function usd(x) {
    if (x === null || x === undefined || !isFinite(x)) return '\u2013';
    if (x === 0) return '$0';
    var a = Math.abs(x);
    return (x < 0 ? '-' : '') + '$' + (a < 0.01 ? a.toFixed(6) : a < 100 ? a.toFixed(4) : a.toFixed(2));
  }
  function ms(x) { return x === null || x === undefined ? '\u2013' : Math.round(x) + ' ms'; }
  function pct(x) { return x === null || x === undefined ? '\u2013' : (x * 100).toFixed(1) + '%'; }
  function time(t) { return new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(function (r) {
      if (r.status === 401) { var err = new Error('signed out'); err.signedOut = true; throw err; }
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function signedOut(statusEl) {
    if (!statusEl) return;
    statusEl.textContent = 'Session ended: ';
    var a = el('a', 'sign in again');
    a.href = '/dashboard/login';
    statusEl.appendChild(a);
  }

  // Live feed. A row is written when its request ends but carries the time it started, so a slow
  // request lands "in the past": each poll re-reads the last LOOKBACK_MS (the gateway's overall
  // deadline plus margin), skips ids already shown and inserts late rows at their place in time.
  var LOOKBACK_MS = 130000;
  function feedRow(d) {
    var tr = el('tr', null, (d.status === 200 ? '' : 'failed ') + 'fresh');
    tr.setAttribute('data-id', d.id);
    tr.setAttribute('data-created', String(d.createdAt));
    var td = el('td'); var tm = el('time', time(d.createdAt)); tm.setAttribute('datetime', new Date(d.createdAt).toISOString()); td.appendChild(tm); tr.appendChild(td);
    tr.appendChild(el('td', d.strategy));
    tr.appendChild(el('td', d.taskClass || '\u2013'));
    tr.appendChild(el('td', d.model || '\u2013'));
    tr.appendChild(el('td', d.provider || '\u2013'));
    tr.appendChild(el('td', ms(d.latencyMs), 'num'));
    tr.appendChild(el('td', usd(d.costUsd), 'num'));
    var label = d.status === 200 ? 'ok' : d.status === 499 ? 'client closed' : 'error ' + d.status; // as format.ts statusLabel
    var st = el('td'); st.appendChild(el('span', label, 'badge ' + (d.status === 200 ? 'ok' : 'bad'))); tr.appendChild(st);
    if (d.cached) { // as feed.tsx: a cache hit, no provider called
      tr.setAttribute('data-cached', 'true');
      var cb = el('span', 'cached', 'badge cached'); cb.setAttribute('data-field', 'cached'); cb.title = 'Answered from the response cache: no provider called, cost $0';
      st.appendChild(document.createTextNode(' ')); st.appendChild(cb);
    }
    var lk = el('td'); var a = el('a', 'trace'); a.href = '/dashboard/decisions/' + encodeURIComponent(d.id); a.setAttribute('aria-label', 'Trace of decision ' + d.id); lk.appendChild(a); tr.appendChild(lk);
    return tr;
  }
  function insertByTime(body, tr, t) {
    for (var i = 0; i < body.rows.length; i++) {
      if (Number(body.rows[i].getAttribute('data-created')) < t) { body.insertBefore(tr, body.rows[i]); return; }
    }
    body.appendChild(tr);
  }
  function startFeed() {
    var table = document.getElementById('feed');
    var body = document.getElementById('feed-body');
    if (!table || !body) return;
    var status = document.getElementById('feed-status');
    var newest = Number(table.getAttribute('data-since') || 0);
    var seen = {};
    Array.prototype.forEach.call(body.querySelectorAll('tr[data-id]'), function (tr) { seen[tr.getAttribute('data-id')] = true; });
    var stopped = false;
    function poll() {
      if (stopped) return;
      var since = newest ? Math.max(0, newest - LOOKBACK_MS) : 0;
      getJson('/dashboard/api/feed?limit=200&since=' + since).then(function (res) {
        var fresh = res.data.filter(function (d) { return !seen[d.id]; });
        for (var i = fresh.length - 1; i >= 0; i--) {
          var d = fresh[i];
          seen[d.id] = true;
          insertByTime(body, feedRow(d), d.createdAt);
          if (d.createdAt > newest) newest = d.createdAt;
        }
        while (body.rows.length > 200) body.deleteRow(body.rows.length - 1);
        if (fresh.length) {
          var empty = document.getElementById('feed-empty');
          if (empty) empty.remove();
          if (status) status.textContent = 'Live: ' + fresh.length + ' new decision' + (fresh.length === 1 ? '' : 's') + ' at ' + time(Date.now()) + '.';
        }
      }).catch(function (err) {
        if (err.signedOut) { stopped = true; signedOut(status); }
        else if (status) status.textContent = 'Live updates paused (' + err.message + '); retrying.';
      }).then(function () { if (!stopped) setTimeout(poll, 2000); });
    }
    setTimeout(poll, 1000);
  }

  // Endpoints: refresh the live columns (breaker, latency, error rate) every 5 s.
  function startEndpoints() {
    var table = document.getElementById('endpoints');
    if (!table) return;
    var status = document.getElementById('endpoints-status');
    var win = table.getAttribute('data-window') || '24h';
    var labels = { closed: 'closed', open: 'open', half_open: 'half-open' };
    function poll() {
      getJson('/dashboard/api/endpoints?window=' + encodeURIComponent(win)).then(function (res) {
        res.data.forEach(function (e) {
          var row = table.querySelector('tr[data-endpoint="' + CSS.escape(e.id) + '"]');
          if (!row) return;
          var b = row.querySelector('[data-field="breaker"]');
          if (b) { b.textContent = labels[e.breaker.state] || e.breaker.state; b.setAttribute('data-state', e.breaker.state); b.className = 'badge breaker-' + e.breaker.state; }
          var p50 = row.querySelector('[data-field="p50"]'); if (p50) p50.textContent = ms(e.traffic.p50Ms);
          var p95 = row.querySelector('[data-field="p95"]'); if (p95) p95.textContent = ms(e.traffic.p95Ms);
          var er = row.querySelector('[data-field="errorRate"]'); if (er) er.textContent = pct(e.traffic.errorRate !== null ? e.traffic.errorRate : e.breaker.errorRate);
        });
        if (status) status.textContent = 'Updated ' + time(Date.now()) + '.';
        setTimeout(poll, 5000);
      }).catch(function (err) {
        if (err.signedOut) signedOut(status); else setTimeout(poll, 5000);
      });
    }
    setTimeout(poll, 5000);
  }

  // Spend charts (uPlot, served by this worker).
  var PALETTE = ['#0b57d0', '#b3261e', '#0a6b2d', '#8a5300', '#6a1b9a', '#00695c', '#ad1457', '#37474f'];
  function chart(id, title, x, series, fmt) {
    var host = document.getElementById(id);
    if (!host || typeof uPlot === 'undefined') return;
    host.textContent = '';
    var opts = {
      title: '',
      width: Math.max(300, host.clientWidth || 600),
      height: 240,
      scales: { x: { time: true } },
      axes: [{}, { values: function (u, vals) { return vals.map(fmt); }, size: 80 }],
      series: [{ label: 'time' }].concat(series.map(function (s, i) {
        return { label: s.label, stroke: PALETTE[i % PALETTE.length], width: 2, value: function (u, v) { return v === null ? '\u2013' : fmt(v); } };
      }))
    };
    var data = [x].concat(series.map(function (s) { return s.values; }));
    var plot = new uPlot(opts, data, host);
    host.setAttribute('data-drawn', 'true');
    return plot;
  }
  function startSpend() {
    var holder = document.getElementById('spend-charts');
    if (!holder) return;
    var win = holder.getAttribute('data-window') || '24h';
    getJson('/dashboard/api/spend?window=' + encodeURIComponent(win)).then(function (r) {
      var x = r.buckets.map(function (b) { return b.t / 1000; });
      var col = function (k) { return r.buckets.map(function (b) { return b[k]; }); };
      var count = function (v) { return String(Math.round(v)); };
      chart('chart-cost', 'Cost', x, [{ label: 'Cost', values: col('costUsd') }, { label: 'Baseline cost', values: col('baselineCostUsd') }], usd);
      chart('chart-requests', 'Requests', x, [{ label: 'Requests', values: col('requests') }, { label: 'Errors', values: col('errors') }], count);
      chart('chart-tokens', 'Tokens', x, [{ label: 'Input tokens', values: col('inputTokens') }, { label: 'Output tokens', values: col('outputTokens') }], count);
      var providers = Object.keys(r.costByProvider).sort();
      chart('chart-providers', 'Cost per provider', x, providers.length ? providers.map(function (p) { return { label: p, values: r.costByProvider[p] }; }) : [{ label: 'no traffic', values: x.map(function () { return 0; }) }], usd);
    }).catch(function (err) {
      var msg = el('p', err.signedOut ? 'Session ended: sign in again.' : 'Charts unavailable (' + err.message + ').', 'error');
      holder.insertBefore(msg, holder.firstChild);
    });
  }

  function start() { startFeed(); startEndpoints(); startSpend(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
`;
