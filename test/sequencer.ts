/**
 * The order test files start in. Both projects share one pool of two workers (vitest.config.ts),
 * so the order is the schedule: the files of test/projects.ts's `longestFirst` in that order,
 * then the rest as vitest orders them (longest last time first, else largest file first), the
 * unit project's before the site project's, whose readers of the built site wait for it.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { longestFirst } from './projects.ts';

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = longestFirst.indexOf(relative(this.ctx.config.root, spec.moduleId).split('\\').join('/'));
      return at >= 0 ? at : longestFirst.length + (spec.project.name === 'unit' ? 0 : 1);
    };
    // A stable sort: files of equal rank keep vitest's order.
    return base.map((spec, i) => ({ spec, i, rank: rank(spec) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map(({ spec }) => spec);
  }
}
