// Sign-in: paste an API key (a read key is enough). The demo prints a link
// that signs in directly; a rejected key comes back here with the reason.
import { useState } from 'react';

export function SignInView({ message, onKey }: { message: string | null; onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <main className="sign-in">
      <form
        className="sign-in-card"
        onSubmit={(e) => {
          e.preventDefault();
          if (key.trim()) onKey(key.trim());
        }}
      >
        <h1>
          <span className="logo" aria-hidden="true">◉</span> Beacon
        </h1>
        <p>Sign in with an API key of your workspace. A read key is enough; it stays in this browser tab only.</p>
        {message ? (
          <div className="message error" role="alert" data-testid="sign-in-message">
            {message}
          </div>
        ) : null}
        <label className="field block">
          <span>API key</span>
          <input type="password" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} placeholder="bk_read_…" data-testid="key-input" autoFocus />
        </label>
        <button type="submit" className="primary" disabled={!key.trim()}>
          Sign in
        </button>
        <p className="hint">
          No key? Run <code>npx beacon keys create --scope read</code>, or open the link <code>beacon demo</code> prints.
        </p>
      </form>
    </main>
  );
}
