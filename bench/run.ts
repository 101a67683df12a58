// `npm run bench`: prints one table per area. Ratios measured in one run are what to compare;
// absolute times vary with the machine's load.
import { benchParse } from './parse';
import { benchLint } from './lint';

const sizes = [1_000, 10_000, 100_000];
benchParse(sizes);
benchLint(sizes);
