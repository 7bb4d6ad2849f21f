// Bundle entry: the snippet wraps this in `(function (cfg, here) { … })(<config>, document.currentScript)`.
import type { OptInPopupConfig } from '../../../shared/domain/snippet-runtime-config';
import { runOptInPopup } from '../optin-popup';

declare const cfg: OptInPopupConfig;
declare const here: HTMLScriptElement | null;
runOptInPopup(cfg, here);
