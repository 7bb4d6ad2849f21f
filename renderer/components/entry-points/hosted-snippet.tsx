import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnippetForms } from '../../../shared/domain/entry-points/snippet-common';
import { CopyButton } from './copy-button';
import { downloadText } from './download';

interface HostedSnippetProps {
  hosted: SnippetForms['hosted'];
  /** Script snippets can take the page's nonce instead; a button (no script) cannot. */
  script: boolean;
}

/**
 * Which form of a website snippet to use and why, and the CSP-compatible form: the file(s) to upload to the shop's
 * own site (with their SHA-256 hashes) and the tag that loads them.
 */
export function HostedSnippet({ hosted, script }: HostedSnippetProps): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="ep-hosted">
      <p className="field-hint">{t('entryPoints.snippetFormsWhy')}</p>
      {script && <p className="field-hint">{t('entryPoints.snippetNonce')}</p>}
      <h4>{t('entryPoints.snippetHostedTitle')}</h4>
      <p className="field-hint">{t('entryPoints.snippetHostedSteps')}</p>
      <ul className="ep-hosted-files">
        {hosted.files.map((file) => (
          <li key={file.name}>
            <button type="button" onClick={() => downloadText(file.text, file.name, file.type)}>
              {t('entryPoints.downloadFile', { name: file.name })}
            </button>{' '}
            <code className="field-hint">{t('entryPoints.fileHash', { name: file.name, hash: file.integrity.replace(/^sha256-/, '') })}</code>
          </li>
        ))}
      </ul>
      <div className="field ep-copyable">
        <label htmlFor={id}>{t('entryPoints.snippetHosted')}</label>
        <textarea id={id} readOnly rows={3} value={hosted.html} spellCheck={false} />
        <CopyButton text={hosted.html} label={t('entryPoints.copyHosted')} />
      </div>
    </div>
  );
}
