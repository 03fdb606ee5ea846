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
});
