/** Imported first by the entry module: puts the remembered theme on the page before the studio renders (no inline script needed). */
import { startTheme } from './theme-store';

startTheme();
