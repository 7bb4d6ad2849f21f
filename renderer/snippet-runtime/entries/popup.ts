// Bundle entry: the snippet wraps this in `(function (cfg, here) { … })(<config>, document.currentScript)`.
import type { PopupConfig } from '../../../shared/domain/snippet-runtime-config';
import { runPopup } from '../popup';

declare const cfg: PopupConfig;
declare const here: HTMLScriptElement | null;
runPopup(cfg, here);
