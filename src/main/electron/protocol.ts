import { protocol } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './appProtocol';

/** Chromium fixes scheme privileges when it starts, so this has to run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
