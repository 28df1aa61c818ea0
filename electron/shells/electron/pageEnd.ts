// When the page a web contents shows comes to an end while the web contents lives on. What the shell holds
// for a page (its terminal stream connection, with the bytes it has not acknowledged) must go with the page:
// the next page in the same contents (a reload, a renderer restarted after a crash) starts from nothing.
import type { WebContents } from 'electron';

export type PageContents = Pick<WebContents, 'on' | 'off'>;

/**
 * Calls `ended` each time the current page ends: the main frame starts loading another document (reload
 * included; a same-document move such as pushState or #hash keeps the page), the renderer process is gone
 * (crashed, killed, out of memory), or the contents are destroyed. Returns a function that stops watching.
 */
export function onPageEnd(contents: PageContents, ended: () => void): () => void {
  const navigationStarted = (details: { isMainFrame: boolean; isSameDocument: boolean }) => {
    if (details.isMainFrame && !details.isSameDocument) ended();
  };
  const rendererGone = () => ended();
  const destroyed = () => ended();
  contents.on('did-start-navigation', navigationStarted);
  contents.on('render-process-gone', rendererGone);
  contents.on('destroyed', destroyed);
  return () => {
    contents.off('did-start-navigation', navigationStarted);
    contents.off('render-process-gone', rendererGone);
    contents.off('destroyed', destroyed);
  };
}
