/**
 * The element that scrolls `element` into view: its nearest ancestor with its own scrollbar (the console's
 * content area), else the document's. Found from the layout so the page need not know the shell's markup.
 */
export function scrollerOf(element: Element): Element {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement ?? document.documentElement;
}
