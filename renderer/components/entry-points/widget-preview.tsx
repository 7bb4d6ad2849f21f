import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readableTextColour } from '../../../shared/domain/entry-points/colour';
import type { EntryPointKind, EntryPointStyle } from '../../../shared/domain/entry-points/types';

interface WidgetPreviewProps {
  kind: Extract<EntryPointKind, 'button' | 'chat' | 'popup'>;
  style: EntryPointStyle;
  shopName: string;
}

const FONT_PX = { small: 14, medium: 16, large: 20 } as const;

/**
 * A static look at how the widget will sit on a web page. Not the snippet itself: the app's CSP (script-src and
 * style-src 'self') is inherited by srcdoc/blob: frames, so the snippet's inline script and style could not run
 * there. Colours go through React's style prop (CSSOM), which that CSP allows.
 */
export function WidgetPreview({ kind, style, shopName }: WidgetPreviewProps): ReactNode {
  const { t } = useTranslation();
  const brand: CSSProperties = { background: style.colour, color: readableTextColour(style.colour) };
  const side = style.position === 'bottom-left' ? 'ep-mock-left' : 'ep-mock-right';
  return (
    <figure className="ep-mock-figure">
      <div className="ep-mock-page" aria-hidden="true">
        <span className="ep-mock-line" />
        <span className="ep-mock-line ep-mock-short" />
        {kind === 'button' && (
          <span
            className={`ep-mock-button ${style.position === 'inline' ? 'ep-mock-inline' : `ep-mock-fixed ${side}`}`}
            style={{ ...brand, fontSize: FONT_PX[style.size] }}
          >
            {style.buttonLabel}
          </span>
        )}
        {kind === 'chat' && (
          <span className={`ep-mock-chat ${side}`}>
            <span className="ep-mock-panel">
              <span className="ep-mock-panel-head" style={brand}>
                {shopName}
              </span>
              <span className="ep-mock-bubble-text">{style.greeting}</span>
              {style.openingHours && <span className="ep-mock-hours">{style.openingHours}</span>}
              <span className="ep-mock-input">{t('entryPoints.mockTypeHere')}</span>
            </span>
            <span className="ep-mock-bubble" style={brand}>
              ●
            </span>
          </span>
        )}
        {kind === 'popup' && (
          <span className="ep-mock-popup">
            <span className="ep-mock-close">×</span>
            <strong>{style.headline}</strong>
            <span>{style.greeting}</span>
            <span className="ep-mock-button" style={{ ...brand, fontSize: 16 }}>
              {style.buttonLabel}
            </span>
          </span>
        )}
      </div>
      <figcaption className="field-hint">
        {kind === 'popup' ? popupTriggers(style, t) : t('entryPoints.previewCaption')}
      </figcaption>
    </figure>
  );
}

/** "Shows after 10 s, at 50 % scroll or on exit intent; at most once every 7 days." in words. */
function popupTriggers(style: EntryPointStyle, t: (key: string, options?: Record<string, unknown>) => string): string {
  // 0 switches a trigger off in the snippet, so it is left out here too.
  const list = [
    ...(style.delaySeconds > 0 ? [t('entryPoints.triggerDelay', { seconds: style.delaySeconds })] : []),
    ...(style.scrollPercent > 0 ? [t('entryPoints.triggerScroll', { percent: style.scrollPercent })] : []),
    ...(style.exitIntent ? [t('entryPoints.triggerExit')] : []),
  ];
  if (list.length === 0) return t('entryPoints.noTrigger');
  const triggers = list.join(t('entryPoints.triggerOr'));
  const cap =
    style.frequencyCapDays > 0 ? t('entryPoints.capDays', { count: style.frequencyCapDays }) : t('entryPoints.capNone');
  return t('entryPoints.popupShows', { triggers, cap });
}
