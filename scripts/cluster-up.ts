/**
 * `npm run cluster:up`: the local pg_auto_failover cluster (a monitor, a primary, a replica; ADR 0025) on
 * loopback under .data/cluster, the register migrated on its primary; prints the URLs to use.
 */
import { startCluster } from '@/db/cluster/local-cluster';

const info = await startCluster({ log: (line) => console.log(line) });
console.log(`
The cluster is up (${info.nodes.map((n) => `${n.name}: ${n.reported}`).join(', ')}).
  DATABASE_URL=${info.primaryUrl}
  the primary now:  ${info.currentPrimaryUrl}
  the replica${info.replicaUrls.length > 1 ? 's' : ''}:      ${info.replicaUrls.join(' ')}
  the monitor:      ${info.monitorUrl}
  WAL archive:      ${info.layout.archiveDir}
Run the app on it, reading from the replica (ADR 0026), with demo data in an empty register:
  DATABASE_URL='${info.primaryUrl}' DATABASE_REPLICA_URLS='${info.replicaUrls.join(',')}' npm run dev -- --demo-persons 5000
Stop it with \`npm run cluster:down\` (add \`-- --destroy\` to remove its data).`);
