import path from 'node:path';
import { REPO } from '../helpers/paths';

export const RULE_DOCS_DIR = path.join(REPO, 'docs', 'rules');
