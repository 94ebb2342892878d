/**
 * `npm run cluster:down [-- --destroy] [-- --dir <directory>]`: stops the local cluster (in .data/cluster,
 * or in the directory given: a test suite's cluster left by a killed run); --destroy also removes its data.
 */
import { stopCluster } from '@/db/cluster/local-cluster';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dir = dirAt >= 0 ? args[dirAt + 1] : undefined;
const unknown = args.filter((a, i) => a !== '--destroy' && !(dirAt >= 0 && (i === dirAt || i === dirAt + 1)));
if (unknown.length > 0 || (dirAt >= 0 && !dir)) {
  console.error(
    `Unknown argument ${unknown.join(' ')}; usage: npm run cluster:down [-- --destroy] [--dir <directory>]`,
  );
  process.exit(2);
}
const destroy = args.includes('--destroy');
await stopCluster({ dir, destroy, log: (line) => console.log(line) });
console.log(destroy ? 'The cluster is stopped and its data removed.' : 'The cluster is stopped.');
