import type { z } from 'zod';
import type { ChannelDef, Result } from './contract/define';
import { appChannels } from './contract/app';
import { backupChannels } from './contract/backups';
import { connectionChannels } from './contract/connection';
import { contactChannels } from './contract/contacts';
import { entryPointChannels } from './contract/entry-points';
import { importChannels } from './contract/import';
import { messageChannels } from './contract/messages';
import { campaignChannels } from './contract/campaigns';
import { ownerChannels } from './contract/owner';
import { kioskChannels } from './contract/kiosk';
import { profileChannels } from './contract/profile';
import { remoteOptInChannels } from './contract/remote-optins';
import { statsChannels } from './contract/stats';
import { templateMappingChannels } from './contract/template-mappings';
import { events } from './contract/events';

export * from './contract/define';

/**
 * The IPC contract: the single source of channel names (`domain:verb`), argument and result schemas.
 * The preload, the main-process handlers and the web bridge are all derived from this object.
 */
export const contract = {
  ...appChannels,
  ...profileChannels,
  ...ownerChannels,
  ...kioskChannels,
  ...entryPointChannels,
  ...contactChannels,
  ...backupChannels,
  ...importChannels,
  ...connectionChannels,
  ...messageChannels,
  ...remoteOptInChannels,
  ...campaignChannels,
  ...statsChannels,
  ...templateMappingChannels,
} satisfies Record<string, ChannelDef>;

export { events };

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
/** What a caller passes (before defaults and trimming). */
export type ArgsOf<C extends ChannelName> = z.input<Contract[C]['args']>;
/** What a handler receives (after parsing). */
export type ParsedArgsOf<C extends ChannelName> = z.output<Contract[C]['args']>;
export type ResultOf<C extends ChannelName> = z.output<Contract[C]['result']>;

export type EventName = keyof typeof events & string;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;
type CallOf<C extends ChannelName> = undefined extends ArgsOf<C>
  ? (args?: ArgsOf<C>) => Promise<Result<ResultOf<C>>>
  : (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;

/** The object the renderer sees as `window.api`: `api.profile.get()`, `api.events.subscribe(...)`. */
export type RendererApi = {
  [D in DomainOf<ChannelName>]: { [C in ChannelName as VerbOf<C, D>]: CallOf<C> };
} & {
  events: {
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  };
};

/** Splits `domain:verb`; the contract guarantees the shape. */
export function splitChannel(name: string): [string, string] {
  const at = name.indexOf(':');
  return [name.slice(0, at), name.slice(at + 1)];
}
