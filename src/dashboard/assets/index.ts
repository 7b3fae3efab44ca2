import { Hono } from 'hono';
import uplotCss from 'uplot/dist/uPlot.min.css';
import uplotJs from 'uplot/dist/uPlot.iife.min.js';
import { CLIENT_JS } from './client';
import { APP_CSS } from './styles';

/**
 * Static assets, all bundled into the worker (uPlot's dist files arrive as text through the wrangler
 * Text rule for **\/uPlot.iife.min.js and **\/uPlot.min.css): the dashboard works offline and loads
 * nothing from a CDN. Public: they hold no data.
 */
const ASSETS: Record<string, { body: string; type: string }> = {
  'app.js': { body: CLIENT_JS, type: 'text/javascript; charset=utf-8' },
  'app.css': { body: APP_CSS, type: 'text/css; charset=utf-8' },
  'uplot.js': { body: uplotJs, type: 'text/javascript; charset=utf-8' },
  'uplot.css': { body: uplotCss, type: 'text/css; charset=utf-8' },
};

export const assets = new Hono();

assets.get('/:name', (c) => {
  const name = c.req.param('name');
  // Own keys only: 'constructor' or '__proto__' must not find Object.prototype members.
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return c.text('Not found', 404);
  return c.body(asset.body, 200, {
    'content-type': asset.type,
    'cache-control': 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
});
