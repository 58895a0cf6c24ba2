/**
 * The AWS CLI exports of the "as code" panel: a POSIX shell script of `aws lambda
 * create-event-source-mapping` commands ({@link toCliScript}, rendered by the console's own
 * `toCliCommand`, so options and quoting are the registry's), and the `--cli-input-json` document
 * of CreateEventSourceMapping ({@link toCliInputJson}, `JSON.stringify`).
 */
import { SOURCE_LIMITS } from '../form/source-limits';
import { shellQuote, toCliCommand } from '../form/to-request';
import {
  functionParameters,
  type CodeFormatOptions,
  type GeneratedCode,
  type MappingCode,
} from './mapping-code';

/** A comment line's text: no line breaks (a newline would end the comment). */
const commentText = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** Characters that keep their meaning inside `"${VAR:=…}"` (and `}` would end the word). */
const NEEDS_FALLBACK = /[}\r\n]/;

/**
 * The line that gives a shell variable its default unless the environment sets it:
 * `: "${NAME:=default}"`, with `\`, `"`, `$` and backticks backslash-escaped (the characters that
 * keep a meaning inside double quotes, POSIX Shell Command Language §2.2.3), so `fn:$LATEST` stays
 * literal. A default holding `}` or a line break uses `[ -n "${NAME:-}" ] || NAME='…'` instead.
 */
function defaultLine(variable: string, value: string): string {
  if (NEEDS_FALLBACK.test(value)) {
    return `[ -n "\${${variable}:-}" ] || ${variable}=${shellQuote(value, true)}`;
  }
  return `: "\${${variable}:=${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}}"`;
}

/**
 * The command for one mapping with `--function-name "$VARIABLE"`: the command is rendered twice
 * with two different one-letter function names, and the one character where they differ is where
 * the (bare) name stands, so no other text can be mistaken for it.
 */
function commandWithVariable(mapping: MappingCode, variable: string): string {
  const render = (name: string) =>
    toCliCommand(
      { ...mapping.request, FunctionName: name },
      { region: mapping.region, multiline: true },
    );
  const a = render('A');
  const b = render('B');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `${a.slice(0, i)}"$${variable}"${a.slice(i + 1)}`;
}

/**
 * A POSIX `sh` script that recreates the mappings: `#!/bin/sh`, `set -eu`, then per mapping a
 * comment naming its source UUID, source type and region and one multiline `aws lambda
 * create-event-source-mapping … --region <region>` (via `toCliCommand`: scalars bare when
 * shell-safe, otherwise single-quoted; structures as compact JSON in single quotes; booleans as
 * `--enabled` / `--no-enabled`). With `functionReference: 'reference'` each distinct function is a
 * shell variable (`functionParameters`, upper-cased: `ORDERS_PROCESSOR_LIVE_FUNCTION_NAME`) set at
 * the top to the literal unless the environment already sets it, and the commands read
 * `--function-name "$ORDERS_PROCESSOR_LIVE_FUNCTION_NAME"`.
 * @param mappings the mappings, in export order (at least one).
 * @param options how the function is written.
 * @returns the script, `create-event-source-mappings.sh`, `text/x-shellscript`. Throws `Error` when
 *   a request holds a member the CLI has no option for (`toCliCommand`), or no mapping is given.
 */
export function toCliScript(
  mappings: readonly MappingCode[],
  options: CodeFormatOptions,
): GeneratedCode {
  if (mappings.length === 0) throw new Error('No mapping to export.');
  const reference = options.functionReference === 'reference';
  const variables = new Map(
    functionParameters(mappings).map((p) => [p.FunctionName, p.snake.toUpperCase()]),
  );
  const count = mappings.length === 1 ? 'one mapping' : `${mappings.length} mappings`;
  const lines = [
    '#!/bin/sh',
    `# Creates ${count} with aws lambda create-event-source-mapping (AWS CLI).`,
    '# Secrets stay Secrets Manager ARNs; each new mapping gets a new UUID.',
    'set -eu',
    '',
  ];
  if (reference) {
    lines.push('# The functions the mappings invoke (set them in the environment to override).');
    for (const [name, variable] of variables) lines.push(defaultLine(variable, name));
    lines.push('');
  }
  for (const mapping of mappings) {
    const label = SOURCE_LIMITS[mapping.sourceType].label;
    lines.push(commentText(`# Mapping ${mapping.UUID} (${label}) in ${mapping.region}`));
    const variable = variables.get(mapping.request.FunctionName ?? '');
    lines.push(
      reference && variable
        ? commandWithVariable(mapping, variable)
        : toCliCommand(mapping.request, { region: mapping.region, multiline: true }),
    );
    lines.push('');
  }
  return {
    text: `${lines.join('\n').trimEnd()}\n`,
    fileName: 'create-event-source-mappings.sh',
    mediaType: 'text/x-shellscript',
  };
}

