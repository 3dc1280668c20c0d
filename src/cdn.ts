// Entry of the CDN files: registers every element and exports nothing, so the build can wrap the
// whole file in a load-once guard (see vite.config.ts).
import './index.js';
