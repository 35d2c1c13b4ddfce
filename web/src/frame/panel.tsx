// A panel of a view: its title and tools, and the states of what it asked
// for — a skeleton while loading, the API's message when the request failed
// (the rest of the page goes on working), or its content.
import { Component, type ReactNode } from 'react';
import { ApiError } from '../api/client';

interface PanelProps {
  title: string;
  tools?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function Panel({ title, tools, children, className, testId }: PanelProps) {
  return (
    <section className={`panel ${className ?? ''}`} aria-label={title} data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {tools ? <div className="panel-tools">{tools}</div> : null}
      </header>
      <PanelBoundary>{children}</PanelBoundary>
    </section>
  );
}

export function Skeleton({ lines = 3, height }: { lines?: number; height?: number }) {
  return (
    <div className="skeleton" aria-busy="true" aria-label="loading" style={height ? { height } : undefined}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" />
      ))}
    </div>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div className="message error" role="alert">
      <strong>{apiError && apiError.status >= 500 ? 'Beacon could not answer this.' : 'This panel could not be shown.'}</strong>{' '}
      {error instanceof Error ? error.message : String(error)}
      {apiError?.requestId ? <span className="request-id"> (request {apiError.requestId})</span> : null}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="message notice" role="status">
      {children}
    </div>
  );
}

/** A rendering bug in one panel stays in that panel. */
class PanelBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <ErrorMessage error={this.state.error} /> : this.props.children;
  }
}
