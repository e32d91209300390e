import { LineCounter, parseAllDocuments, visit } from 'yaml';

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
  if (!text.trim()) return { ok: false, problems: [EMPTY] };
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

/** Anchors and aliases are fine; an alias that expands to more than this much data is a "billion laughs" file. */
const MAX_ALIAS_COUNT = 100;

const EMPTY = 'the file is empty: a program file needs at least slug and name';

function parseYaml(text: string): SourceResult {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  const [doc, second] = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  if (!doc) return { ok: false, problems: [EMPTY] };
  const problems = doc.errors.map((error) => `${at(error.pos[0])}: YAML syntax error: ${error.message}`);
  if (second) {
    problems.push(
      `${at(second.range[0])}: a second YAML document starts here; a program file holds one program, in one document`,
    );
  }
  if (problems.length) return { ok: false, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The yaml package's alias limit; it does not say where, so point at the first alias.
    let first = 0;
    visit(doc, {
      Alias(_, node) {
        first = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return {
      ok: false,
      problems: [
        `${at(first)}: too many aliases: the *aliases in this file expand to too much data; write the values out`,
      ],
    };
  }
  // Only comments, or a lone "---": no program at all, which "expected object" would not make clear.
  return data === null || data === undefined ? { ok: false, problems: [EMPTY] } : { ok: true, data };
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
