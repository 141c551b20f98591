/**
 * A JSON declaration file of the data folder (a table schema, metrics.json, the site
 * configuration) read through the same gate: the file is read safely, then checked as
 * declaration-text.ts checks bytes. Adding a declaration file to the gate is one call.
 */
import type { z } from 'zod';
import { fileLimits, readDataFile } from '../load/read-data-file.ts';
import { fileProblem } from './file-problem.ts';
import { checkDeclarationText, type DeclarationResult } from './declaration-text.ts';

export { checkDeclarationText, pointerOf, type DeclarationResult, type JsonPath } from './declaration-text.ts';

/**
 * Reads `fileName` in `dataDir` and checks it against `schema`. `shownAs` is the file's name as
 * printed in messages (relative to where the command runs).
 */
export function validateDeclaration<S extends z.ZodType>(
  dataDir: string,
  fileName: string,
  schema: S,
  shownAs: string = fileName,
): DeclarationResult<z.output<S>> {
  const read = readDataFile(dataDir, fileName, fileLimits.jsonBytes);
  if (!read.ok) return { value: null, problems: [fileProblem(shownAs, read)], at: () => ({ line: 1, column: 0 }) };
  return checkDeclarationText(shownAs, read.bytes, schema);
}

