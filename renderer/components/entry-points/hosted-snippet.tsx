import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnippetForms } from '../../../shared/domain/entry-points/snippet-common';
import { CopyButton } from './copy-button';
import { downloadText } from './download';

interface HostedSnippetProps {
  hosted: SnippetForms['hosted'];
  /** Script snippets can take the page's nonce instead; a button (no script) cannot. */
  script: boolean;
  /** Heading level of its title, one below the section it sits in. */
  level?: 3 | 4;
}

/**
 * Which form of a website snippet to use and why, and the CSP-compatible form: the file(s) to upload to the shop's
 * own site (with their SHA-256 hashes) and the tag that loads them.
 */
export function HostedSnippet({ hosted, script, level = 4 }: HostedSnippetProps): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="ep-hosted">
      <p className="field-hint">{t('entryPoints.snippetFormsWhy')}</p>
      {script && <p className="field-hint">{t('entryPoints.snippetNonce')}</p>}
      <Heading>{t('entryPoints.snippetHostedTitle')}</Heading>
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
