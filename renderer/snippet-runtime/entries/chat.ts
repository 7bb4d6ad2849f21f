// Bundle entry: the snippet wraps this in `(function (cfg, here) { … })(<config>, document.currentScript)`.
import { runChat } from '../chat';
import type { ChatConfig } from '../../../shared/domain/snippet-runtime-config';

declare const cfg: ChatConfig;
declare const here: HTMLScriptElement | null;
runChat(cfg, here);
