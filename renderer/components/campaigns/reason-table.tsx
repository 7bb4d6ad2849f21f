import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonLabel } from './campaign-words';

/** Counts by reason (why skipped, why failed), largest first, in words the owner reads. */
export function ReasonTable(props: { caption: string; captionHidden?: boolean; reasonHeader: string; countHeader: string; rows: [string, number][] }): ReactNode {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const rows = [...props.rows].sort((a, b) => b[1] - a[1]);
  return (
    <table className="campaigns-table">
      <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.reasonHeader}</th>
          <th scope="col" className="num">
            {props.countHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([reason, count]) => (
          <tr key={reason}>
            <th scope="row">{reasonLabel(t, reason)}</th>
            <td className="num">{number.format(count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
