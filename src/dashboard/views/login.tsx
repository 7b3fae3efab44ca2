import type { FC } from 'hono/jsx';
import { Document } from './layout';

export const LoginPage: FC<{ error?: string; team?: string }> = ({ error, team }) => (
  <Document title="Sign in">
    <main id="main" class="login">
      <h1>Sign in to the Cailos dashboard</h1>
      <p>
        Use a key with the <code>dashboard</code> scope (it shows that key's team), or the admin secret with the team to view.
      </p>
      {error ? (
        <p class="error" role="alert" data-testid="login-error">
          {error}
        </p>
      ) : null}
      <form method="post" action="/dashboard/login" class="stack">
        <label for="credential">Dashboard key or admin secret</label>
        <input id="credential" name="credential" type="password" autocomplete="current-password" required />
        <label for="team">Team (admin secret only)</label>
        <input id="team" name="team" type="text" value={team ?? ''} pattern="[A-Za-z0-9_\-]{1,64}" aria-describedby="team-help" />
        <small id="team-help">Leave empty when signing in with a key.</small>
        <button type="submit">Sign in</button>
      </form>
    </main>
  </Document>
);
