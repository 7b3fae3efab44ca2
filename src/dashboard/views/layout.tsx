import type { Child, FC } from 'hono/jsx';
import type { Viewer } from '../auth';

export type Tab = 'feed' | 'endpoints' | 'spend' | 'keys';

const TABS: { id: Tab; href: string; label: string }[] = [
  { id: 'feed', href: '/dashboard/feed', label: 'Live feed' },
  { id: 'endpoints', href: '/dashboard/endpoints', label: 'Endpoints' },
  { id: 'spend', href: '/dashboard/spend', label: 'Spend & savings' },
  { id: 'keys', href: '/dashboard/keys', label: 'Keys' },
];

export const Document: FC<{ title: string; children: Child; scripts?: string[]; csrf?: string }> = ({
  title,
  children,
  scripts = [],
  csrf,
}) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="same-origin" />
      {csrf ? <meta name="csrf-token" content={csrf} /> : null}
      <title>{`${title} · Cailos`}</title>
      <link rel="stylesheet" href="/dashboard/assets/app.css" />
      {scripts.includes('uplot') ? <link rel="stylesheet" href="/dashboard/assets/uplot.css" /> : null}
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      {children}
      {scripts.includes('uplot') ? <script src="/dashboard/assets/uplot.js" defer></script> : null}
      {scripts.length ? <script src="/dashboard/assets/app.js" defer></script> : null}
    </body>
  </html>
);

export const Layout: FC<{ title: string; tab?: Tab; viewer: Viewer; children: Child; scripts?: string[] }> = ({
  title,
  tab,
  viewer,
  children,
  scripts,
}) => (
  <Document title={title} scripts={[...(scripts ?? []), 'app']} csrf={viewer.csrf}>
    <header class="top">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ◆
        </span>{' '}
        Cailos dashboard
      </div>
      <nav aria-label="Dashboard sections">
        <ul>
          {TABS.map((t) => (
            <li>
              <a href={t.href} aria-current={t.id === tab ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="who">
        <span>
          Team <strong data-testid="team">{viewer.team}</strong> ({viewer.role === 'admin' ? 'admin' : 'dashboard key'})
        </span>
        {viewer.csrf ? (
          <form method="post" action="/dashboard/logout">
            <input type="hidden" name="_csrf" value={viewer.csrf} />
            <button type="submit" class="link">
              Sign out
            </button>
          </form>
        ) : null}
      </div>
    </header>
    <main id="main" tabindex={-1}>
      <h1>{title}</h1>
      {children}
    </main>
  </Document>
);
