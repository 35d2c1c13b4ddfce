// A panel's "Download" control: the panel's own /v1/query body sent to
// POST /v1/export as CSV or Parquet, and the answer saved under the name the
// server gives it. Disabled until the panel knows its query; a failed export
// says why beside the buttons.
import { useState } from 'react';
import type { ExportFormat, QueryBody } from '../api/client';
import { useApi } from './api-context';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'parquet', label: 'Parquet' },
];

interface DownloadMenuProps {
  /** The body the panel sends to /v1/query; null while it is not known yet. */
  query: QueryBody | null;
  /** Names the control for assistive technology and tests, e.g. "campaigns". */
  name: string;
}

export function DownloadMenu({ query, name }: DownloadMenuProps) {
  const api = useApi();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (format: ExportFormat) => {
    if (!query) return;
    setBusy(format);
    setProblem(null);
    try {
      const file = await api.exportQuery(query, format);
      saveBlob(file.blob, file.fileName);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="field download-menu" data-testid={`download-${name}`}>
      <span id={`download-${name}-label`}>Download</span>
      <div className="segmented" role="group" aria-labelledby={`download-${name}-label`}>
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            onClick={() => void download(format)}
            disabled={!query || busy !== null}
            aria-busy={busy === format}
            title={`Download these rows as ${label}`}
            data-testid={`download-${name}-${format}`}
          >
            {busy === format ? `${label}…` : label}
          </button>
        ))}
      </div>
      {problem ? (
        <p className="download-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** Hands `blob` to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
