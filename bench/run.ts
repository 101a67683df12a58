// `npm run bench`: prints one table per area. Ratios measured in one run are what to compare;
// absolute times vary with the machine's load. (`npx tsx bench/layout.ts --options` sweeps the
// ELK settings behind docs/layout.md.)
import { benchParse } from './parse';
import { benchLint } from './lint';
import { benchReading } from './reading';
import { benchLintFiles } from './lint-files';
import { benchLayout } from './layout';
import { benchExport } from './export';
import { benchEditor } from './editor';
import { benchBundle } from './bundle';

const sizes = [1_000, 10_000, 100_000];
benchParse(sizes);
benchLint(sizes);
benchReading(sizes);
await benchLintFiles();
await benchLayout();
await benchExport();
await benchEditor();
await benchBundle();
