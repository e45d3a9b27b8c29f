/**
 * Parsing of the training data (the Indonesian Twitter hate-speech and abusive-language dataset of
 * Ibrohim & Budi, 2019; see README "Data and citations"). Pure: callers read the files (Latin-1).
 */

export interface LabelledText {
  text: string;
  /** HS or Abusive. */
  abuse: boolean;
  /** HS (any hate speech: the held-out split is stratified on it). */
  hate: boolean;
  /**
   * HS aimed at a group, a religion or a race (HS_Group, HS_Religion, HS_Race): the guidelines'
   * hate speech (SARA). HS aimed at one person (HS_Individual, most of HS) is abuse there.
   */
  group: boolean;
}

/**
 * `train.csv`: the tweet is every field but the last 12 (it has commas and is not always quoted);
 * the labels start with HS, Abusive, HS_Individual, HS_Group, HS_Religion, HS_Race. The tweets
 * were scraped as Python byte strings: literal "\n" stands for a line break and "\xf0\x9f…" for
 * emoji bytes; both are undone here so the model sees text as a composer holds it.
 */
export function parseTrainingCsv(content: string): LabelledText[] {
  const lines = content.split(/\r?\n/);
  const out: LabelledText[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const fields = line.split(',');
    if (fields.length < 13) continue;
    const labels = fields.slice(-12);
    let text = fields.slice(0, -12).join(',');
    if (text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1).replaceAll('""', '"');
    text = text
      .replace(/\\n/g, '\n')
      .replace(/(?:\\x[0-9a-f]{2})+/gi, ' ')
      .replace(/^(?:b')?RT\b/, '')
      .replace(/'$/, '')
      .trim();
    out.push({
      text,
      hate: labels[0] === '1',
      group: labels[3] === '1' || labels[4] === '1' || labels[5] === '1',
      abuse: labels[0] === '1' || labels[1] === '1',
    });
  }
  return out;
}

/** `new_kamusalay.csv`: "colloquial,standard" per line, no header; identical pairs dropped. */
export function parseSlangCsv(content: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of content.split(/\r?\n/)) {
    const comma = line.indexOf(',');
    if (comma <= 0) continue;
    const from = line.slice(0, comma).trim().toLowerCase();
    const to = line
      .slice(comma + 1)
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ');
    if (from && to && from !== to) pairs.push([from, to]);
  }
  return pairs;
}

/** `abusive.csv`: one word a line under the header ABUSIVE. */
export function parseLexiconCsv(content: string): string[] {
  return content
    .split(/\r?\n/)
    .slice(1)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
}
