/**
 * The external channels this server delivers through, built from the settings (a channel without a URL is off, and
 * then nothing is written to the outbox for it). Each adapter turns an outbox row into its gateway's request.
 */
import type { ChannelConfig, Config } from '../config';
import type { OutboxChannel } from '../schema';
import type { Delivery } from './delivery';
import { dingtalkRequest } from './dingtalk';
import { signedPost } from './signed-post';
import { smsRequest } from './sms';
import { wechatRequest } from './wechat';

export type { Delivery };

export interface Channel {
  name: OutboxChannel;
  /** The gateway's template for a kind of message. */
  template(kind: string): string;
  send(delivery: Delivery, options: { now: Date; timeoutMs: number }): Promise<void>;
}

export type Channels = Readonly<Partial<Record<OutboxChannel, Channel>>>;

export const NO_CHANNELS: Channels = {};

const builders: Record<OutboxChannel, (d: Delivery, publicUrl: string | null) => unknown> = {
  sms: smsRequest,
  wechat: wechatRequest,
  dingtalk: dingtalkRequest,
};

export function channelOf(name: OutboxChannel, config: ChannelConfig, publicUrl: string | null): Channel {
  return {
    name,
    template: (kind) => config.templates[kind] ?? kind,
    send: (d, options) => signedPost(config.url, config.key, d.id, builders[name](d, publicUrl), options),
  };
}

export function channelsFromConfig(config: Pick<Config, 'channels' | 'publicUrl'>): Channels {
  const out: Partial<Record<OutboxChannel, Channel>> = {};
  for (const name of ['sms', 'wechat', 'dingtalk'] as const) {
    const c = config.channels[name];
    if (c) out[name] = channelOf(name, c, config.publicUrl);
  }
  return out;
}
