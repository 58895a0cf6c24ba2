/**
 * `EventSourceArn` pattern (anchored) after the Lambda service model's `Arn` shape (botocore
 * `lambda/2015-03-31/service-2.json`, 2026-08): partition, service, optional region, optional
 * account, resource. Capture groups: 1 partition, 2 service, 3 region, 4 account id, 5 resource.
 * Regions follow the model's `(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}`, so the
 * European Sovereign Cloud and ISO partitions' regions are accepted.
 *
 * Its own module so the mappings list (the ARN filter) does not download the form's rules table;
 * `form/source-limits.ts` re-exports it.
 */
export const EVENT_SOURCE_ARN_PATTERN =
  /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-]+):((?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)?:(\d{12})?:(.*)$/;

/** Partition of each SQS endpoint domain (AWS's endpoints: `sqs.<region>.<domain>`). */
const SQS_DOMAIN_PARTITIONS: Readonly<Record<string, string>> = {
  'amazonaws.com': 'aws',
  'amazonaws.com.cn': 'aws-cn',
};

const SQS_QUEUE_URL =
  /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.|([a-z0-9-]+)\.queue\.|queue\.)(amazonaws\.com(?:\.cn)?)\/(\d{12})\/([a-zA-Z0-9_-]{1,80}(?:\.fifo)?)\/?$/;

/**
 * The queue ARN of an SQS queue URL, as the SQS console and `aws sqs get-queue-url` show it:
 * `https://sqs.us-east-1.amazonaws.com/123456789012/orders` → `arn:aws:sqs:us-east-1:
 * 123456789012:orders`; the legacy `https://<region>.queue.amazonaws.com/…` and
 * `https://queue.amazonaws.com/…` (us-east-1) forms too. Lambda wants the ARN (SQS's
 * GetQueueAttributes `QueueArn`); the URL holds all its parts.
 * @param text what was pasted (surrounding whitespace ignored).
 * @returns the ARN, or `undefined` when `text` is not an SQS queue URL.
 */
export function sqsQueueUrlToArn(text: string): string | undefined {
  const match = SQS_QUEUE_URL.exec(text.trim());
  if (!match) return undefined;
  const [, region1, region2, domain = '', account, queue] = match;
  const partition = SQS_DOMAIN_PARTITIONS[domain];
  const region = region1 ?? region2 ?? 'us-east-1';
  return partition ? `arn:${partition}:sqs:${region}:${account}:${queue}` : undefined;
}
