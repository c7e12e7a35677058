// Where a server problem points in the JSON text: "states.Orphan", "transitions[3]", "GlobalParams.daysToChoose",
// "Rules.ChoiceDeadline" or a top-level key become a range of characters, so the editor can underline it.

type Segment = string | number;
interface Located {
  start: number;
  end: number;
  value: unknown;
  children?: Map<Segment, Located>;
}

/** A small JSON reader that keeps where each value starts and ends; null when the text is not JSON. */
function read(text: string): Located | null {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw new Error('not JSON');
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Located => {
    space();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const children = new Map<Segment, Located>();
      const object: Record<string, unknown> = {};
      space();
      if (text[i] === '}') i++;
      else
        for (;;) {
          space();
          if (text[i] !== '"') fail();
          const key = string();
          space();
          if (text[i++] !== ':') fail();
          const child = value();
          children.set(key, child);
          object[key] = child.value;
          space();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
      return { start, end: i, value: object, children };
    }
    if (c === '[') {
      i++;
      const children = new Map<Segment, Located>();
      const list: unknown[] = [];
      space();
      if (text[i] === ']') i++;
      else
        for (;;) {
          const child = value();
          children.set(list.length, child);
          list.push(child.value);
          space();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
      return { start, end: i, value: list, children };
    }
    if (c === '"') return { start, value: string(), end: i };
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!literal) fail();
    i += literal![0].length;
    return { start, end: i, value: JSON.parse(literal![0]) };
  };
  try {
    const root = value();
    space();
    return i === text.length ? root : null;
  } catch {
    return null;
  }
}

/** The path a problem's `where` names, in a document of this shape. */
export function pathOf(where: string, document: unknown): Segment[] {
  const named = (list: string, key: string, name: string): Segment[] => {
    const items = (document as Record<string, unknown> | null)?.[list];
    const index = Array.isArray(items) ? items.findIndex((x) => (x as Record<string, unknown> | null)?.[key] === name) : -1;
    return index >= 0 ? [list, index] : [list];
  };
  let match: RegExpExecArray | null;
  if ((match = /^states\.(.+)$/.exec(where))) return named('states', 'name', match[1]);
  if ((match = /^transitions\[(\d+)\]/.exec(where))) return ['transitions', Number(match[1])];
  if ((match = /^GlobalParams\.(.+)$/.exec(where))) return named('GlobalParams', 'Name', match[1]);
  if ((match = /^Rules\.(.+)$/.exec(where))) return named('Rules', 'RuleName', match[1]);
  if ((match = /^([A-Za-z]+)$/.exec(where))) return [match[1]];
  return [];
}

/** The characters a problem points at: the deepest part of its path found in the text, or the first line. */
export function locate(text: string, where: string): { start: number; end: number } {
  const root = read(text);
  if (!root) return { start: 0, end: Math.max(0, text.indexOf('\n')) };
  let node = root;
  for (const segment of pathOf(where, root.value)) {
    const child = node.children?.get(segment);
    if (!child) break;
    node = child;
  }
  if (node === root) return { start: 0, end: Math.max(1, text.indexOf('\n')) };
  // An object or a list is underlined on its first line only, not over its whole length.
  const firstLine = text.indexOf('\n', node.start);
  return { start: node.start, end: node.children && firstLine > node.start && firstLine < node.end ? firstLine : node.end };
}
