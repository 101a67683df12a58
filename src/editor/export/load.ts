// The browser export adapters with docx, jsPDF and svg2pdf.js behind them: fetched when the Export
// dialog first opens, not with the editor.
import { chunkLoader } from '../load-chunk';

export type BrowserExport = typeof import('./index');

export const loadBrowserExport = chunkLoader<BrowserExport>('The export code', () => import('./index'));
