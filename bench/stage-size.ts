// Download sizes of the app's build: the first screen and the precache (how: bench/sizes.ts).
import { DIST } from './config.ts';
import { measureSizes } from './sizes.ts';
import { log, round, type Result } from './stats.ts';

export function sizeStage(): Result[] {
  const sizes = measureSizes(DIST);
  log(
    `Sizes: first screen ${sizes.initialKb.toFixed(1)} kB (${sizes.initial.map((f) => f.file).join(', ')}); precache ${sizes.precacheKb.toFixed(1)} kB in ${sizes.precache.length} files`,
  );
  if (sizes.precacheDuplicates.length) log(`  precache manifest lists twice: ${sizes.precacheDuplicates.join(', ')}`);
  return [
    { metric: 'initial-download-kb', value: round(sizes.initialKb), unit: 'kB', budget: 100 },
    { metric: 'precache-kb', value: round(sizes.precacheKb), unit: 'kB', budget: 300 },
  ];
}
