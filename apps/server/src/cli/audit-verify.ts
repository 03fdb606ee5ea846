/**
 * npm run audit:verify: chains what is still unchained, then recomputes every district's audit chain (live and archive)
 * and reports altered, inserted and missing rows; exits 1 on any fault. Reads ./data (PGlite) or DATABASE_URL.
 */
import { type ChainFault, type DistrictVerification, verifyAll } from '../platform/audit-chain';
import { configFromEnv } from '../platform/config';
import { isPostgresUrl, openDatabase } from '../platform/db';
import { acquireDataDirLock } from '../platform/lock';

const KIND: Record<ChainFault['kind'], string> = {
  altered: 'altered row (content does not match its hash)',
  inserted: 'inserted row (a second row with this seq)',
  missing: 'missing rows',
  unlinked: 'unlinked row (prev_hash is not the previous row’s hash)',
};

function describeFault(f: ChainFault): string {
  if (f.kind === 'missing') return `${KIND.missing}: seq ${f.seq}${f.count && f.count > 1 ? `–${f.seq + f.count - 1}` : ''} (${f.count ?? 1})`;
  return `${KIND[f.kind]}: seq ${f.seq}${f.id ? `, id ${f.id}` : ''}`;
}

function report(results: readonly DistrictVerification[], print: (line: string) => void): boolean {
  let rows = 0;
  let faults = 0;
  for (const v of results) {
    const checked = v.liveRows + v.archivedRows - v.unchained;
    rows += checked;
    faults += v.faults.length;
    print(
      `${v.districtName} (${v.districtId}): ${checked} rows checked (live ${v.liveRows - v.unchained}, archive ${v.archivedRows}), head seq ${v.headSeq}` +
        (v.unchained ? `, ${v.unchained} written during the check not yet chained` : '') +
        (v.faults.length ? ` — ${v.faults.length} FAULT${v.faults.length > 1 ? 'S' : ''}, first bad seq ${v.firstBadSeq}` : ' — OK'),
    );
    print(`  head hash ${v.headHash}`);
    for (const f of v.faults.slice(0, 50)) print(`  ${describeFault(f)}`);
    if (v.faults.length > 50) print(`  … and ${v.faults.length - 50} more`);
  }
  print(`audit chain: ${results.length} district(s), ${rows} rows checked, ${faults ? `${faults} fault(s): NOT INTACT` : 'intact'}`);
  return faults === 0;
}

async function main() {
  const config = configFromEnv();
  const release = isPostgresUrl(config.databaseUrl) ? () => {} : await acquireDataDirLock(config.databaseUrl, 'command');
  const database = await openDatabase(config.databaseUrl, { ownerUrl: config.databaseOwnerUrl });
  try {
    console.log(`audit:verify on ${database.kind}${database.kind === 'pglite' ? ` (${config.databaseUrl})` : ''}`);
    const started = Date.now();
    const results = await verifyAll(database.db, new Date());
    const ok = report(results, (line) => console.log(line));
    console.log(`checked in ${Date.now() - started} ms`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await database.close();
    release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
