import type { PageForm } from './doors';

const ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  '#x27': "'",
  '#39': "'",
};
const unescapeHtml = (s: string) =>
  s.replace(/&(quot|amp|lt|gt|apos|#x27|#39);/g, (_, e: string) => ENTITIES[e]!);
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeHtml(m[1]!) : null;
};

/**
 * The POST forms of a page as the server rendered them: where they post, their hidden inputs (a server
 * action's id and bound state, a journey's answers so far) and the names of their fields and buttons (and
 * which of the fields take a file).
 */
export function formsOf(page: string, html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, open, inner] = m as unknown as [string, string, string];
    if ((attr(open, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const hidden: [string, string][] = [];
    const fields = new Set<string>();
    const files = new Set<string>();
    for (const tag of inner.matchAll(/<(input|select|textarea|button)\b[^>]*>/g)) {
      const name = attr(tag[0], 'name');
      if (!name) continue;
      if (tag[1] === 'input' && attr(tag[0], 'type') === 'hidden')
        hidden.push([name, attr(tag[0], 'value') ?? '']);
      else fields.add(name);
      if (tag[1] === 'input' && attr(tag[0], 'type') === 'file') files.add(name);
    }
    const action = attr(open, 'action');
    forms.push({
      page,
      action: action ? new URL(action, 'http://x').pathname : page,
      hidden,
      fields: [...fields],
      files: [...files],
    });
  }
  return forms;
}
