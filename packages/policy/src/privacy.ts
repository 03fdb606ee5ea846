/** Personal data shown to people who do not need all of it: phone numbers as 138****1234. */

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** A mainland mobile number anywhere in a text (a parent's phone used as the username, say). */
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE, '$1****$2');
}
