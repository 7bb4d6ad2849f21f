import type { ReactNode } from 'react';

/** The same numbers as the chart, as a table: one row per day (or category), one column per series. */
export interface ChartTable {
  caption: string;
  /** Header of the first column, then one per series. */
  head: string[];
  rows: { key: string; header: string; cells: string[] }[];
}

/**
 * A chart screen readers can use: the drawing is one image whose label summarises it, followed by the data as a
 * table in a disclosure. Charts are for people who would rather look than read; the table is for everyone else.
 */
export function AccessibleChart({
  summary,
  table,
  tableToggle,
  className,
  tableClassName,
  children,
}: {
  summary: string;
  table: ChartTable;
  /** The disclosure's label ("Show as a table"). */
  tableToggle: string;
  className: string;
  tableClassName: string;
  children: ReactNode;
}): ReactNode {
  return (
    <>
      <div className={className} role="img" aria-label={summary}>
        {children}
      </div>
      <details className={tableClassName}>
        <summary>{tableToggle}</summary>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.head.map((label, i) => (
                <th scope="col" key={i}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.header}</th>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
