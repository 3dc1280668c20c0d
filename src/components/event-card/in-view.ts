/**
 * A card far from the viewport skips style, layout and paint until it comes near
 * (`content-visibility: auto` on its `<article>`, see the card's styles): in an agenda of 200
 * cards only the few in view cost layout. But Chromium decides which skipped elements are near
 * only after a frame is painted, so cards already in view would first paint as placeholders and
 * then grow to their real height (a layout shift), and their text would read as empty
 * (`innerText`) until then. So the cards look where their new `<article>`s are right after
 * rendering, all together once the cards of that moment have rendered (a microtask later: before
 * `updateComplete` resolves), and those in view are marked `in-view` and render at once. Marked
 * cards take their real height, which moves the others: measured again until no more come into
 * view. Each round is one layout, of mostly placeholders.
 */

let pending: Element[] = [];

function markCardsInView() {
  let articles = pending;
  pending = [];
  for (;;) {
    // All positions first (one layout), then the changes.
    const inView = articles.filter((article) => {
      const { top, bottom } = article.getBoundingClientRect();
      return top < innerHeight && bottom > 0;
    });
    if (!inView.length) return;
    for (const article of inView) article.classList.add('in-view');
    articles = articles.filter((article) => !inView.includes(article));
  }
}

/** Marks a card's new `<article>` `in-view` when it is in view once the cards of this moment have rendered. */
export function markIfInView(article: Element): void {
  if (!pending.length) queueMicrotask(markCardsInView);
  pending.push(article);
}
