import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingSuggestion } from '../../../shared/domain/import/column-mapping';
import { IMPORT_FIELDS, type ImportField } from '../../../shared/domain/import/header-aliases';
import { Field } from '../field';

/** One select per import field, listing the file's columns; the phone column is required. */
export function MappingFields({
  headers,
  mapping,
  problem,
  onChange,
}: {
  headers: string[];
  mapping: MappingSuggestion;
  problem: { field: string; message: string } | null;
  onChange: (mapping: MappingSuggestion) => void;
}): ReactNode {
  const { t } = useTranslation();
  const set = (field: ImportField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    onChange(next);
  };
  return (
    <fieldset className="import-mapping">
      <legend>{t('import.mappingTitle')}</legend>
      <p className="field-hint">{t('import.mappingHint')}</p>
      {IMPORT_FIELDS.map((field) => (
        <Field
          key={field}
          label={field === 'phone' ? `${t('import.fields.phone')} (${t('common.required')})` : t(`import.fields.${field}`)}
          error={problem?.field === field ? problem.message : undefined}
        >
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={mapping[field] === undefined ? '' : String(mapping[field])}
              onChange={(e) => set(field, e.target.value)}
            >
              <option value="">{t('import.notInFile')}</option>
              {headers.map((header, column) => (
                <option key={column} value={column}>
                  {header}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
    </fieldset>
  );
}
