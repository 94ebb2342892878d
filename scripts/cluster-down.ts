/** `npm run cluster:down [-- --destroy]`: stops the local cluster; --destroy also removes .data/cluster. */
import { stopCluster } from '@/db/cluster/local-cluster';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--destroy');
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(' ')}; usage: npm run cluster:down [-- --destroy]`);
  process.exit(2);
}
const destroy = args.includes('--destroy');
await stopCluster({ destroy, log: (line) => console.log(line) });
console.log(destroy ? 'The cluster is stopped and its data removed.' : 'The cluster is stopped.');
