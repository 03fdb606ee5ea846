/** Personal data shown to people who do not need all of it: phone numbers as 138****1234. */

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** A mainland mobile number anywhere in a text (a parent's phone used as the username, say). */
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE, '$1****$2');
}

/** 居民身份证号 shown masked: the region code (first 6) and the last 4 kept, the birth date hidden: 140105********1234. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(-4)}` : '****';
}

/**
 * A home address shown masked: its first 6 characters (the district and street, 小店区平阳路…) and ****; a short
 * address keeps at most half of itself, so nothing short is shown whole.
 */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  return `${chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('')}****`;
}
