// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { lga2022 } from '../../../../src/framework/lga-2022.ts';
import { heatCellsOf, insertHeatCells } from '../../../../src/screens/compare/heat-cells.ts';

describe('heat map cells', () => {
  const cellOf = heatCellsOf(lga2022);

  it('says the level, shaded by its place on the scale, with its name read out', () => {
    expect(cellOf(1, false)).toEqual({ className: 'num heat heat-1', shown: '1', spoken: ' Starting', dash: false });
    expect(cellOf(null, true)).toMatchObject({ className: 'num heat not-sure', shown: 'Not sure', spoken: '' });
    expect(cellOf(null, false)).toMatchObject({ className: 'num heat', shown: '–', spoken: ' not scored', dash: true });
  });

  it('puts the cells after the row header, and takes them out again', () => {
    const table = document.createElement('table');
    document.body.append(table);
    const row = table.insertRow();
    row.innerHTML = '<th>Data</th><td class="median">3</td>';
    const remove = insertHeatCells(row, [
      { cell: cellOf(2, false), groupId: 'a' },
      { cell: cellOf(null, false), groupId: 'b' },
      { cell: cellOf(null, true), groupId: 'c' },
    ]);
    const cells = [...row.cells].map((c) => [c.dataset.group, c.className, c.textContent]);
    expect(cells).toEqual([
      [undefined, '', 'Data'],
      ['a', 'num heat heat-2', '2 Developing'],
      ['b', 'num heat', '– not scored'],
      ['c', 'num heat not-sure', 'Not sure'],
      [undefined, 'median', '3'],
    ]);
    expect(row.cells[2]?.querySelector('[aria-hidden="true"]')?.textContent).toBe('–');
    remove();
    expect(row.cells).toHaveLength(2);
    table.remove();
  });
});
