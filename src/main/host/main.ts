import { runBrowserHost } from './runBrowserHost';

await runBrowserHost([]);
