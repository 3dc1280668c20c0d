import { expect } from '@open-wc/testing';
import { toJson } from '../../src/internal/json.js';

describe('toJson', () => {
  it('keeps arrays as arrays on a page with Prototype.js-style Array.prototype.toJSON', () => {
    const proto = Array.prototype as { toJSON?: (this: unknown[]) => string };
    proto.toJSON = function () {
      return `[${this.length} items]`;
    };
    try {
      expect(JSON.stringify({ a: [1, 2] })).to.equal('{"a":"[2 items]"}');
      expect(toJson({ a: [1, 2], b: [{ c: ['x'] }] })).to.equal('{"a":[1,2],"b":[{"c":["x"]}]}');
      expect(proto.toJSON).to.be.a('function', 'the page keeps its own override');
    } finally {
      delete proto.toJSON;
    }
  });

  it('is plain JSON.stringify on a normal page', () => {
    expect(toJson({ a: [1], b: 'x' })).to.equal('{"a":[1],"b":"x"}');
  });
});
