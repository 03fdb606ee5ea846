/** What a channel adapter is given: one outbox row, as the gateway will read it. */
export interface Delivery {
  id: string;
  address: string;
  kind: string;
  template: string;
  params: Record<string, string>;
  text: string;
  link: string | null;
}

/** A link inside the platform made absolute for a message read outside it; none without PUBLIC_URL. */
export const absoluteLink = (link: string | null, publicUrl: string | null) => (link && publicUrl ? `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}` : undefined);
