/** An OpenAPI document as the tag checks read it. */
interface TaggedDocument {
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, { tags?: string[] }>>;
}

/** The tags a document declares, and the tags its operations use: equal in an honest document. */
export function declaredAndUsedTags(body: unknown): { declared: string[]; used: string[] } {
  const doc = body as TaggedDocument;
  const used = new Set(
    Object.values(doc.paths).flatMap((path) => Object.values(path).flatMap((op) => op.tags ?? [])),
  );
  return { declared: doc.tags.map((t) => t.name).sort(), used: [...used].sort() };
}
