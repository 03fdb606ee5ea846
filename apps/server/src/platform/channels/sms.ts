/**
 * The district's SMS gateway. Body of the signed POST to SMS_URL (see signed-post.ts for the headers):
 *   { "id": outbox id, "phone": "13800001234", "template": template id, "params": { name: value, … }, "text": the
 *     whole message in Chinese, for gateways that send free text }
 */
import type { Delivery } from './delivery';

export const smsRequest = (d: Delivery) => ({ id: d.id, phone: d.address, template: d.template, params: d.params, text: d.text });
