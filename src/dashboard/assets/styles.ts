/** The dashboard stylesheet, served from /dashboard/assets/app.css. Colours meet WCAG AA contrast on white. */
export const APP_CSS = `
:root { --fg:#1a1a1a; --muted:#555; --bg:#fff; --line:#d0d0d0; --accent:#0b57d0; --ok:#0a6b2d; --bad:#b3261e; --warn:#8a5300; --soft:#f4f6f8; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline:3px solid #f5a623; outline-offset:2px; }
.skip { position:absolute; left:-999px; top:0; background:#000; color:#fff; padding:.5rem 1rem; }
.skip:focus { left:0; z-index:10; }
.sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
header.top { display:flex; flex-wrap:wrap; align-items:center; gap:1rem 2rem; padding:.75rem 1.5rem; border-bottom:1px solid var(--line); background:var(--soft); }
.brand { font-weight:700; }
.logo { color:var(--accent); }
header nav ul { display:flex; gap:1rem; list-style:none; margin:0; padding:0; flex-wrap:wrap; }
header nav a { text-decoration:none; padding:.25rem .5rem; border-radius:4px; }
header nav a[aria-current="page"] { background:var(--accent); color:#fff; }
.who { margin-left:auto; display:flex; gap:1rem; align-items:center; }
.who form { margin:0; }
main { padding:1rem 1.5rem 3rem; max-width:1400px; }
main:focus { outline:none; }
h1 { font-size:1.5rem; margin:.5rem 0 1rem; }
h2 { font-size:1.15rem; margin:1.5rem 0 .5rem; }
.table-wrap { overflow-x:auto; border:1px solid var(--line); border-radius:6px; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.4rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
thead th { background:var(--soft); position:sticky; top:0; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
tr.failed td { background:#fff5f5; }
tr.revoked { color:var(--muted); }
tr.fresh td { animation: fresh 2s ease-out; }
@keyframes fresh { from { background:#fff8d6; } to { background:transparent; } }
@media (prefers-reduced-motion: reduce) { tr.fresh td { animation:none; } }
.badge { display:inline-block; padding:0 .45rem; border-radius:999px; font-size:.85em; border:1px solid currentColor; white-space:nowrap; }
.badge.ok, .breaker-closed { color:var(--ok); }
.badge.bad, .breaker-open { color:var(--bad); font-weight:700; }
.breaker-half_open { color:var(--warn); }
.badge.sim { color:var(--muted); margin-left:.4rem; }
.badge.warn { color:var(--warn); }
.badge.cached { color:var(--accent); }
tr.expired { color:var(--muted); }
tr.rotated td, tr.rotated th { background:#fffbea; }
dl.controls { display:grid; grid-template-columns:max-content 1fr; gap:.1rem .75rem; margin:.4rem 0; font-size:.9em; }
dl.controls dt { color:var(--muted); }
dl.controls dd { margin:0; word-break:break-word; }
.inline-form { margin-top:.4rem; }
textarea { font:inherit; padding:.35rem .5rem; border:1px solid #767676; border-radius:4px; }
.muted { color:var(--muted); }
.error { color:var(--bad); border:1px solid var(--bad); padding:.5rem .75rem; border-radius:6px; background:#fff5f5; }
.notice { color:var(--ok); border:1px solid var(--ok); padding:.5rem .75rem; border-radius:6px; }
.created { border:2px solid var(--ok); padding:.5rem 1rem; border-radius:6px; margin-bottom:1rem; }
code.secret { font-size:1.05em; word-break:break-all; background:var(--soft); padding:.2rem .4rem; user-select:all; }
.login { max-width:32rem; margin:3rem auto; }
.stack { display:flex; flex-direction:column; gap:.4rem; }
.grid-form { display:grid; grid-template-columns:max-content minmax(10rem, 20rem); gap:.4rem .75rem; align-items:center; margin:.5rem 0; }
.grid-form fieldset { grid-column:1 / -1; border:1px solid var(--line); border-radius:6px; }
.grid-form button { grid-column:2; justify-self:start; }
input, select, button { font:inherit; padding:.35rem .5rem; border:1px solid #767676; border-radius:4px; }
button { background:var(--accent); color:#fff; border-color:var(--accent); cursor:pointer; }
button.danger { background:var(--bad); border-color:var(--bad); }
button.link { background:none; color:var(--accent); border:none; text-decoration:underline; padding:0; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.25rem 1rem; }
dl.facts dt { font-weight:600; }
dl.facts dd { margin:0; }
pre.trace { background:var(--soft); padding:1rem; overflow:auto; max-height:40rem; font-size:.85em; }
ul.compact { margin:0; padding-left:1rem; font-size:.9em; }
ul.cards { display:flex; flex-wrap:wrap; gap:1rem; list-style:none; padding:0; }
ul.cards li { border:1px solid var(--line); border-radius:6px; padding:.5rem 1rem; min-width:9rem; }
ul.cards span { display:block; color:var(--muted); font-size:.9em; }
ul.cards strong { font-size:1.3em; font-variant-numeric:tabular-nums; }
.windows { display:flex; gap:.75rem; }
.windows a[aria-current="page"] { font-weight:700; text-decoration:none; border-bottom:3px solid var(--accent); }
#spend-charts { display:grid; grid-template-columns:repeat(auto-fit, minmax(32rem, 1fr)); gap:1rem; }
figure { margin:0; border:1px solid var(--line); border-radius:6px; padding:.5rem; }
figcaption { font-weight:600; margin-bottom:.25rem; }
.chart { min-height:260px; }
`;
