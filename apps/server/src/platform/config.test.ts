import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from './config';

describe('settings from the environment', () => {
  it('listen on this machine only unless HOST opens it, trust no proxy, log at info', () => {
    const c = configFromEnv({});
    expect(c.host).toBe('127.0.0.1');
    expect(c.trustProxy).toEqual([]);
    expect(c.logLevel).toBe('info');
    expect(c.databaseOwnerUrl).toBeNull();
    expect(configFromEnv({ HOST: '0.0.0.0', TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' })).toMatchObject({ host: '0.0.0.0', trustProxy: ['10.0.0.5', '10.1.0.0/16'] });
  });

  it('stop the start with a message naming a setting that does not parse', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT=eighty/);
    expect(() => configFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL=loud/);
    expect(() => configFromEnv({ DEMO: 'yes' })).toThrow(/DEMO=yes/);
    expect(() => configFromEnv({ LOGIN_RATE_MAX: '0' })).toThrow(/LOGIN_RATE_MAX/);
  });

  it('a channel is on when its URL is set, with its key and templates; off otherwise', () => {
    const off = configFromEnv({});
    expect(off.channels).toEqual({ sms: null, wechat: null, dingtalk: null });
    expect(off.outbox.maxAttempts).toBe(8);
    const c = configFromEnv({
      SMS_URL: 'https://sms.example.gov.cn/send/',
      SMS_KEY: 'k'.repeat(32),
      SMS_TEMPLATES: 'homework.published=SMS_1001, homework.report_reminder=SMS_1002',
      PUBLIC_URL: 'https://sj.example.gov.cn/',
      OUTBOX_MAX_ATTEMPTS: '5',
    });
    expect(c.channels.sms).toEqual({ url: 'https://sms.example.gov.cn/send', key: 'k'.repeat(32), templates: { 'homework.published': 'SMS_1001', 'homework.report_reminder': 'SMS_1002' } });
    expect(c.channels.wechat).toBeNull();
    expect(c.publicUrl).toBe('https://sj.example.gov.cn');
    expect(c.outbox.maxAttempts).toBe(5);
  });

  it('refuses a channel URL that is not http(s), a missing or short key, and templates that do not parse', () => {
    expect(() => configFromEnv({ SMS_URL: 'ftp://sms', SMS_KEY: 'k'.repeat(32) })).toThrow(/SMS_URL=ftp:\/\/sms/);
    expect(() => configFromEnv({ WECHAT_URL: 'https://wx.example.gov.cn' })).toThrow(/WECHAT_KEY/);
    expect(() => configFromEnv({ DINGTALK_URL: 'https://dd.example.gov.cn', DINGTALK_KEY: 'short' })).toThrow(/DINGTALK_KEY/);
    expect(() => configFromEnv({ SMS_URL: 'https://sms', SMS_KEY: 'k'.repeat(32), SMS_TEMPLATES: 'homework.published' })).toThrow(/SMS_TEMPLATES/);
    expect(() => configFromEnv({ OUTBOX_MAX_ATTEMPTS: '0' })).toThrow(/OUTBOX_MAX_ATTEMPTS/);
    expect(() => configFromEnv({ PUBLIC_URL: 'sj.example.gov.cn' })).toThrow(/PUBLIC_URL/);
  });

  it('a read replica only beside a PostgreSQL primary, its URL a postgres one; lag limit 5 s by default', () => {
    const off = configFromEnv({});
    expect(off.databaseReplicaUrl).toBeNull();
    expect(off.replicaMaxLagMs).toBe(5000);
    const on = configFromEnv({ DATABASE_URL: 'postgres://sj_app@db1/sj', DATABASE_REPLICA_URL: 'postgres://sj_app@db2/sj', REPLICA_MAX_LAG_MS: '2000' });
    expect(on).toMatchObject({ databaseReplicaUrl: 'postgres://sj_app@db2/sj', replicaMaxLagMs: 2000 });
    expect(() => configFromEnv({ DATABASE_REPLICA_URL: 'postgres://sj_app@db2/sj' })).toThrow(/DATABASE_REPLICA_URL：只读副本须配合 PostgreSQL 主库/);
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://a@db1/sj', DATABASE_REPLICA_URL: 'mysql://u:secret@db2/sj' })).toThrow(/DATABASE_REPLICA_URL=mysql:\/\/u:\*\*\*@db2/);
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://a@db1/sj', DATABASE_REPLICA_URL: 'postgres://a@db2/sj', REPLICA_MAX_LAG_MS: 'soon' })).toThrow(/REPLICA_MAX_LAG_MS=soon/);
  });
});
