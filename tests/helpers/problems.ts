import { decodeModelBytes, parseModel, type Problem } from '../../src/model';

/** The problems the CLI would report for a file's bytes (none when the file is valid). */
export function problemsOfBytes(bytes: Uint8Array): Problem[] {
  const decoded = decodeModelBytes(bytes);
  if (!decoded.ok) return decoded.problems;
  const result = parseModel(decoded.text);
  return result.ok ? [] : result.problems;
}
