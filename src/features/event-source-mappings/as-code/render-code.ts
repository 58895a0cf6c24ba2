/**
 * One entry point for the "as code" panel: renders a list of {@link MappingCode} in a format, and
 * says what each format is, in the panel's words.
 */
import { toCdk } from './cdk';
import { cliInputJsonUsage, toCliInputJson, toCliScript } from './cli';
import { toCloudFormation } from './cloudformation';
import type { CodeFormat, CodeFormatOptions, GeneratedCode, MappingCode } from './mapping-code';
import { toSam } from './sam';
import { toTerraform } from './terraform';

/** What the panel shows about a format: its tab label and one line of how to use the code. */
export interface CodeFormatInfo {
  label: string;
  /**
   * How to use the code (for one mapping and for several), naming `fileName` where it names the
   * downloaded file (the CLI input JSON's command).
   */
  usage: (count: number, fileName?: string) => string;
  /** The download's extension, without its dot (that of the format's `GeneratedCode.fileName`). */
  extension: string;
  /** Whether the "function as a parameter" switch changes this format. */
  takesFunctionReference: boolean;
}

/** The formats' tab labels and usage lines, in tab order (`CODE_FORMATS`). */
export const CODE_FORMAT_INFO: Readonly<Record<CodeFormat, CodeFormatInfo>> = {
  cli: {
    label: 'AWS CLI',
    usage: (n) =>
      `A POSIX shell script with ${n === 1 ? 'one aws lambda create-event-source-mapping command' : `${n} aws lambda create-event-source-mapping commands, one per mapping`}.`,
    extension: 'sh',
    takesFunctionReference: true,
  },
  'cli-input-json': {
    label: 'CLI input JSON',
    usage: cliInputJsonUsage,
    extension: 'json',
    takesFunctionReference: false,
  },
  cloudformation: {
    label: 'CloudFormation',
    usage: () =>
      'A template with one AWS::Lambda::EventSourceMapping resource per mapping (a stack is regional).',
    extension: 'yaml',
    takesFunctionReference: true,
  },
  sam: {
    label: 'SAM',
    usage: () =>
      "An AWS SAM template: each mapping as an event under its function's Events where SAM has an event type that takes all its members, otherwise as an AWS::Lambda::EventSourceMapping resource.",
    extension: 'yaml',
    takesFunctionReference: true,
  },
  terraform: {
    label: 'Terraform',
    usage: () =>
      'aws_lambda_event_source_mapping resources with an import block each, so terraform plan adopts the existing mappings instead of creating new ones.',
    extension: 'tf',
    takesFunctionReference: true,
  },
  cdk: {
    label: 'CDK',
    usage: () =>
      'A TypeScript construct (aws-cdk-lib/aws-lambda CfnEventSourceMapping) to add to a stack.',
    extension: 'ts',
    takesFunctionReference: true,
  },
};

/**
 * Renders mappings in one format.
 * @param format the format.
 * @param mappings the mappings, in export order (at least one).
 * @param options how the function is written.
 * @returns the text, file name and media type. A member the format cannot express is named: the
 *   CloudFormation and CDK exports throw an `Error` naming it, Terraform writes it as a
 *   `# not expressible …` comment, SAM falls back to a plain resource with the reason.
 */
export function renderCode(
  format: CodeFormat,
  mappings: readonly MappingCode[],
  options: CodeFormatOptions,
): GeneratedCode {
  switch (format) {
    case 'cli':
      return toCliScript(mappings, options);
    case 'cli-input-json':
      return toCliInputJson(mappings, options);
    case 'cloudformation':
      return toCloudFormation(mappings, options);
    case 'sam':
      return toSam(mappings, options);
    case 'terraform':
      return toTerraform(mappings, options);
    case 'cdk':
      return toCdk(mappings, options);
  }
}
