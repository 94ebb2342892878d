/**
 * What Next's production build would have a page load: the root main files of `build-manifest.json` and
 * the page's client entry chunks from its `page_client-reference-manifest.js`, gzip-9 compressed. The
 * portal benchmark prints it beside what the portal actually sends (ADR 0016).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';

interface BuildManifest {
  rootMainFiles: string[];
}
interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

/** The scripts of `route` (an app route such as `/lk/polis` or `/verify/[code]`) and their compressed size. */
export function builtFirstLoadJs(distDir: string, route: string): { files: number; gzip: number } {
  const build = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as BuildManifest;
  const segment = route === '/' ? '' : route.slice(1);
  const manifestFile = path.join(distDir, 'server', 'app', segment, 'page_client-reference-manifest.js');
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[<page>]; run it in a bare context.
  const context = vm.createContext({}) as { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> };
  vm.runInContext(readFileSync(manifestFile, 'utf8'), context);
  const manifest = Object.values(context.__RSC_MANIFEST ?? {})[0];
  if (!manifest) throw new Error(`${manifestFile}: no client reference manifest`);
  const files = new Set(build.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const f of chunks) files.add(f);
  let gzip = 0;
  for (const f of files) gzip += gzipSync(readFileSync(path.join(distDir, f)), { level: 9 }).length;
  return { files: files.size, gzip };
}
