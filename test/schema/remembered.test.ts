// Results remembered by argument (src/schema/remembered.ts): date-times, zone names, URLs.
import { expect } from '@open-wc/testing';
import { remembered } from '../../src/schema/remembered.js';

describe('remembered', () => {
  it('reads a text once and gives the same result after, undefined and false included', () => {
    const reads: string[] = [];
    const read = remembered((text) => {
      reads.push(text);
      return text === 'none' ? undefined : text === 'no' ? false : { text };
    });
    const first = read('a');
    expect(read('a')).to.equal(first);
    expect(read('none')).to.equal(undefined);
    expect(read('none')).to.equal(undefined);
    expect(read('no')).to.equal(false);
    expect(read('no')).to.equal(false);
    expect(reads).to.deep.equal(['a', 'none', 'no']);
  });

  it('forgets what it read once it holds a thousand texts', () => {
    let reads = 0;
    const read = remembered((text) => (reads++, text.length));
    for (let n = 0; n < 1000; n++) read(`text ${n}`);
    read('text 0');
    expect(reads).to.equal(1000);
    read('one more');
    read('text 0');
    expect(reads).to.equal(1002);
  });
});
