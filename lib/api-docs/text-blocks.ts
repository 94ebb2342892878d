/**
 * The descriptions of the OpenAPI document and the CapabilityStatement are plain text with a little
 * Markdown (CommonMark is what OpenAPI allows): paragraphs, `- ` lists and `code` spans. This reads that
 * much, so the documentation page shows them as paragraphs, lists and code without an HTML converter
 * (nothing here is ever inserted as HTML).
 */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (item) {
      if (paragraph.length) {
        blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
        paragraph = [];
      }
      (list ??= []).push(item[1]!);
    } else if (list) {
      // A continuation line of the last item.
      list[list.length - 1] = `${list[list.length - 1]} ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export interface TextSpan {
  code: boolean;
  text: string;
}

/** A line split into plain text and `code` spans; an unmatched backtick stays plain text. */
export function codeSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) spans.push({ code: false, text: text.slice(last, m.index) });
    spans.push({ code: true, text: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) spans.push({ code: false, text: text.slice(last) });
  return spans;
}

/** The error codes a text names in code spans (`VALIDATION_FAILED`), in order, each once. */
export function codesNamed(text: string): string[] {
  const codes = codeSpans(text)
    .filter((s) => s.code && /^[A-Z][A-Z0-9_]+$/.test(s.text))
    .map((s) => s.text);
  return [...new Set(codes)];
}
