/**
 * DingTalk work notices (工作通知) to staff, through the district's relay (which holds the app's agent id and token).
 * Body of the signed POST to DINGTALK_URL, in the shape of DingTalk's send-by-template call:
 *   { "id": outbox id, "userid_list": DingTalk userid, "template_id": template id, "data": { name: value, … },
 *     "url": the page to open (with PUBLIC_URL), "text": the whole message }
 */
import { absoluteLink, type Delivery } from './delivery';

export const dingtalkRequest = (d: Delivery, publicUrl: string | null) => ({
  id: d.id,
  userid_list: d.address,
  template_id: d.template,
  data: d.params,
  url: absoluteLink(d.link, publicUrl),
  text: d.text,
});
