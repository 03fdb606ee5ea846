/**
 * WeChat template messages of the district's official account, through the district's relay (which holds the
 * account's access token). Body of the signed POST to WECHAT_URL, in the shape of WeChat's template message:
 *   { "id": outbox id, "touser": openid, "template_id": template id, "url": the page to open (with PUBLIC_URL),
 *     "data": { name: { "value": value }, … }, "text": the whole message }
 */
import { absoluteLink, type Delivery } from './delivery';

export const wechatRequest = (d: Delivery, publicUrl: string | null) => ({
  id: d.id,
  touser: d.address,
  template_id: d.template,
  url: absoluteLink(d.link, publicUrl),
  data: Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, { value: v }])),
  text: d.text,
});
