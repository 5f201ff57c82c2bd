// "Export CSV": fetches every row the list's filter matches (up to a limit) and downloads them as a CSV file.
import { useState } from 'react';
import { csvFilename, type CsvColumn, downloadText, toCsv } from '../csv';
import { localDay } from '../format';
import { errorMessage } from '../trpc';

/** The most rows one export holds; the operator's `showroom export` command has no limit. */
export const EXPORT_MAX_ROWS = 10_000;

export function ExportButton<T>({ list, columns, rows }: { list: string; columns: readonly CsvColumn<T>[]; rows: () => Promise<{ rows: T[]; truncated: boolean }> }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });
  const run = async () => {
    setState({ busy: true, message: null, error: false });
    try {
      const result = await rows();
      downloadText(csvFilename(list, localDay()), toCsv(columns, result.rows), 'text/csv;charset=utf-8');
      const message = result.truncated ? `Exported the first ${result.rows.length} rows; use the showroom export command for everything.` : `Exported ${result.rows.length} rows.`;
      setState({ busy: false, message, error: false });
    } catch (err) {
      setState({ busy: false, message: `Export failed: ${errorMessage(err)}`, error: true });
    }
  };
  return (
    <span className="export">
      <button type="button" onClick={() => void run()} disabled={state.busy}>
        {state.busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {state.message ? (
        <span className={state.error ? 'inline-error' : 'hint'} role={state.error ? 'alert' : 'status'}>
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