/** The file name of the CLI input JSON of one mapping (a single document). */
export const CLI_INPUT_JSON_FILE = 'create-event-source-mapping.json';

/** The file name of the CLI input JSON of several mappings (an array of documents). */
export const CLI_INPUT_JSONS_FILE = 'create-event-source-mappings.json';

/**
 * The shell command that creates every mapping of {@link CLI_INPUT_JSONS_FILE}, one
 * `aws lambda create-event-source-mapping` per array element: `jq -c '.[]'` prints each document
 * on one line (compact JSON escapes line breaks inside strings), and `--cli-input-json` takes the
 * JSON text itself as well as `file://` (awscli v1 and v2; tested with awscli 1.45.11 in
 * test/as-code/cli-round-trip.test.ts). The documents carry no region: the CLI's default region
 * applies unless `--region` is added.
 */
export const CLI_INPUT_JSON_LOOP = cliInputJsonLoop(CLI_INPUT_JSONS_FILE);

/**
 * {@link CLI_INPUT_JSON_LOOP} over another file, e.g. the name the panel downloads it as.
 * @param fileName the array's file: letters, digits, `.`, `-` and `_` only (it is not quoted).
 * @throws Error for a name with anything else (a shell would read it).
 */
export function cliInputJsonLoop(fileName: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(fileName)) throw new Error(`Not a plain file name: ${fileName}`);
  return `jq -c '.[]' ${fileName} | while IFS= read -r doc; do aws lambda create-event-source-mapping --cli-input-json "$doc"; done`;
}

/**
 * How to use the CLI input JSON, for the panel: for one mapping the `--cli-input-json file://`
 * command, for several the {@link CLI_INPUT_JSON_LOOP} over the array.
 * @param count the number of mappings exported (at least 1).
 * @param fileName the file the JSON is downloaded as (default {@link CLI_INPUT_JSON_FILE} or
 *   {@link CLI_INPUT_JSONS_FILE}); letters, digits, `.`, `-` and `_` only.
 * @returns one or two sentences, naming the file and the command. Throws `Error` for a file name
 *   with other characters.
 */
export function cliInputJsonUsage(count: number, fileName?: string): string {
  return count === 1
    ? `The request as a document for aws lambda create-event-source-mapping --cli-input-json file://${fileName ?? CLI_INPUT_JSON_FILE}.`
    : `An array of ${count} request documents, one per mapping. Create them all with: ${cliInputJsonLoop(fileName ?? CLI_INPUT_JSONS_FILE)}`;
}

/**
 * The `--cli-input-json` document of CreateEventSourceMapping: the request as `JSON.stringify`
 * writes it with a 2-space indent (member names as the API's; `StartingPositionTimestamp` as an
 * ISO 8601 string, which botocore accepts for a timestamp). For one mapping the document itself,
 * in {@link CLI_INPUT_JSON_FILE}:
 *
 *     aws lambda create-event-source-mapping --cli-input-json file://create-event-source-mapping.json
 *
 * For several, a JSON array of documents, one per mapping in export order, in
 * {@link CLI_INPUT_JSONS_FILE}. The CLI takes one document per call, so each element goes to its
 * own call ({@link CLI_INPUT_JSON_LOOP}; `--cli-input-json` takes the JSON text as well as a
 * `file://` path):
 *
 *     jq -c '.[]' create-event-source-mappings.json | while IFS= read -r doc; do
 *       aws lambda create-event-source-mapping --cli-input-json "$doc"
 *     done
 *
 * The region is not part of the request: pass `--region` (or set the CLI's default region).
 * `options.functionReference` does not apply (JSON has no variables): the FunctionName is literal.
 * @param mappings the mappings, in export order (at least one).
 * @param _options ignored (see above).
 * @returns the JSON, {@link CLI_INPUT_JSON_FILE} for one mapping or {@link CLI_INPUT_JSONS_FILE}
 *   for several, `application/json`. Throws `Error` when no mapping is given.
 */
export function toCliInputJson(
  mappings: readonly MappingCode[],
  _options: CodeFormatOptions,
): GeneratedCode {
  if (mappings.length === 0) throw new Error('No mapping to export.');
  const documents = mappings.map((m) => m.request);
  const value = documents.length === 1 ? documents[0] : documents;
  return {
    text: `${JSON.stringify(value, null, 2)}\n`,
    fileName: documents.length === 1 ? CLI_INPUT_JSON_FILE : CLI_INPUT_JSONS_FILE,
    mediaType: 'application/json',
  };
}
