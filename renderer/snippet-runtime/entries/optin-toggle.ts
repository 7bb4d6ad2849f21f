// Bundle entry: the snippet wraps this in `(function (cfg, here) { … })(<config>, document.currentScript)`.
import type { OptInConfig } from '../../../shared/domain/snippet-runtime-config';
import { runOptInToggle } from '../optin-inline';

declare const cfg: OptInConfig;
declare const here: HTMLScriptElement | null;
runOptInToggle(cfg, here);
