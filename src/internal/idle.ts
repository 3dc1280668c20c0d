/** Runs `task` once the page is idle (after a moment where there is no `requestIdleCallback`). */
export const whenIdle = (task: (deadline?: IdleDeadline) => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 50);
};
