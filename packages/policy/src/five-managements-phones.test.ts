import { describe, expect, it } from 'vitest';
import { fiveManagementsSettings } from './five-managements.settings';
import { approvalExpired, markConsistent, phoneTransition, requestLive, requestsAccepted, requestValidUntil } from './five-managements-phones';

const rule = fiveManagementsSettings['five-managements.phones'].default;

describe('the district’s phone rule', () => {
  it('ban takes no requests (seed 004); request does (national rule)', () => {
    expect(requestsAccepted('ban')).toBe(false);
    expect(requestsAccepted('request')).toBe(true);
    expect(rule).toEqual({ rule: 'request', requestValidDays: 140 });
  });
});

describe('valid-until of a request (requestValidDays 140)', () => {
  it('defaults to the longest and refuses past it or not after today', () => {
    expect(requestValidUntil('2026-11-26', rule.requestValidDays)).toEqual({ validUntil: '2027-04-15' });
    expect(requestValidUntil('2026-11-26', rule.requestValidDays, '2027-04-15')).toEqual({ validUntil: '2027-04-15' });
    expect(requestValidUntil('2026-11-26', rule.requestValidDays, '2027-04-16')).toEqual({ reason: 'too_far', latest: '2027-04-15' });
    expect(requestValidUntil('2026-11-26', rule.requestValidDays, '2026-11-27')).toEqual({ validUntil: '2026-11-27' });
    expect(requestValidUntil('2026-11-26', rule.requestValidDays, '2026-11-26')).toEqual({ reason: 'not_after_today' });
  });
});

describe('a request’s life', () => {
  it('pending is approved, rejected or withdrawn', () => {
    expect(phoneTransition('pending', 'approve', false)).toBe('approved');
    expect(phoneTransition('pending', 'reject', false)).toBe('rejected');
    expect(phoneTransition('pending', 'withdraw', false)).toBe('withdrawn');
    expect(phoneTransition('pending', 'revoke', false)).toBeNull();
    expect(phoneTransition('pending', 'approve', true)).toBeNull();
  });
  it('approved is revoked or withdrawn; ended ones stay ended', () => {
    expect(phoneTransition('approved', 'revoke', false)).toBe('revoked');
    expect(phoneTransition('approved', 'withdraw', false)).toBe('withdrawn');
    expect(phoneTransition('approved', 'approve', false)).toBeNull();
    expect(phoneTransition('approved', 'revoke', true)).toBeNull();
    for (const s of ['rejected', 'withdrawn', 'revoked'] as const) for (const a of ['approve', 'reject', 'withdraw', 'revoke'] as const) expect(phoneTransition(s, a, false)).toBeNull();
  });
  it('an approval ends after its valid-until date', () => {
    expect(approvalExpired('2026-11-26', '2026-11-26')).toBe(false);
    expect(approvalExpired('2026-11-26', '2026-11-27')).toBe(true);
    expect(requestLive('approved', '2026-11-26', '2026-11-26')).toBe(true);
    expect(requestLive('approved', '2026-11-25', '2026-11-26')).toBe(false);
    expect(requestLive('pending', '2026-11-25', '2026-11-26')).toBe(true);
    expect(requestLive('rejected', '2027-01-01', '2026-11-26')).toBe(false);
  });
  it('a phone is given back only after it was handed in', () => {
    expect(markConsistent({ handedIn: true, returned: true })).toBe(true);
    expect(markConsistent({ handedIn: true, returned: false })).toBe(true);
    expect(markConsistent({ handedIn: false, returned: false })).toBe(true);
    expect(markConsistent({ handedIn: false, returned: true })).toBe(false);
  });
});
