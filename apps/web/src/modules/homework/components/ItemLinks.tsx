/** A homework item's links (opened in a new tab) and attachments (downloaded from the server), one a line. */
import { Typography } from 'antd';

export function ItemLinks({ item }: { item: { links: string[]; attachments: { id: string; name: string }[] } }) {
  return (
    <>
      {item.links.map((l) => (
        <div key={l}>
          <Typography.Link href={l} target="_blank" rel="noreferrer">
            {l}
          </Typography.Link>
        </div>
      ))}
      {item.attachments.map((a) => (
        <div key={a.id}>
          <Typography.Link href={`/api/homework/attachments/${a.id}`}>📎 {a.name}</Typography.Link>
        </div>
      ))}
    </>
  );
}
