// The heat map's group cells: what each one says, and building a row of them as plain DOM.
//
// With 60 groups the table has 720 of these cells. Made by the component, each cell was a Svelte
// block with its own effect, and building them was the largest part of opening the compare screen
// (by CPU profile); now each is cloned from one prepared cell per kind (at most the levels plus
// "not sure" and "not scored"). Cloning measured faster than parsing a row's markup, and three
// nodes a cell faster than five.
import type { Framework } from '../../framework/types.ts';
import { levelName } from '../../framework/frameworks.ts';

/** One group's cell for one outcome. */
export interface HeatCell {
  /** The cell's classes: `num heat`, with the level's shade (`heat-1` for the lowest) or `not-sure`. */
  className: string;
  /** What the cell shows: the level, the "not sure" label, or a dash. */
  shown: string;
  /** Read out after it, visually hidden: the level's name, or "not scored" for the dash. */
  spoken: string;
  /** The dash is hidden from screen readers, which read "not scored" instead. */
  dash: boolean;
}

/**
 * What each cell says, for a framework: a function of a group's now level (null when not scored
 * or not a level) and whether it answered "not sure".
 */
export function heatCellsOf(framework: Framework): (value: number | null, notSure: boolean) => HeatCell {
  const levels = framework.scale.levels.map((l) => l.value).sort((a, b) => a - b);
  const notSureCell: HeatCell = {
    className: 'num heat not-sure',
    shown: framework.scale.notSureLabel,
    spoken: '',
    dash: false,
  };
  const unscored: HeatCell = { className: 'num heat', shown: '–', spoken: ' not scored', dash: true };
  const byLevel = new Map<number, HeatCell>(
    levels.map((value, i) => [
      value,
      {
        className: `num heat heat-${i + 1}`,
        shown: String(value),
        spoken: ` ${levelName(framework, value) ?? ''}`,
        dash: false,
      },
    ]),
  );
  return (value, notSure) => (notSure ? notSureCell : value === null ? unscored : (byLevel.get(value) ?? unscored));
}

/** A prepared `td` per cell kind, cloned for every cell of that kind. */
const prepared = new WeakMap<HeatCell, HTMLTableCellElement>();

// As few nodes as the cell needs: the number as plain text (the dash in a span hidden from screen
// readers), then the spoken part, if any, visually hidden.
function cellElement(cell: HeatCell): HTMLTableCellElement {
  let td = prepared.get(cell);
  if (!td) {
    td = document.createElement('td');
    td.className = cell.className;
    if (cell.dash) {
      const shown = document.createElement('span');
      shown.setAttribute('aria-hidden', 'true');
      shown.textContent = cell.shown;
      td.append(shown);
    } else {
      td.append(cell.shown);
    }
    if (cell.spoken) {
      const spoken = document.createElement('span');
      spoken.className = 'visually-hidden';
      spoken.textContent = cell.spoken;
      td.append(spoken);
    }
    prepared.set(cell, td);
  }
  return td.cloneNode(true) as HTMLTableCellElement;
}

/**
 * Puts a row's group cells into `row` after its header cell, each marked with its group's id
 * (`data-group`); returns a function that takes them out again.
 */
export function insertHeatCells(
  row: HTMLTableRowElement,
  cells: readonly { cell: HeatCell; groupId: string }[],
): () => void {
  const fragment = document.createDocumentFragment();
  const made = cells.map(({ cell, groupId }) => {
    const td = cellElement(cell);
    td.setAttribute('data-group', groupId);
    fragment.append(td);
    return td;
  });
  const header = row.firstElementChild;
  if (header) header.after(fragment);
  else row.prepend(fragment);
  return () => {
    // When the whole table goes, the row has already left the page: nothing to take out.
    if (!row.isConnected) return;
    for (const td of made) td.remove();
  };
}
