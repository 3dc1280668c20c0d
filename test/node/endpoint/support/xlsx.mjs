// A small, strict reader of the first sheet of an .xlsx file, written apart from the library that
// writes the export: it unzips the package (fflate) and reads the Office Open XML itself, the way a
// spreadsheet does, so a test sees each cell's stored type (number, boolean, date, text, formula).
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text) {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function attributes(tag) {
  const found = {};
  for (const [, name, value] of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found[name] = unescapeXml(value);
  return found;
}

/** The text of a string item: its `<t>` elements (rich-text runs included) joined. */
function itemText(xml) {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => unescapeXml(match[1])).join('');
}

/** Built-in number formats that show a date or time (ECMA-376 part 1, 18.8.30). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format shows a date when it has date or time letters outside quotes and brackets. */
function isDateFormat(code) {
  return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function columnIndex(ref) {
  let index = 0;
  for (const letter of /^[A-Z]+/.exec(ref)[0]) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

/** Excel's serial day number (1900 date system) as a JavaScript Date. */
function serialDate(serial) {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/**
 * @param {Uint8Array} bytes the .xlsx file
 * @returns {{ contentTypes: string, sheetName: string, rows: ({ type: string, value: unknown, format?: string } | undefined)[][] }}
 */
export function readXlsx(bytes) {
  const files = unzipSync(new Uint8Array(bytes));
  const read = (name) => {
    if (!files[name]) throw new Error(`${name} is missing from the package`);
    return strFromU8(files[name]);
  };
  const contentTypes = read('[Content_Types].xml');
  const sheetTag = attributes(/<sheet\s[^>]*>/.exec(read('xl/workbook.xml'))[0]);
  const relation = [...read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)]
    .map((match) => attributes(match[0]))
    .find((entry) => entry.Id === sheetTag['r:id']);
  const sheetPath = relation.Target.startsWith('/') ? relation.Target.slice(1) : `xl/${relation.Target}`;

  const shared = files['xl/sharedStrings.xml']
    ? [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => itemText(match[1]))
    : [];
  const styles = read('xl/styles.xml');
  const customFormats = new Map(
    [...styles.matchAll(/<numFmt\s[^>]*>/g)].map((match) => {
      const { numFmtId, formatCode } = attributes(match[0]);
      return [Number(numFmtId), formatCode];
    }),
  );
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const formats = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((match) => Number(attributes(match[0]).numFmtId ?? 0));

  const rows = [];
  for (const [, rowTag, rowXml] of read(sheetPath).matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const row = [];
    for (const [, cellTag, body = ''] of rowXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const { r, t = 'n', s = '0' } = attributes(cellTag);
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const formula = /<f\b/.test(body);
      const formatId = formats[Number(s)] ?? 0;
      const format = customFormats.get(formatId);
      let cell;
      if (formula) cell = { type: 'formula', value: /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1] };
      else if (t === 's') cell = { type: 'string', value: shared[Number(raw)] };
      else if (t === 'inlineStr' || t === 'str') cell = { type: 'string', value: t === 'str' ? unescapeXml(raw ?? '') : itemText(body) };
      else if (t === 'b') cell = { type: 'boolean', value: raw === '1' };
      else if (t === 'e') cell = { type: 'error', value: raw };
      else if (raw === undefined) cell = undefined;
      else if (BUILT_IN_DATES.has(formatId) || (format !== undefined && isDateFormat(format))) cell = { type: 'date', value: serialDate(Number(raw)), format };
      else cell = { type: 'number', value: Number(raw) };
      row[columnIndex(r)] = cell;
    }
    rows[Number(attributes(rowTag).r) - 1] = row;
  }
  return { contentTypes, sheetName: sheetTag.name, rows };
}
