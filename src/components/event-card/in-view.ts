/**
 * A card far from the viewport skips style, layout and paint until it comes near
 * (`content-visibility: auto` on its `<article>`, see the card's styles): in an agenda of 200
 * cards only the few in view cost layout. But Chromium decides which skipped elements are near
 * only after a frame is painted, so cards already in view would first paint as placeholders and
 * then grow to their real height (a layout shift), and their text would read as empty
 * (`innerText`) until then. So a card looks where its new `<article>` is right after rendering
 * it: in view, it is marked `in-view` and renders at once. The layout this forces is small: every
 * card before it is laid out already, and the ones out of view are placeholders.
 */
export function markIfInView(article: Element): void {
  const { top, bottom } = article.getBoundingClientRect();
  if (top < innerHeight && bottom > 0) article.classList.add('in-view');
}
