/** A file of the data folder that was not read, as a problem with its reason. */
import type { Problem } from '../problems.ts';
import type { ReadRefusal } from '../load/read-data-file.ts';
import { messages } from './messages.ts';

export function fileProblem(file: string, refusal: ReadRefusal): Problem {
  const base = { file, line: 1, column: 0, severity: 'error' as const };
  switch (refusal.reason) {
    case 'missing':
      return { ...base, code: 'file-missing', ...messages['file-missing']({}) };
    case 'outside':
      return { ...base, code: 'file-outside', ...messages['file-outside']({ target: refusal.target }) };
    case 'not-a-file':
      return { ...base, code: 'file-not-regular', ...messages['file-not-regular']({ kind: refusal.kind }) };
    case 'too-large':
      return { ...base, code: 'file-too-large', ...messages['file-too-large']({ size: refusal.size, limit: refusal.limit }) };
    case 'unreadable':
      return { ...base, code: 'file-unreadable', ...messages['file-unreadable']({ code: refusal.code }) };
  }
}
