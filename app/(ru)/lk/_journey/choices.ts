import type { InsurerView } from '@/lib/applications/directory-views';

/** An insurer as the journeys offer it: a radio with the name and, as its hint, how to reach it. */
export interface InsurerOption {
  code: string;
  name: string;
  contacts: string;
}

export function insurerOption(i: InsurerView): InsurerOption {
  return {
    code: i.code,
    name: i.nameShort,
    contacts: [i.hotLine ? `горячая линия ${i.hotLine}` : `телефон ${i.phone}`, i.website]
      .filter(Boolean)
      .join(', '),
  };
}

/**
 * One request renders a page and checks several steps that read the same options (the insurers of a
 * region, the pre-check for a child): each is loaded once per key and request.
 */
export function oncePerKey<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key, load) => {
    let p = cache.get(key);
    if (!p) {
      p = load();
      cache.set(key, p);
    }
    return p;
  };
}
