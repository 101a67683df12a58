export * from './vocabulary';
export * from './schema';
export * from './parse';
export * from './canonical';
export * from './graph';
export { formatPath, locatePaths, syntaxProblems, LineIndex, type PathSegment, type TextPosition } from './json-location';
export * from './json-schema';
export * from './escape';
