import { readFileSync } from 'node:fs';
import { parseDocument, isMap, isSeq } from 'yaml';
const src = readFileSync('/work/main/runbooks/database-issues.yaml','utf8');
const d = parseDocument(src);
const steps = (d.contents as any).get('steps', true);
steps.add(d.createNode({order: 99, description: 'List pods', command: 'kubectl get pods \\\n  -o wide\nkubectl top pods'}));
const out = d.toString({ lineWidth: 0 });
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/out.yaml', out);
