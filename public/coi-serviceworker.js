/*
 * Cross-origin isolation for static hosts that cannot set response headers.
 *
 * Loaded by index.html as a plain script. In the page: when the page is not cross-origin isolated
 * (and the host did not send the headers itself), it registers this same file as a service worker
 * and reloads once, so the worker controls the page. In the service worker: it answers every
 * same-origin request from the network, adding Cross-Origin-Opener-Policy: same-origin and
 * Cross-Origin-Embedder-Policy: require-corp, which is what makes the page isolated and lets the
 * wasm backend use threads. Nothing is cached. A page that is isolated already (`npm run dev`,
 * `vite preview`, a host that sends the headers) never registers it.
 */
/* global self, window, document, navigator, sessionStorage, Headers, Response */
if (typeof window === 'undefined') {
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (new URL(request.url).origin !== self.location.origin) return;
    if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
    event.respondWith(
      fetch(request).then((response) => {
        // Opaque responses (redirects seen by a navigation) cannot be copied; pass them on.
        if (response.status === 0) return response;
        const headers = new Headers(response.headers);
        headers.set('Cross-Origin-Opener-Policy', 'same-origin');
        headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
        return new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers,
        });
      }),
    );
  });
} else {
  (() => {
    const RELOADED = 'nas-studio:coi-reloaded';
    if (window.crossOriginIsolated !== false) return;
    if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
    // One reload at most per tab: if the page is still not isolated after it, stay on one thread.
    const reloadOnce = () => {
      if (sessionStorage.getItem(RELOADED) === '1') return;
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
    };
    const controlledAtLoad = navigator.serviceWorker.controller !== null;
    const script = document.currentScript;
    if (script === null || !(script instanceof HTMLScriptElement)) return;
    navigator.serviceWorker.register(script.src).then(
      (registration) => {
        if (registration?.active && !controlledAtLoad) reloadOnce();
        navigator.serviceWorker.addEventListener('controllerchange', reloadOnce);
      },
      (err) => console.warn('The cross-origin isolation service worker was refused:', err),
    );
  })();
}
