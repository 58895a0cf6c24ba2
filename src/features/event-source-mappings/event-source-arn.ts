/**
 * `EventSourceArn` pattern (anchored) after the Lambda service model's `Arn` shape (botocore
 * `lambda/2015-03-31/service-2.json`): partition, service, optional region, optional account,
 * resource. Capture groups: 1 partition, 2 service, 3 region, 4 account id, 5 resource. (The
 * current model also allows `eusc-` and `-iso` regions, which this form does not accept.)
 *
 * Its own module so the mappings list (the ARN filter) does not download the form's rules table;
 * `form/source-limits.ts` re-exports it.
 */
export const EVENT_SOURCE_ARN_PATTERN =
  /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-]+):([a-z]{2}(?:-gov)?-[a-z]+-\d)?:(\d{12})?:(.*)$/;
