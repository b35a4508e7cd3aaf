import { describe, expect, test } from 'vitest';
import { blockingRecall } from '../bench/recall.js';

describe("the benchmark's blocking recall", () => {
  test('counts near-identical prose pairs and skips sentences without a key (furniture, headings)', () => {
    const documents = [
      { id: 'a', text: 'Harbour Fire\n\nA fire broke out at the harbour warehouse on Monday night, officials said. Firefighters worked until dawn.\n\nClick here to subscribe to our newsletter.' },
      { id: 'b', text: 'A fire broke out at the harbour warehouse on Monday evening, officials said. The cause is not yet known.\n\nShare this article' },
      { id: 'c', text: 'Advertisement\n\nA fire broke out at the harbor warehouse on Monday night, officials said.' },
    ];
    // The three reports of the fire are within the threshold of each other: three pairs, all grouped.
    expect(blockingRecall(documents)).toEqual({ pairs: 3, found: 3 });
  });
});
