// The server's notes and warnings as a panel shows them: a titled callout
// (what a model warns, what to know about the data) or a plain list under the
// panel's numbers. Nothing is shown when there is nothing to say.

export function Callouts({ title, items, tone, testId }: { title: string; items: readonly string[]; tone: 'notice' | 'info'; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div className={`message ${tone} callout`} role="status" data-testid={testId}>
      <strong>{title}</strong>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

export function NoteList({ notes, testId }: { notes: readonly string[]; testId: string }) {
  if (notes.length === 0) return null;
  return (
    <ul className="notes" data-testid={testId}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
