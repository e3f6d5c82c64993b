import type { Framework } from './types.ts';
import { lga2022 } from './lga-2022.ts';

/** Every framework the app can score against. */
export const frameworks: readonly Framework[] = [lga2022];

/** The framework a new workshop uses. */
export const defaultFramework: Framework = lga2022;

/** The framework with this id, or undefined if the app does not know it. */
export function getFramework(id: string): Framework | undefined {
  return frameworks.find((framework) => framework.id === id);
}

/** The name of a scale level, e.g. "Established" for 3; undefined if the value is not a level. */
export function levelName(framework: Framework, value: number): string | undefined {
  return framework.scale.levels.find((level) => level.value === value)?.name;
}

/** A scale level as shown to people, e.g. "3 Established"; undefined if the value is not a level. */
export function levelLabel(framework: Framework, value: number): string | undefined {
  const name = levelName(framework, value);
  return name === undefined ? undefined : `${value} ${name}`;
}
