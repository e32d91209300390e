import { LineCounter, parseDocument } from 'yaml';

export type SourceFormat = 'yaml' | 'json';

export type SourceResult = { ok: true; data: unknown } | { ok: false; problems: string[] };

/** `.yaml`, `.yml` or `.json`, by extension; anything else is undefined. */
export function sourceFormatOf(path: string): SourceFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return 'json';
  return undefined;
}

/**
 * The text of a program file as plain data, or every syntax error with its line and column:
 * a person fixes a file by going to the line, so the position matters more than the parser's wording.
 */
export function parseSource(text: string, format: SourceFormat): SourceResult {
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

function parseYaml(text: string): SourceResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return `line ${line}, column ${col}: YAML syntax error: ${error.message}`;
      }),
    };
  }
  return { ok: true, data: doc.toJS() };
}

function parseJson(text: string): SourceResult {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    if (offset === undefined) return { ok: false, problems: [`JSON syntax error: ${message}`] };
    const before = text.slice(0, Number(offset)).split('\n');
    const line = before.length;
    const col = (before.at(-1)?.length ?? 0) + 1;
    const reason = message.replace(/ in JSON at position \d+.*$/s, '');
    return { ok: false, problems: [`line ${line}, column ${col}: JSON syntax error: ${reason}`] };
  }
}
