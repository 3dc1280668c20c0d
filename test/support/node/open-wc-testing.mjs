// What the Node-run unit tests take from `@open-wc/testing`: chai's `expect`, nothing from the DOM.
export { expect } from 'chai';
