// Text measured in terminal cells, not characters: an East Asian wide character (Chinese host names) takes
// two cells, a combining mark none, an emoji with its modifiers two. string-width knows those rules; this
// module pads, cuts and wraps by them so that columns line up whatever the script.
import stringWidth from 'string-width';

/** The terminal cells `text` takes. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to at most `max` cells, ending in `…` when cut. A wide character that would straddle the edge
 * is dropped whole (and the cell left empty), never split.
 */
export function truncateCells(text: string, max: number): string {
  if (cellWidth(text) <= max) {
    return text;
  }
  if (max <= 0) {
    return '';
  }
  const room = max - cellWidth(ELLIPSIS);
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const width = cellWidth(segment);
    if (used + width > room) {
      break;
    }
    kept += segment;
    used += width;
  }
  return kept + ELLIPSIS;
}

/** `text` followed by spaces up to `width` cells. */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}

// Chinese and Japanese text has no spaces between words: a line may break between any two of its characters,
// but not before a closing mark (，。）” ...) nor after an opening one (（“ ...), so that punctuation stays with
// its word. Latin words inside such text (SMS.0203, diskpart) still break only at spaces.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const CLOSING = /^[，。、；：？！）》」』】〕”’…,.;:!?)\]}%]/;
const OPENING = /[（《「『【〔“‘([{]$/;

/** The pieces `text` may break between: each with whether a space stood before it (dropped at a break). */
function breakableUnits(text: string): { text: string; spaceBefore: boolean }[] {
  const units: { text: string; spaceBefore: boolean }[] = [];
  let space = false;
  let previous = '';
  for (const { segment } of graphemes.segment(text)) {
    if (segment === ' ') {
      space = true;
      continue;
    }
    const last = units[units.length - 1];
    const breakHere =
      last === undefined ||
      space ||
      ((CJK.test(previous) || CJK.test(segment)) && !CLOSING.test(segment) && !OPENING.test(previous));
    if (breakHere) {
      units.push({ text: segment, spaceBefore: space && last !== undefined });
    } else {
      last.text += segment;
    }
    space = false;
    previous = segment;
  }
  return units;
}

/**
 * `text` broken into lines of at most `width` cells, at spaces and between CJK characters; a word longer
 * than a line is cut into pieces. An unlimited width (Infinity) gives the text as one line.
 */
export function wrapCells(text: string, width: number): string[] {
  if (!Number.isFinite(width) || cellWidth(text) <= width) {
    return [text];
  }
  const lines: string[] = [];
  let line = '';
  for (const unit of breakableUnits(text)) {
    const candidate = line === '' ? unit.text : `${line}${unit.spaceBefore ? ' ' : ''}${unit.text}`;
    if (cellWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') {
      lines.push(line);
    }
    line = unit.text;
    // A word wider than the line (a long path or URL): cut it, cell by cell.
    while (cellWidth(line) > width) {
      let piece = '';
      for (const { segment } of graphemes.segment(line)) {
        if (cellWidth(piece + segment) > width) {
          break;
        }
        piece += segment;
      }
      if (piece === '') {
        break;
      }
      lines.push(piece);
      line = line.slice(piece.length);
    }
  }
  if (line !== '') {
    lines.push(line);
  }
  return lines;
}
