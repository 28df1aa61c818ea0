// The secret values a command line assigns, as the shell would read them: exports, prefix assignments,
// arguments of the form NAME=value, --flag value; quotes removed; values the line cannot tell (expansions),
// short ones and names that are not secret left out.
import { describe, expect, it } from 'vitest';
import { secretAssignments } from '../../../../electron/host/terminal/secretAssignments';

describe('secretAssignments', () => {
  it.each([
    ['export API_TOKEN=sk_live_4eC39HqLyjWDarjtT1zdp7dc; echo "token is $API_TOKEN"', [['API_TOKEN', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc']]],
    ['DB_PASSWORD=hunter22 psql -h db', [['DB_PASSWORD', 'hunter22']]],
    ['export A=1 GH_AUTH="two words here" B=2', [['GH_AUTH', 'two words here']]],
    ["declare -x client_secret='it''s-quoted'", [['client_secret', 'its-quoted']]],
    ["PASSWORD=$'tab\\there'", [['PASSWORD', 'tab\there']]],
    ['PASSWORD="say \\"hi\\" now"', [['PASSWORD', 'say "hi" now']]],
    ['PASSWORD=semi\\;colon', [['PASSWORD', 'semi;colon']]],
    ['docker run -e STRIPE_API_KEY=rk_live_z4FkQ1okTBGzvAmwufUxbvJD img', [['STRIPE_API_KEY', 'rk_live_z4FkQ1okTBGzvAmwufUxbvJD']]],
    ['curl -d token=abcdef123 https://x', [['token', 'abcdef123']]],
    ['vault login --token=s.abcdef123 && vault login --token s.ghijkl456', [['token', 's.abcdef123'], ['token', 's.ghijkl456']]],
    ['true && AZURE_CREDENTIALS=xyz12345|cat', [['AZURE_CREDENTIALS', 'xyz12345']]],
    ['cat <<EOF\nSECRET_KEY=multi-line-1\nEOF', [['SECRET_KEY', 'multi-line-1']]],
    ['echo one \\\n  TOKEN=continued-line', [['TOKEN', 'continued-line']]],
  ])('learns from %j', (line, expected) => {
    expect(secretAssignments(line)).toEqual(expected);
  });

  it.each([
    ['a value the line does not hold', 'export API_TOKEN=$(vault read -field=token secret/api)'],
    ['a variable in the value', 'TOKEN="prefix-$OTHER"'],
    ['a braced variable', 'TOKEN=${OTHER}suffix'],
    ['backticks', 'TOKEN=`cat token.txt`'],
    ['an unknown C escape', "PASSWORD=$'\\x41bcdefg'"],
    ['a short value', 'export PASSWORD=abc12'],
    ['an empty value', 'export API_TOKEN='],
    ['a setting, not a secret', 'AUTH=disabled ./server'],
    ['names that are not secret', 'export EDITOR=vim-tiny TOKEN_FILE=/run/secrets/token max_tokens=100000 AUTHOR=somebody'],
    ['a name built from a variable', 'export ${NAME}_TOKEN=abcdefgh'],
    ['a quoted "=" that is no assignment', 'echo "the TOKEN must be set"'],
    ['a comment', 'ls # TOKEN=abcdefgh'],
    ['read -s, whose value is never on the line', 'read -rs API_TOKEN && export API_TOKEN'],
    ['a flag whose next word is another flag', 'vault login --token --method=oidc'],
    ['an append', 'TOKEN+=abcdefgh'],
  ])('learns nothing from %s', (_why, line) => {
    expect(secretAssignments(line)).toEqual([]);
  });

  it('keeps a literal dollar sign that starts no expansion', () => {
    expect(secretAssignments("PASSWORD='pa$$w0rd' X=1 TOKEN=cost-5$")).toEqual([
      ['PASSWORD', 'pa$$w0rd'],
      ['TOKEN', 'cost-5$'],
    ]);
  });

  it('survives unterminated quotes and expansions', () => {
    expect(secretAssignments('export TOKEN="abcdefgh')).toEqual([['TOKEN', 'abcdefgh']]);
    expect(secretAssignments("export TOKEN='abcdefgh")).toEqual([['TOKEN', 'abcdefgh']]);
    expect(secretAssignments('export TOKEN=$(echo')).toEqual([]);
  });
});
